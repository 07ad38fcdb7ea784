// A vocabulary list: term, part of speech, translation and an example.
import { useTranslation } from 'react-i18next';
import type { VocabularyBlockT } from '../../../../contract/lessons';

export function VocabularyList({ block }: { block: VocabularyBlockT }) {
  const { t } = useTranslation('lessons');
  const title = block.title || t('vocabularyTitle');
  return (
    <section className="card vocabulary" aria-label={title}>
      <h3>{title}</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('view.vocabulary.term')}</th>
            <th scope="col">{t('view.vocabulary.translation')}</th>
            <th scope="col">{t('view.vocabulary.example')}</th>
          </tr>
        </thead>
        <tbody>
          {block.items.map((item, i) => (
            <tr key={i}>
              <th scope="row">
                {item.term}
                {item.partOfSpeech && (
                  <span className="muted"> ({t(`partOfSpeech.${item.partOfSpeech}`)})</span>
                )}
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
