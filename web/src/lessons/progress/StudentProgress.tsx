// The teacher's view of a lesson's answers: per student answered, correct and score, each answer on demand, essay
// grading, and revealing the answers to everyone.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonAnswers, StudentView } from '../../../../contract/lessons';
import { Badge } from '../../ui/feedback';
import { StudentAnswersDetail } from './StudentAnswersDetail';

type Props = {
  view: StudentView;
  answers: LessonAnswers;
  nameOf(studentId: string): string;
  onGrade(studentId: string, exerciseId: string, points: number, comment: string | null): Promise<unknown>;
  /** Shown expanded (a single student, homework). */
  open?: boolean;
};

export function StudentProgress({ view, answers, nameOf, onGrade, open }: Props) {
  const { t } = useTranslation('lessons');
  const [shown, setShown] = useState<Record<string, boolean>>({});
  return (
    <table className="table progress-table" aria-label={t('progress.label')}>
      <thead>
        <tr>
          <th scope="col">{t('progress.student')}</th>
          <th scope="col">{t('progress.answered')}</th>
          <th scope="col">{t('progress.correct')}</th>
          <th scope="col">{t('progress.score')}</th>
        </tr>
      </thead>
      <tbody>
        {answers.students.map((s) => {
          const name = nameOf(s.studentId);
          const waiting = s.answers.filter((a) => a.status === 'awaiting_teacher').length;
          const expanded = open || shown[s.studentId];
          return (
            <Fragment key={s.studentId}>
              <tr data-testid="student-progress" data-student={name}>
                <th scope="row">
                  {name}
                  {!open && (
                    <div>
                      <button
                        type="button"
                        className="btn btn-small btn-ghost"
                        aria-expanded={!!expanded}
                        onClick={() => setShown((x) => ({ ...x, [s.studentId]: !x[s.studentId] }))}
                      >
                        {expanded ? t('progress.hide', { name }) : t('progress.show', { name })}
                      </button>
                    </div>
                  )}
                </th>
                <td>{t('progress.answeredOf', { answered: s.answered, exercises: s.exercises })}</td>
                <td>{s.correct}</td>
                <td>
                  <span data-testid="student-score">
                    {s.score} / {s.maxScore}
                  </span>
                  {waiting > 0 && (
                    <>
                      {' '}
                      <Badge tone="info">{t('progress.toGrade', { count: waiting })}</Badge>
                    </>
                  )}
                </td>
              </tr>
              {expanded && (
                <tr>
                  <td colSpan={4}>
                    <StudentAnswersDetail
                      view={view}
                      keys={answers.key}
                      student={s}
                      name={name}
                      onGrade={onGrade}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
