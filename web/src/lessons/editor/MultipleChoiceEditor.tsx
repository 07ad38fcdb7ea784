// A multiple-choice exercise: the question, its options and which are correct (one, or several with partial credit).
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../lib/api';
import type { MultipleChoiceT } from '../../../../contract/lessons';
import { nextId } from '../draft';
import { ExerciseBasics } from './ExerciseBasics';
import { Checkbox, FieldErrors, RemoveButton, TextInput } from './Fields';

type Props = {
  block: MultipleChoiceT;
  onChange(b: MultipleChoiceT): void;
  path: string;
  fields: FieldError[];
};

export function MultipleChoiceEditor({ block, onChange, path, fields }: Props) {
  const { t } = useTranslation('lessons');
  const setCorrect = (id: string, correct: boolean) =>
    onChange({
      ...block,
      options: block.options.map((o) =>
        o.id === id ? { ...o, correct } : block.multiple || !correct ? o : { ...o, correct: false },
      ),
    });
  return (
    <div>
      <ExerciseBasics block={block} onChange={onChange} path={path} fields={fields} />
      <TextInput
        label={t('editor.multipleChoice.question')}
        value={block.question}
        onChange={(question) => onChange({ ...block, question })}
        fields={fields}
        path={`${path}.question`}
      />
      <Checkbox
        label={t('editor.multipleChoice.multiple')}
        checked={block.multiple}
        onChange={(multiple) => onChange({ ...block, multiple })}
      />
      <fieldset className="options-edit">
        <legend>
          {block.multiple ? t('editor.multipleChoice.optionsSeveral') : t('editor.multipleChoice.optionsOne')}
        </legend>
        {block.options.map((o, i) => (
          <div className="option-edit" key={o.id}>
            <input
              type={block.multiple ? 'checkbox' : 'radio'}
              name={`${path}-correct`}
              aria-label={t('editor.multipleChoice.optionCorrect', { number: i + 1 })}
              checked={o.correct}
              onChange={(e) => setCorrect(o.id, e.target.checked)}
            />
            <input
              aria-label={t('editor.multipleChoice.option', { number: i + 1 })}
              value={o.text}
              onChange={(e) =>
                onChange({
                  ...block,
                  options: block.options.map((x) => (x.id === o.id ? { ...x, text: e.target.value } : x)),
                })
              }
            />
            <RemoveButton
              label={t('editor.multipleChoice.removeOption', { number: i + 1 })}
              disabled={block.options.length <= 2}
              onClick={() => onChange({ ...block, options: block.options.filter((x) => x.id !== o.id) })}
            />
            <FieldErrors fields={fields} path={`${path}.options.${i}`} deep />
          </div>
        ))}
      </fieldset>
      <FieldErrors fields={fields} path={`${path}.options`} />
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          onChange({
            ...block,
            options: [
              ...block.options,
              {
                id: nextId(
                  block.options.map((o) => o.id),
                  '',
                ),
                text: '',
                correct: false,
              },
            ],
          })
        }
      >
        {t('editor.multipleChoice.addOption')}
      </button>
    </div>
  );
}
