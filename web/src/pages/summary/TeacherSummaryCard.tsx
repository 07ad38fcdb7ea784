// The teacher summary (admins only): the group at a glance, each student's activity and results, the hardest
// exercises.
import type { TeacherSummaryData } from '../../../../contract/sessionSummary';

export function TeacherSummaryCard({
  summary,
  names,
}: {
  summary: TeacherSummaryData;
  names: Record<string, string>;
}) {
  return (
    <article className="card" aria-label="Teacher summary" data-testid="teacher-summary">
      <h3>Teacher summary</h3>
      <p>{summary.text}</p>
      <table className="table" aria-label="Per student">
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col" className="num">
              Answered
            </th>
            <th scope="col" className="num">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.students.map((s) => (
            <tr key={s.studentId}>
              <td>{names[s.studentId] ?? 'Student'}</td>
              <td className="num">{s.answered}</td>
              <td className="num">{s.percent === null ? '—' : `${s.percent} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.hardest.length > 0 && (
        <p>
          Most missed: {summary.hardest.map((h) => `${h.exerciseId} (${h.incorrect} student(s))`).join(', ')}
        </p>
      )}
    </article>
  );
}
