// A gap-fill exercise: sentences with gaps written {{}}; each gap lists its accepted answers (separated by |).
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('lessons');
  const setSentence = (i: number, s: Sentence) =>
    onChange({ ...block, sentences: block.sentences.map((x, j) => (j === i ? s : x)) });
  return (
    <div>
      <ExerciseBasics block={block} onChange={onChange} path={path} fields={fields} />
      <Checkbox
        label={t('editor.gapFill.caseSensitive')}
        checked={block.caseSensitive}
        onChange={(caseSensitive) => onChange({ ...block, caseSensitive })}
      />
      {block.sentences.map((s, i) => (
        <fieldset className="sentence-edit" key={i}>
          <legend>{t('editor.gapFill.sentence', { number: i + 1 })}</legend>
          <div className="row-fields">
            <TextInput
              label={t('editor.gapFill.sentenceText', { number: i + 1 })}
              value={s.text}
              onChange={(text) => setSentence(i, withText(s, text))}
              fields={fields}
              path={`${path}.sentences.${i}.text`}
              hint={t('editor.gapFill.sentenceHint', { mark: '{{}}' })}
            />
            <RemoveButton
              label={t('editor.gapFill.removeSentence', { number: i + 1 })}
              disabled={block.sentences.length === 1}
              onClick={() => onChange({ ...block, sentences: block.sentences.filter((_, j) => j !== i) })}
            />
          </div>
          {s.gaps.map((g, k) => (
            <ListInput
              key={k}
              label={t('editor.gapFill.accepted', { number: i + 1, gap: k + 1 })}
              value={g.accepted}
              parse={splitList}
              format={joinList}
              onChange={(accepted) =>
                setSentence(i, { ...s, gaps: s.gaps.map((x, j) => (j === k ? { accepted } : x)) })
              }
              fields={fields}
              path={`${path}.sentences.${i}.gaps.${k}.accepted`}
              hint={t('editor.gapFill.acceptedHint')}
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
        {t('editor.gapFill.addSentence')}
      </button>
    </div>
  );
}
