// One live session: when, who, the lesson, "Join Session" (open 10 minutes before start), edit and cancel.
import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useMe } from '../lib/auth';
import { Link, navigate, useSearchParam } from '../lib/router';
import { useApi } from '../lib/useApi';
import { formatDateTime, formatTime, relative } from '../lib/time';
import { sessionTitle, type Course, type ScheduleEntry } from '../lib/types';
import { PageHeader } from '../ui/Layout';
import { Badge, ErrorBox, Loading, statusTone } from '../ui/feedback';
import { FeedbackBanner } from './completion/FeedbackBanner';
import { FollowUpCard } from './followUp/FollowUpCard';
import { EditDetails } from './session/EditDetails';
import { CancelSession } from './session/CancelSession';
import { Reschedule } from './session/Reschedule';
import { Participants } from './session/Participants';
import { SessionSummaryTab } from './summary/SessionSummaryTab';

const AfterClass = lazy(() => import('./afterClass/AfterClass'));

const STATUSES = ['scheduled', 'active', 'ended', 'canceled'] as const;
const KINDS = ['individual', 'group'] as const;
type Status = (typeof STATUSES)[number];
type Kind = (typeof KINDS)[number];

/** A session's status and kind as people read them (unknown ones as they come). */
const statusLabel = (t: TFunction<'session'>, status: string) =>
  (STATUSES as readonly string[]).includes(status) ? t(`status.${status as Status}`) : status;
const kindLabel = (t: TFunction<'session'>, kind: string) =>
  (KINDS as readonly string[]).includes(kind) ? t(`kind.${kind as Kind}`) : kind;

