// A vocabulary list: term, part of speech, translation and an example.
import type { VocabularyBlockT } from '../../../../contract/lessons';

export function VocabularyList({ block }: { block: VocabularyBlockT }) {
  const title = block.title || 'Vocabulary';
  return (
    <section className="card vocabulary" aria-label={title}>
      <h3>{title}</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Translation</th>
            <th scope="col">Example</th>
          </tr>
        </thead>
        <tbody>
          {block.items.map((item, i) => (
            <tr key={i}>
              <th scope="row">
                {item.term}
                {item.partOfSpeech && <span className="muted"> ({item.partOfSpeech})</span>}
              </th>
              <td>{item.translation}</td>
              <td>
                <em>{item.example}</em>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
