// The teacher grades an essay answer: points (up to the exercise's) and a comment.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GivenAnswer } from '../../../../contract/lessons';
import { useAction } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';

type Props = {
  answer: GivenAnswer;
  studentName: string;
  onGrade(points: number, comment: string | null): Promise<unknown>;
};

export function EssayGrading({ answer, studentName, onGrade }: Props) {
  const { t } = useTranslation('lessons');
  const id = useId();
  const [points, setPoints] = useState(answer.points === null ? '' : String(answer.points));
  const [comment, setComment] = useState(answer.comment ?? '');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await action.run(() => onGrade(Number(points), comment.trim() || null));
  };
  return (
    <form
      className="grade-form"
      onSubmit={submit}
      aria-label={t('progress.gradeForm', { name: studentName })}
    >
      <div className="field field-narrow">
        <label htmlFor={`${id}-p`}>{t('progress.pointsOf', { max: answer.maxPoints })}</label>
        <input
          id={`${id}-p`}
          type="number"
          required
          min={0}
          max={answer.maxPoints}
          step="0.5"
          value={points}
          onChange={(e) => setPoints(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-c`}>{t('progress.comment')}</label>
        <input id={`${id}-c`} maxLength={4000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <button className="btn btn-small btn-primary" disabled={action.pending}>
        {answer.points === null ? t('progress.grade') : t('progress.changeGrade')}
      </button>
      <ErrorBox error={action.error} />
    </form>
  );
}
