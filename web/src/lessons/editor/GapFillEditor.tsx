// A gap-fill exercise: sentences with gaps written {{}}; each gap lists its accepted answers (separated by |).
import type { FieldError } from '../../lib/api';
import type { GapFillT } from '../../../../contract/lessons';
import { joinList, splitList } from '../draft';
import { ExerciseBasics } from './ExerciseBasics';
import { Checkbox, FieldErrors, ListInput, RemoveButton, TextInput } from './Fields';

type Props = { block: GapFillT; onChange(b: GapFillT): void; path: string; fields: FieldError[] };
type Sentence = GapFillT['sentences'][number];

const marks = (text: string) => text.match(/\{\{\}\}/g)?.length ?? 0;

/** Keeps one gap per {{}} mark as the sentence is typed. */
function withText(sentence: Sentence, text: string): Sentence {
  const count = Math.max(1, marks(text));
  const gaps = Array.from({ length: count }, (_, i) => sentence.gaps[i] ?? { accepted: [''] });
  return { text, gaps };
}

export function GapFillEditor({ block, onChange, path, fields }: Props) {
  const setSentence = (i: number, s: Sentence) =>
    onChange({ ...block, sentences: block.sentences.map((x, j) => (j === i ? s : x)) });
  return (
    <div>
      <ExerciseBasics block={block} onChange={onChange} path={path} fields={fields} />
      <Checkbox
        label="Case sensitive"
        checked={block.caseSensitive}
        onChange={(caseSensitive) => onChange({ ...block, caseSensitive })}
      />
      {block.sentences.map((s, i) => (
        <fieldset className="sentence-edit" key={i}>
          <legend>Sentence {i + 1}</legend>
          <div className="row-fields">
            <TextInput
              label={`Sentence ${i + 1} text`}
              value={s.text}
              onChange={(text) => setSentence(i, withText(s, text))}
              fields={fields}
              path={`${path}.sentences.${i}.text`}
              hint="Write {{}} where a gap goes."
            />
            <RemoveButton
              label={`Remove sentence ${i + 1}`}
              disabled={block.sentences.length === 1}
              onClick={() => onChange({ ...block, sentences: block.sentences.filter((_, j) => j !== i) })}
            />
          </div>
          {s.gaps.map((g, k) => (
            <ListInput
              key={k}
              label={`Sentence ${i + 1}, gap ${k + 1}: accepted answers`}
              value={g.accepted}
              parse={splitList}
              format={joinList}
              onChange={(accepted) =>
                setSentence(i, { ...s, gaps: s.gaps.map((x, j) => (j === k ? { accepted } : x)) })
              }
              fields={fields}
              path={`${path}.sentences.${i}.gaps.${k}.accepted`}
              hint="The first is the answer shown; separate alternatives with |"
            />
          ))}
          <FieldErrors fields={fields} path={`${path}.sentences.${i}.gaps`} />
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          onChange({ ...block, sentences: [...block.sentences, { text: '', gaps: [{ accepted: [''] }] }] })
        }
      >
        + Add sentence
      </button>
    </div>
  );
}