function useNow(intervalMs = 15_000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

export default function SessionDetail({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('session');
  const me = useMe();
  const session = useApi<ScheduleEntry>(`/api/live-sessions/${params.id}`);
  const courses = useApi<{ courses: Course[] }>('/api/courses');
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [canceling, setCanceling] = useState(false);
  const [moving, setMoving] = useState(false);
  const tab = useSearchParam('tab') === 'summary' ? 'summary' : 'details';
  const afterClass = useSearchParam('tab') === 'after-class';

  if (session.loading && !session.data) return <Loading />;
  if (session.error && !session.data) return <ErrorBox error={session.error} onRetry={session.reload} />;
  const s = session.data!;
  const lesson = courses.data?.courses
    .find((c) => c.id === s.courseId)
    ?.lessons.find((l) => l.id === s.courseLessonId);
  const canManage = me.role === 'admin' || (me.role === 'teacher' && s.teacherId === me.id);
  const open = new Date(s.joinOpensAt).getTime() <= now && new Date(s.end).getTime() > now;
  const joinable = open && (s.status === 'scheduled' || s.status === 'active');
  const finished = s.status === 'ended' || new Date(s.end).getTime() <= now;
  if (afterClass && finished && s.status !== 'canceled')
    return (
      <Suspense fallback={<Loading />}>
        <AfterClass session={s} timeZone={me.timeZone} />
      </Suspense>
    );

  return (
    <section>
      <p className="crumbs">
        <Link href="/platform/schedule">{t('back')}</Link>
      </p>
      <PageHeader
        title={sessionTitle(s)}
        actions={
          <>
            {s.status !== 'canceled' &&
              (joinable ? (
                <Link className="btn btn-primary" href={`/room/${s.id}`}>
                  {t('join')}
                </Link>
              ) : (
                <button type="button" className="btn btn-primary" disabled aria-describedby="join-hint">
                  {t('join')}
                </button>
              ))}
            {canManage && s.status !== 'canceled' && (
              <Link className="btn" href={`/platform/sessions/${s.id}/complete`}>
                {finished ? t('completeSession') : t('completion')}
              </Link>
            )}
            {finished && s.status !== 'canceled' && (
              <Link className="btn" href={`/platform/sessions/${s.id}?tab=after-class`}>
                {t('afterClass')}
              </Link>
            )}
          </>
        }
      >
        <Badge tone={statusTone(s.status)}>{statusLabel(t, s.status)}</Badge>{' '}
        <Badge>{kindLabel(t, s.kind)}</Badge>{' '}
        {t('when', {
          start: formatDateTime(s.start, me.timeZone),
          end: formatTime(s.end, me.timeZone),
          minutes: s.durationMinutes,
        })}
      </PageHeader>
      {s.status !== 'canceled' && !joinable && (
        <p className="hint" id="join-hint">
          {new Date(s.end).getTime() <= now
            ? t('over')
            : t('joinOpens', {
                when: formatDateTime(s.joinOpensAt, me.timeZone),
                relative: relative(s.joinOpensAt, now),
              })}
        </p>
      )}
      {s.status === 'canceled' && (
        <div className="notice notice-bad" role="status">
          {s.cancelReason ? t('canceledBecause', { reason: s.cancelReason }) : t('canceled')}
        </div>
      )}
      <FeedbackBanner liveSessionId={s.id} participants={s.participants} />
      <FollowUpCard liveSessionId={s.id} participants={s.participants} />
      {s.kind === 'group' && (
        <div className="row" role="tablist" aria-label={t('tabs.label')}>
          {(['details', 'summary'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-controls={tab === id ? `panel-${id}` : undefined}
              aria-selected={tab === id}
              className={tab === id ? 'btn btn-small btn-primary' : 'btn btn-small'}
              onClick={() =>
                navigate(`/platform/sessions/${s.id}${id === 'summary' ? '?tab=summary' : ''}`, {
                  replace: true,
                })
              }
            >
              {t(`tabs.${id}`)}
            </button>
          ))}
        </div>
      )}
      {tab === 'summary' && s.kind === 'group' && (
        <div role="tabpanel" id="panel-summary" aria-labelledby="tab-summary">
          <SessionSummaryTab liveSessionId={s.id} myId={me.id} timeZone={me.timeZone} />
        </div>
      )}
      <div
        className="grid-2"
        id="panel-details"
        {...(s.kind === 'group' ? { role: 'tabpanel', 'aria-labelledby': 'tab-details' } : {})}
        hidden={tab === 'summary' && s.kind === 'group'}
      >
        <div className="card">
          <h2>{t('details.title')}</h2>
          <dl className="facts">
            <dt>{t('details.course')}</dt>
            <dd>{s.courseName ?? '—'}</dd>
            <dt>{t('details.lesson')}</dt>
            <dd>
              {lesson
                ? `${lesson.position}. ${lesson.title}`
                : s.courseLessonId
                  ? '…'
                  : t('details.noLesson')}
            </dd>
            <dt>{t('details.teacher')}</dt>
            <dd>{s.teacherName ?? '—'}</dd>
            <dt>{t('details.timeZone')}</dt>
            <dd>{t('details.timeZones', { shown: me.timeZone, scheduled: s.timeZone })}</dd>
            {s.enrollmentId && (
              <>
                <dt>{t('details.enrollment')}</dt>
                <dd>
                  <Link href={`/platform/enrollments/${s.enrollmentId}`}>{t('details.openEnrollment')}</Link>
                </dd>
              </>
            )}
          </dl>
          <h3>{t('details.notes')}</h3>
          <p className="prewrap">{s.notes ?? <span className="muted">{t('details.noNotes')}</span>}</p>
          {canManage && s.status === 'scheduled' && (
            <div className="row">
              <button type="button" className="btn" onClick={() => setMoving(true)}>
                {t('actions.reschedule')}
              </button>
              <button type="button" className="btn" onClick={() => setEditing(true)}>
                {t('actions.edit')}
              </button>
              <button type="button" className="btn btn-danger" onClick={() => setCanceling(true)}>
                {t('actions.cancel')}
              </button>
            </div>
          )}
        </div>
        <Participants session={s} canManage={canManage} onChange={session.reload} />
      </div>
      {editing && (
        <EditDetails
          session={s}
          onClose={() => setEditing(false)}
          onSaved={() => (setEditing(false), session.reload())}
        />
      )}
      {moving && (
        <Reschedule
          session={s}
          onClose={() => setMoving(false)}
          onDone={() => (setMoving(false), session.reload())}
        />
      )}
      {canceling && (
        <CancelSession
          session={s}
          onClose={() => setCanceling(false)}
          onDone={() => (setCanceling(false), session.reload())}
        />
      )}
    </section>
  );
}
