// The completion screen (finishing a lesson): attendance and the completion actions, scores and feedback, homework and
// the next class. Once completed, it shows how the lesson was closed.
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../lib/api';
import { useMe } from '../lib/auth';
import { Link } from '../lib/router';
import { useAction, useApi } from '../lib/useApi';
import { formatDateTime } from '../lib/time';
import { sessionTitle, type Course, type ScheduleEntry } from '../lib/types';
import { PageHeader } from '../ui/Layout';
import { Badge, ErrorBox, Loading, statusTone } from '../ui/feedback';
import { CompletionActions } from './completion/CompletionActions';
import { ScoresSection } from './completion/ScoresSection';
import { HomeworkSection, NextClassSection } from './completion/NextStepsSections';
import { FeedbackBanner } from './completion/FeedbackBanner';
import { VerifyAfterFinish } from './completion/VerifyAfterFinish';
import { FollowUpCard } from './followUp/FollowUpCard';
import { SendFollowUp } from './followUp/SendFollowUp';
import {
  actionLabel,
  attendanceLabel,
  type Completion as CompletionView,
  type Feedback,
  type Lifecycle,
  type NextSteps,
} from './completion/types';

const SESSION_STATUSES = ['scheduled', 'active', 'ended', 'canceled'] as const;
/** The session's status in the session page's words (unknown ones as they come). */
const sessionStatusLabel = (t: TFunction<['completion', 'session']>, status: string) =>
  (SESSION_STATUSES as readonly string[]).includes(status)
    ? t(`status.${status as (typeof SESSION_STATUSES)[number]}`, { ns: 'session' })
    : status;

export default function Completion({ params }: { params: Record<string, string> }) {
  // The session namespace too: the status badge uses its words (and is loaded with the page, not missing).
  const { t } = useTranslation(['completion', 'session']);
  const me = useMe();
  const base = `/api/live-sessions/${params.id}`;
  const session = useApi<ScheduleEntry>(base);
  const completion = useApi<CompletionView>(`${base}/completion`);
  const lifecycle = useApi<Lifecycle>(`${base}/attendance`);
  const feedback = useApi<Feedback[]>(`${base}/feedback`);
  const steps = useApi<NextSteps>(`${base}/next-steps`);
  const courses = useApi<{ courses: Course[] }>('/api/courses');
  const start = useAction();
  const [bannerKey, setBannerKey] = useState(0);
  const [followUpKey, setFollowUpKey] = useState(0);

  if (session.loading && !session.data) return <Loading />;
  if (!session.data) return <ErrorBox error={session.error} onRetry={session.reload} />;
  const s = session.data;
  const reloadAll = () => {
    session.reload();
    completion.reload();
    lifecycle.reload();
    feedback.reload();
    steps.reload();
    setBannerKey((k) => k + 1);
  };
  const done = completion.data?.action ?? (s.status === 'canceled' ? 'cancel' : null);
  const notStarted = s.status === 'scheduled' && new Date(s.start).getTime() > Date.now();
  const course = courses.data?.courses.find((c) => c.id === s.courseId);

  return (
    <section>
      <p className="crumbs">
        <Link href={`/platform/sessions/${s.id}`}>← {sessionTitle(s)}</Link>
      </p>
      <PageHeader title={t('completion.title')}>
        {sessionTitle(s)} · {formatDateTime(s.start, me.timeZone)} ·{' '}
        <Badge tone={statusTone(s.status)}>{sessionStatusLabel(t, s.status)}</Badge>
      </PageHeader>
      <FeedbackBanner key={bannerKey} liveSessionId={s.id} participants={s.participants} />
      {done ? (
        <div className="notice notice-ok" role="status">
          <Trans
            t={t}
            i18nKey={
              done === 'finish' && completion.data?.charged
                ? 'completion.closedWithDeducted'
                : 'completion.closedWith'
            }
            values={{ action: actionLabel(t, done) }}
            components={{ strong: <strong /> }}
          />
          {s.status === 'canceled' && s.cancelReason
            ? ` ${t('completion.cancelReason', { reason: s.cancelReason })}`
            : ''}{' '}
          {me.role !== 'student' && t('completion.balanceHint')}
        </div>
      ) : notStarted && s.status === 'scheduled' ? (
        <div className="notice" role="status">
          {t('completion.notStarted')}
          <div className="row">
            <ErrorBox error={start.error} />
            <button
              type="button"
              className="btn"
              disabled={start.pending || new Date(s.joinOpensAt).getTime() > Date.now()}
              onClick={() => void start.run(() => api.post(`${base}/start`)).then((r) => r && reloadAll())}
            >
              {t('completion.startNow')}
            </button>
          </div>
        </div>
      ) : null}
      {done === 'finish' && completion.data && !completion.data.charged && me.role !== 'student' && (
        <VerifyAfterFinish
          liveSessionId={s.id}
          name={(id) => s.participants.find((p) => p.studentId === id)?.name ?? id}
          onDone={reloadAll}
        />
      )}
      {/* Attendance starts from the room's presence: until it is read, the form would show everyone absent,
          and confirming then would charge nobody. It waits for it (or for it to fail). */}
      {!done && !notStarted && s.status !== 'canceled' && !lifecycle.data && !lifecycle.error && <Loading />}
      {!done && !notStarted && s.status !== 'canceled' && (lifecycle.data || lifecycle.error) && (
        <CompletionActions
          key={lifecycle.data ? 'with-presence' : 'no-presence'}
          session={s}
          lifecycle={lifecycle.data}
          onDone={reloadAll}
        />
      )}
      {done && completion.data && completion.data.attendance.length > 0 && (
        <div className="card">
          <h2>{t('completion.attendance')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('completion.student')}</th>
                <th scope="col" className="num">
                  {t('completion.minutesPresent')}
                </th>
                <th scope="col">{t('completion.attendance')}</th>
              </tr>
            </thead>
            <tbody>
              {completion.data.attendance.map((a) => (
                <tr key={a.studentId}>
                  <td>{s.participants.find((p) => p.studentId === a.studentId)?.name ?? a.studentId}</td>
                  <td className="num">{a.minutesPresent}</td>
                  <td>
                    <Badge tone={statusTone(a.status)}>{attendanceLabel(t, a.status)}</Badge>{' '}
                    {a.late && <Badge tone="warn">{t('completion.late')}</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {s.status !== 'canceled' && feedback.data && (
        <ScoresSection
          liveSessionId={s.id}
          participants={s.participants}
          feedback={feedback.data}
          onChange={reloadAll}
        />
      )}
      <ErrorBox error={feedback.error} />
      {s.status === 'ended' && me.role !== 'student' && (
        <div className="grid-2">
          <SendFollowUp liveSessionId={s.id} onSent={() => setFollowUpKey((k) => k + 1)} />
          <FollowUpCard key={followUpKey} liveSessionId={s.id} participants={s.participants} />
        </div>
      )}
      <div className="grid-2">
        {steps.data ? (
          <>
            <HomeworkSection session={s} steps={steps.data} course={course} onChange={steps.reload} />
            <NextClassSection session={s} steps={steps.data} onChange={steps.reload} />
          </>
        ) : steps.loading ? (
          <Loading label={t('completion.loadingNextSteps')} />
        ) : (
          <ErrorBox error={steps.error} onRetry={steps.reload} />
        )}
      </div>
    </section>
  );
}
