// One student's answers for the teacher: each exercise with the answer, the points, and a grading form for essays.
import type { LessonAnswers, StudentAnswers, StudentView } from '../../../../contract/lessons';
import { Badge } from '../../ui/feedback';
import { answerText, pointsText } from '../answerText';
import { BLOCK_LABELS } from '../draft';
import { EssayGrading } from './EssayGrading';

type Props = {
  view: StudentView;
  keys: LessonAnswers['key'];
  student: StudentAnswers;
  name: string;
  onGrade?(studentId: string, exerciseId: string, points: number, comment: string | null): Promise<unknown>;
};

export function StudentAnswersDetail({ view, keys, student, name, onGrade }: Props) {
  let n = 0;
  return (
    <ol className="answer-detail" aria-label={`${name}'s answers`}>
      {view.blocks.map((b) => {
        if (b.type === 'text' || b.type === 'vocabulary') return null;
        n++;
        const given = student.answers.find((a) => a.exerciseId === b.id);
        return (
          <li key={b.id} data-testid="student-answer" data-exercise={b.id}>
            <strong>
              {n}. {BLOCK_LABELS[b.type]}
            </strong>{' '}
            {!given ? (
              <span className="muted">not answered</span>
            ) : (
              <>
                <Badge
                  tone={
                    given.points === null ? 'info' : given.correct ? 'ok' : given.points > 0 ? 'warn' : 'bad'
                  }
                >
                  {pointsText(given.points, given.maxPoints)}
                </Badge>
                {b.type === 'essay' ? (
                  <p className="essay-text">{answerText(b, given.answer)}</p>
                ) : (
                  <span> {answerText(b, given.answer)}</span>
                )}
                {b.type !== 'essay' && keys?.[b.id] && !given.correct && (
                  <span className="muted"> (correct: {answerText(b, keys[b.id])})</span>
                )}
                {given.comment && <span className="muted"> · “{given.comment}”</span>}
                {b.type === 'essay' && onGrade && (
                  <EssayGrading
                    answer={given}
                    studentName={name}
                    onGrade={(points, comment) => onGrade(student.studentId, b.id, points, comment)}
                  />
                )}
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
