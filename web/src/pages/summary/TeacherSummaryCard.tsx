// The teacher summary (admins only): the group at a glance, each student's activity (minutes, chat, polls,
// speaking time) and results, the speaking-time balance, the conversation's language, the new words, the
// hardest exercises.
import type { TeacherSummaryData } from '../../../../contract/sessionSummary';

const languageName = (code: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

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
            <th scope="col" className="num">
              Minutes
            </th>
            <th scope="col" className="num">
              Chat
            </th>
            <th scope="col" className="num">
              Polls
            </th>
            <th scope="col" className="num">
              Spoke
            </th>
            <th scope="col">Homework at the end</th>
          </tr>
        </thead>
        <tbody>
          {summary.students.map((s) => (
            <tr key={s.studentId}>
              <td>{names[s.studentId] ?? 'Student'}</td>
              <td className="num">{s.answered}</td>
              <td className="num">{s.percent === null ? '—' : `${s.percent} %`}</td>
              <td className="num">{s.minutesPresent}</td>
              <td className="num">{s.chatMessages}</td>
              <td className="num">{s.pollAnswers}</td>
              <td className="num">{Math.round(s.speakingSeconds)} s</td>
              <td>{s.homework ? s.homework.status.replace(/_/g, ' ') : 'none'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="facts">
        <dt>Speaking time</dt>
        <dd data-testid="summary-speaking">
          {summary.speaking?.participantShare != null
            ? `students ${Math.round(summary.speaking.participantShare * 100)} %, teacher ${Math.round(summary.speaking.hostSeconds)} s of ${Math.round(summary.speaking.totalSeconds)} s`
            : 'not measured'}
        </dd>
        <dt>Conversation language</dt>
        <dd data-testid="summary-language">
          {summary.language
            ? `${languageName(summary.language.code)} (${Math.round(summary.language.share * 100)} %)`
            : 'not detected'}
        </dd>
        <dt>New vocabulary</dt>
        <dd>{summary.newWords.length ? summary.newWords.join(', ') : '—'}</dd>
      </dl>
      {summary.hardest.length > 0 && (
        <p>
          Most missed: {summary.hardest.map((h) => `${h.exerciseId} (${h.incorrect} student(s))`).join(', ')}
        </p>
      )}
    </article>
  );
}
