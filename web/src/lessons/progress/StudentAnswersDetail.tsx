// One student's answers for the teacher: each exercise with the answer, the points, and a grading form for essays.
import { useTranslation } from 'react-i18next';
import type { LessonAnswers, StudentAnswers, StudentView } from '../../../../contract/lessons';
import { Badge } from '../../ui/feedback';
import { answerText, pointsText } from '../answerText';
import { EssayGrading } from './EssayGrading';

type Props = {
  view: StudentView;
  keys: LessonAnswers['key'];
  student: StudentAnswers;
  name: string;
  onGrade?(studentId: string, exerciseId: string, points: number, comment: string | null): Promise<unknown>;
};

export function StudentAnswersDetail({ view, keys, student, name, onGrade }: Props) {
  const { t } = useTranslation('lessons');
  let n = 0;
  return (
    <ol className="answer-detail" aria-label={t('progress.answersOf', { name })}>
      {view.blocks.map((b) => {
        if (b.type === 'text' || b.type === 'vocabulary') return null;
        n++;
        const given = student.answers.find((a) => a.exerciseId === b.id);
        return (
          <li key={b.id} data-testid="student-answer" data-exercise={b.id}>
            <strong>{t('editor.block.title', { number: n, type: t(`blockType.${b.type}`) })}</strong>{' '}
            {!given ? (
              <span className="muted">{t('progress.notAnswered')}</span>
            ) : (
              <>
                <Badge
                  tone={
                    given.points === null ? 'info' : given.correct ? 'ok' : given.points > 0 ? 'warn' : 'bad'
                  }
                >
                  {pointsText(t, given.points, given.maxPoints)}
                </Badge>
                {b.type === 'essay' ? (
                  <p className="essay-text">{answerText(t, b, given.answer)}</p>
                ) : (
                  <span> {answerText(t, b, given.answer)}</span>
                )}
                {b.type !== 'essay' && keys?.[b.id] && !given.correct && (
                  <span className="muted">
                    {' '}
                    {t('progress.correctWas', { answer: answerText(t, b, keys[b.id]) })}
                  </span>
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
