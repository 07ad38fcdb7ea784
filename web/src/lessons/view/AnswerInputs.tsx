// How a student answers each exercise type: choose options, fill gaps, match items, order words, pick true or
// false, write an essay. Each input edits an Answer in the shape the server grades.
import { useTranslation } from 'react-i18next';
import type { Answer, StudentExercise } from '../../../../contract/lessons';

type Of<T extends StudentExercise['type']> = Extract<StudentExercise, { type: T }>;
type AnswerOf<T extends Answer['type']> = Extract<Answer, { type: T }>;
type Props<T extends StudentExercise['type'] & Answer['type']> = {
  exercise: Of<T>;
  value: AnswerOf<T> | undefined;
  onChange(a: AnswerOf<T>): void;
  disabled: boolean;
};

export function MultipleChoiceInput({ exercise, value, onChange, disabled }: Props<'multipleChoice'>) {
  const selected = value?.selected ?? [];
  return (
    <fieldset className="answer-options" disabled={disabled}>
      <legend>{exercise.question}</legend>
      {exercise.options.map((o) => (
        <label key={o.id} className="check">
          <input
            type={exercise.multiple ? 'checkbox' : 'radio'}
            name={`mc-${exercise.id}`}
            checked={selected.includes(o.id)}
            onChange={(e) =>
              onChange({
                type: 'multipleChoice',
                selected: exercise.multiple
                  ? e.target.checked
                    ? [...selected, o.id]
                    : selected.filter((s) => s !== o.id)
                  : [o.id],
              })
            }
          />{' '}
          {o.text}
        </label>
      ))}
    </fieldset>
  );
}

export function GapFillInput({ exercise, value, onChange, disabled }: Props<'gapFill'>) {
  const { t } = useTranslation('lessons');
  const total = exercise.sentences.reduce((n, s) => n + s.gaps, 0);
  const gaps = value?.gaps ?? Array.from({ length: total }, () => '');
  let gap = 0;
  return (
    <div className="gap-fill">
      {exercise.sentences.map((s, i) => (
        <p key={i}>
          {s.text.split('{{}}').map((part, k, parts) => {
            const at = k < parts.length - 1 ? gap++ : -1;
            return (
              <span key={k}>
                {part}
                {at >= 0 && (
                  <input
                    className="gap"
                    aria-label={t('view.gap', { number: at + 1 })}
                    disabled={disabled}
                    value={gaps[at] ?? ''}
                    onChange={(e) =>
                      onChange({ type: 'gapFill', gaps: gaps.map((g, j) => (j === at ? e.target.value : g)) })
                    }
                  />
                )}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}

export function MatchingInput({ exercise, value, onChange, disabled }: Props<'matching'>) {
  const { t } = useTranslation('lessons');
  const matches = value?.matches ?? {};
  return (
    <table className="table matching">
      <tbody>
        {exercise.left.map((l) => (
          <tr key={l.id}>
            <th scope="row">{l.text}</th>
            <td>
              <select
                aria-label={t('view.matchFor', { item: l.text })}
                disabled={disabled}
                value={matches[l.id] ?? ''}
                onChange={(e) =>
                  onChange({ type: 'matching', matches: { ...matches, [l.id]: e.target.value } })
                }
              >
                <option value="">{t('view.choose')}</option>
                {exercise.right.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.text}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WordOrderInput({ exercise, value, onChange, disabled }: Props<'wordOrder'>) {
  const { t } = useTranslation('lessons');
  const chosen = value?.words ?? [];
  const left = [...exercise.words];
  for (const w of chosen) left.splice(left.indexOf(w), 1);
  return (
    <div className="word-order">
      <p className="word-order-sentence" aria-live="polite" aria-label={t('view.yourSentence')}>
        {chosen.length ? chosen.join(' ') : <span className="muted">{t('view.clickWords')}</span>}
      </p>
      <div className="row-tight">
        {left.map((w, i) => (
          <button
            key={`${w}-${i}`}
            type="button"
            className="btn btn-small"
            disabled={disabled}
            onClick={() => onChange({ type: 'wordOrder', words: [...chosen, w] })}
          >
            {w}
          </button>
        ))}
        {chosen.length > 0 && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={disabled}
            onClick={() => onChange({ type: 'wordOrder', words: [] })}
          >
            {t('view.startAgain')}
          </button>
        )}
      </div>
    </div>
  );
}

export function TrueFalseInput({ exercise, value, onChange, disabled }: Props<'trueFalse'>) {
  const { t } = useTranslation('lessons');
  return (
    <fieldset className="row-tight" disabled={disabled}>
      <legend>{exercise.statement}</legend>
      {[true, false].map((v) => (
        <label key={String(v)} className="check">
          <input
            type="radio"
            name={`tf-${exercise.id}`}
            checked={value?.value === v}
            onChange={() => onChange({ type: 'trueFalse', value: v })}
          />{' '}
          {v ? t('truth.true') : t('truth.false')}
        </label>
      ))}
    </fieldset>
  );
}

export function EssayInput({ exercise, value, onChange, disabled }: Props<'essay'>) {
  const { t } = useTranslation('lessons');
  const text = value?.text ?? '';
  const words = t('view.essay.words', { count: text.trim().split(/\s+/).filter(Boolean).length });
  const { minWords: min, maxWords: max } = exercise;
  const limits =
    min && max
      ? t('view.essay.between', { min, max })
      : min
        ? t('view.essay.atLeast', { min })
        : max
          ? t('view.essay.atMost', { max })
          : '';
  return (
    <div className="field">
      <label htmlFor={`essay-${exercise.id}`}>{exercise.prompt}</label>
      <textarea
        id={`essay-${exercise.id}`}
        rows={6}
        disabled={disabled}
        value={text}
        onChange={(e) => onChange({ type: 'essay', text: e.target.value })}
      />
      <small className="muted">{limits ? t('view.essay.withLimits', { words, limits }) : words}</small>
    </div>
  );
}
