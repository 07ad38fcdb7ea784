// The Summary tab of a session: admins read the teacher summary and every participant's; the session's
// teacher every participant's; a student their own. "No summary" until one is made after the session ends.
// Admins and the teacher see why the newest were not made (the wallet was short) and may make them again.
import { useApi } from '../../lib/useApi';
import { formatDateTime } from '../../lib/time';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';
import type { SessionSummaries, StudentSummaryData } from '../../../../contract/sessionSummary';
import { TeacherSummaryCard } from './TeacherSummaryCard';
import { RegenerateSummaries } from './RegenerateSummaries';
import '../analysis/analysis.css';

function StudentCard({
  name,
  mailed,
  summary,
  own,
}: {
  name: string;
  mailed: boolean;
  summary: StudentSummaryData;
  own: boolean;
}) {
  return (
    <article
      className="card"
      aria-label={own ? 'Your summary' : `Summary of ${name}`}
      data-testid="student-summary"
    >
      <h3>{own ? 'Your summary' : name}</h3>
      <p lang={summary.language}>{summary.text}</p>
      <dl className="facts">
        <dt>Exercises</dt>
        <dd>
          {summary.answered} answered · {summary.correct} correct · {summary.incorrect} to review
          {summary.pending ? ` · ${summary.pending} waiting for the teacher` : ''}
        </dd>
        <dt>Score</dt>
        <dd>
          {summary.score} / {summary.maxScore}
          {summary.percent !== null ? ` (${summary.percent} %)` : ''}
        </dd>
        <dt>Attended</dt>
        <dd>{summary.attended ? 'yes' : 'no'}</dd>
        {summary.newWords.length > 0 && (
          <>
            <dt>New words</dt>
            <dd>{summary.newWords.join(', ')}</dd>
          </>
        )}
      </dl>
      {summary.mistakes.length > 0 && (
        <>
          <h4>To practise</h4>
          <ul className="plain-list">
            {summary.mistakes.map((m, i) => (
              <li key={i}>
                “{m.given}”{m.expected ? ` → “${m.expected}”` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {!own && <p className="muted">{mailed ? 'Mailed to the student.' : 'Not mailed (preference off).'}</p>}
    </article>
  );
}

export function SessionSummaryTab({
  liveSessionId,
  myId,
  timeZone,
}: {
  liveSessionId: string;
  myId: string;
  timeZone: string;
}) {
  const data = useApi<SessionSummaries>(`/api/live-sessions/${liveSessionId}/summaries`);
  if (data.loading && !data.data) return <Loading />;
  if (data.error?.status === 404)
    return (
      <Empty title="No summary for this session.">
        Summaries are made shortly after a group session ends when its enrollment or group has the
        Post-Session Summary switched on.
      </Empty>
    );
  if (!data.data) return <ErrorBox error={data.error} onRetry={data.reload} />;
  const { head, teacher, students, refused, canRegenerate } = data.data;
  const names = Object.fromEntries(students.map((s) => [s.studentId, s.name ?? 'Former student']));
  return (
    <div data-testid="session-summary">
      {head && (
        <p className="muted">
          {head.lessonTitle} · made {formatDateTime(head.madeAt, timeZone)}
          {head.revision > 0 && ` (made again, ${head.revision})`}
        </p>
      )}
      {refused && (
        <p className="error-box" role="alert" data-testid="summary-refused">
          The newest summaries were not made: {refused.reason}.
        </p>
      )}
      {canRegenerate && <RegenerateSummaries liveSessionId={liveSessionId} onDone={data.reload} />}
      {teacher && <TeacherSummaryCard summary={teacher} names={names} />}
      {students.map((s) => (
        <StudentCard
          key={s.studentId}
          name={names[s.studentId]!}
          mailed={s.mailed}
          summary={s.summary}
          own={s.studentId === myId}
        />
      ))}
    </div>
  );
}
