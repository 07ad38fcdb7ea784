// The Summary tab of a session: admins read the teacher summary and every participant's; the session's
// teacher every participant's; a student their own. "No summary" until one is made after the session ends.
// Admins and the teacher see why the newest were not made (the wallet was short) and may make them again.
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi';
import { formatDateTime } from '../../lib/time';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';
import type {
  SessionSummaries,
  StudentSummaryData,
  SummaryRefusal,
} from '../../../../contract/sessionSummary';
import { TeacherSummaryCard } from './TeacherSummaryCard';
import { RegenerateSummaries } from './RegenerateSummaries';
import { useCompletionReasons } from '../analysis/reasons';
import '../analysis/analysis.css';

/** Why the newest summaries were not made, from the server's code in the reader's language, else its words. */
function Refusal({ refused }: { refused: SummaryRefusal }) {
  const { t } = useTranslation('completion');
  const reasons = useCompletionReasons();
  return (
    <p className="error-box" role="alert" data-testid="summary-refused" data-code={refused.code}>
      {reasons.summaryRefusal(refused) ?? t('summary.refused', { reason: refused.reason })}
    </p>
  );
}

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
  const { t } = useTranslation('completion');
  const figures = {
    answered: summary.answered,
    correct: summary.correct,
    incorrect: summary.incorrect,
    pending: summary.pending,
  };
  return (
    <article
      className="card"
      aria-label={own ? t('summary.yourSummary') : t('summary.summaryOf', { name })}
      data-testid="student-summary"
    >
      <h3>{own ? t('summary.yourSummary') : name}</h3>
      <p lang={summary.language}>{summary.text}</p>
      <dl className="facts">
        <dt>{t('summary.exercises')}</dt>
        <dd>
          {summary.pending ? t('summary.exercisesLinePending', figures) : t('summary.exercisesLine', figures)}
        </dd>
        <dt>{t('summary.score')}</dt>
        <dd>
          {summary.percent !== null
            ? t('summary.scoreLinePercent', {
                score: summary.score,
                maxScore: summary.maxScore,
                percent: summary.percent,
              })
            : t('summary.scoreLine', { score: summary.score, maxScore: summary.maxScore })}
        </dd>
        <dt>{t('summary.attended')}</dt>
        <dd>{summary.attended ? t('summary.yes') : t('summary.no')}</dd>
        {summary.newWords.length > 0 && (
          <>
            <dt>{t('summary.newWords')}</dt>
            <dd>{summary.newWords.join(', ')}</dd>
          </>
        )}
      </dl>
      {summary.mistakes.length > 0 && (
        <>
          <h4>{t('summary.toPractise')}</h4>
          <ul className="plain-list">
            {summary.mistakes.map((m, i) => (
              <li key={i}>
                {m.expected
                  ? t('summary.mistakeExpected', { given: m.given, expected: m.expected })
                  : t('quoted', { text: m.given })}
              </li>
            ))}
          </ul>
        </>
      )}
      {!own && <p className="muted">{mailed ? t('summary.mailed') : t('summary.notMailed')}</p>}
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
  const { t } = useTranslation('completion');
  const data = useApi<SessionSummaries>(`/api/live-sessions/${liveSessionId}/summaries`);
  if (data.loading && !data.data) return <Loading />;
  if (data.error?.status === 404) return <Empty title={t('summary.none')}>{t('summary.noneBody')}</Empty>;
  if (!data.data) return <ErrorBox error={data.error} onRetry={data.reload} />;
  const { head, teacher, students, refused, canRegenerate } = data.data;
  const names = Object.fromEntries(students.map((s) => [s.studentId, s.name ?? t('summary.formerStudent')]));
  return (
    <div data-testid="session-summary">
      {head && (
        <p className="muted">
          {t(head.revision > 0 ? 'summary.madeAgain' : 'summary.made', {
            lesson: head.lessonTitle,
            when: formatDateTime(head.madeAt, timeZone),
            revision: head.revision,
          })}
        </p>
      )}
      {refused && <Refusal refused={refused} />}
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
