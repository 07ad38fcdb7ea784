// The exercises with one answer to type or pick: word order (the words in their correct order, other accepted
// orders), true or false (a statement and whether it holds), and the essay (a prompt, word limits).
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../lib/api';
import type { EssayT, TrueFalseT, WordOrderT } from '../../../../contract/lessons';
import { ExerciseBasics } from './ExerciseBasics';
import { FieldErrors, ListInput, NumberInput, TextInput } from './Fields';

type Props<B> = { block: B; onChange(b: B): void; path: string; fields: FieldError[] };

const words = (text: string) => text.split(/\s+/).filter(Boolean);

export function WordOrderEditor({ block, onChange, path, fields }: Props<WordOrderT>) {
  const { t } = useTranslation('lessons');
  return (
    <div>
      <ExerciseBasics block={block} onChange={onChange} path={path} fields={fields} />
      <ListInput
        label={t('editor.wordOrder.sentence')}
        value={block.words}
        parse={words}
        format={(w) => w.join(' ')}
        onChange={(w) => onChange({ ...block, words: w })}
        fields={fields}
        path={`${path}.words`}
        hint={t('editor.wordOrder.sentenceHint')}
      />
      <ListInput
        label={t('editor.wordOrder.alternatives')}
        multiline
        value={block.alternatives.map((a) => a.join(' '))}
        parse={(text) =>
          text
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
        }
        format={(lines) => lines.join('\n')}
        onChange={(lines) =>
          onChange({ ...block, alternatives: lines.map(words).filter((a) => a.length > 0) })
        }
        fields={fields}
        path={`${path}.alternatives`}
      />
      <FieldErrors fields={fields} path={`${path}.alternatives`} deep />
    </div>
  );
}

export function TrueFalseEditor({ block, onChange, path, fields }: Props<TrueFalseT>) {
  const { t } = useTranslation('lessons');
  return (
    <div>
      <ExerciseBasics block={block} onChange={onChange} path={path} fields={fields} />
      <TextInput
        label={t('editor.trueFalse.statement')}
        value={block.statement}
        onChange={(statement) => onChange({ ...block, statement })}
        fields={fields}
        path={`${path}.statement`}
      />
      <fieldset className="row-tight">
        <legend>{t('editor.trueFalse.statementIs')}</legend>
        {[true, false].map((v) => (
          <label key={String(v)} className="check">
            <input
              type="radio"
              name={`${path}-answer`}
              checked={block.answer === v}
              onChange={() => onChange({ ...block, answer: v })}
            />{' '}
            {v ? t('truth.true') : t('truth.false')}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

export function EssayEditor({ block, onChange, path, fields }: Props<EssayT>) {
  const { t } = useTranslation('lessons');
  return (
    <div>
      <ExerciseBasics block={block} onChange={onChange} path={path} fields={fields} />
      <TextInput
        label={t('editor.essay.prompt')}
        multiline
        value={block.prompt}
        onChange={(prompt) => onChange({ ...block, prompt })}
        fields={fields}
        path={`${path}.prompt`}
      />
      <div className="row-fields">
        <NumberInput
          label={t('editor.essay.minWords')}
          min={0}
          value={block.minWords}
          onChange={(minWords) => onChange({ ...block, minWords })}
          fields={fields}
          path={`${path}.minWords`}
        />
        <NumberInput
          label={t('editor.essay.maxWords')}
          min={1}
          value={block.maxWords}
          onChange={(maxWords) => onChange({ ...block, maxWords })}
          fields={fields}
          path={`${path}.maxWords`}
        />
      </div>
    </div>
  );
}
