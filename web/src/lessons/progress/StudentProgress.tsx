// The teacher's view of a lesson's answers: per student answered, correct and score, each answer on demand, essay
// grading, and revealing the answers to everyone.
import { Fragment, useState } from 'react';
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
  const [shown, setShown] = useState<Record<string, boolean>>({});
  return (
    <table className="table progress-table" aria-label="Students' progress">
      <thead>
        <tr>
          <th scope="col">Student</th>
          <th scope="col">Answered</th>
          <th scope="col">Correct</th>
          <th scope="col">Score</th>
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
                        {expanded ? `Hide ${name}'s answers` : `Show ${name}'s answers`}
                      </button>
                    </div>
                  )}
                </th>
                <td>
                  {s.answered} of {s.exercises}
                </td>
                <td>{s.correct}</td>
                <td>
                  <span data-testid="student-score">
                    {s.score} / {s.maxScore}
                  </span>
                  {waiting > 0 && (
                    <>
                      {' '}
                      <Badge tone="info">{waiting} to grade</Badge>
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
