// The student hands in the homework: passed at the pass mark, else "try again" (the attempt is kept), or it
// waits for the teacher to grade an essay.
import { useTranslation } from 'react-i18next';
import type { LessonAnswers } from '../../../../contract/lessons';
import { useAction } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';

type Props = { answers: LessonAnswers; onHandIn(): Promise<LessonAnswers> };

export function HandIn({ answers, onHandIn }: Props) {
  const { t } = useTranslation('homework');
  const action = useAction();
  const mine = answers.students[0];
  const last = mine?.attempts[mine.attempts.length - 1];
  return (
    <div className="card" aria-label={t('handIn.label')}>
      {last && (
        <p role="status" data-testid="hand-in-result">
          {last.outcome === 'passed' &&
            t('handIn.passed', { percent: Math.round(last.percent), passMark: last.passMark })}
          {last.outcome === 'try_again' &&
            t('handIn.tryAgain', {
              attempt: last.attempt,
              percent: Math.round(last.percent),
              passMark: last.passMark,
            })}
          {last.outcome === 'awaiting_grading' && t('handIn.awaiting')}
        </p>
      )}
      <ErrorBox error={action.error} />
      {(!last || last.outcome === 'try_again') && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={action.pending || !mine || mine.answered === 0}
          onClick={() => void action.run(onHandIn)}
        >
          {t('handIn.button')}
        </button>
      )}
      {mine && mine.answered === 0 && <p className="muted">{t('handIn.answerFirst')}</p>}
    </div>
  );
}
