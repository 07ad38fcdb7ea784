// The student hands in the homework: passed at the pass mark, else "try again" (the attempt is kept), or it
// waits for the teacher to grade an essay.
import type { LessonAnswers } from '../../../../contract/lessons';
import { useAction } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';

type Props = { answers: LessonAnswers; onHandIn(): Promise<LessonAnswers> };

export function HandIn({ answers, onHandIn }: Props) {
  const action = useAction();
  const mine = answers.students[0];
  const last = mine?.attempts[mine.attempts.length - 1];
  return (
    <div className="card" aria-label="Hand in">
      {last && (
        <p role="status" data-testid="hand-in-result">
          {last.outcome === 'passed' &&
            `Passed with ${Math.round(last.percent)} % (pass mark ${last.passMark} %).`}
          {last.outcome === 'try_again' &&
            `Attempt ${last.attempt}: ${Math.round(last.percent)} %, below the pass mark of ${last.passMark} %. Try again: your attempt is kept.`}
          {last.outcome === 'awaiting_grading' &&
            'Handed in: your teacher grades the essay, then the result shows here.'}
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
          Hand in
        </button>
      )}
      {mine && mine.answered === 0 && (
        <p className="muted">Answer at least one exercise before handing in.</p>
      )}
    </div>
  );
}
