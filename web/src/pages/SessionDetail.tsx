// One live session: when, who, the lesson, "Join Session" (open 10 minutes before start), edit and cancel.
import { Suspense, lazy, useEffect, useState } from 'react';
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

function useNow(intervalMs = 15_000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

export default function SessionDetail({ params }: { params: Record<string, string> }) {
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
        <Link href="/platform/schedule">← Schedule</Link>
      </p>
      <PageHeader
        title={sessionTitle(s)}
        actions={
          <>
            {s.status !== 'canceled' &&
              (joinable ? (
                <Link className="btn btn-primary" href={`/room/${s.id}`}>
                  Join Session
                </Link>
              ) : (
                <button type="button" className="btn btn-primary" disabled aria-describedby="join-hint">
                  Join Session
                </button>
              ))}
            {canManage && s.status !== 'canceled' && (
              <Link className="btn" href={`/platform/sessions/${s.id}/complete`}>
                {finished ? 'Complete session' : 'Completion'}
              </Link>
            )}
            {finished && s.status !== 'canceled' && (
              <Link className="btn" href={`/platform/sessions/${s.id}?tab=after-class`}>
                After class
              </Link>
            )}
          </>
        }
      >
        <Badge tone={statusTone(s.status)}>{s.status}</Badge> <Badge>{s.kind}</Badge>{' '}
        {formatDateTime(s.start, me.timeZone)} – {formatTime(s.end, me.timeZone)} ({s.durationMinutes} min)
      </PageHeader>
      {s.status !== 'canceled' && !joinable && (
        <p className="hint" id="join-hint">
          {new Date(s.end).getTime() <= now
            ? 'This session is over.'
            : `The join link opens 10 minutes before the start: ${formatDateTime(s.joinOpensAt, me.timeZone)} (${relative(s.joinOpensAt, now)}).`}
        </p>
      )}
      {s.status === 'canceled' && (
        <div className="notice notice-bad" role="status">
          Canceled{s.cancelReason ? `: ${s.cancelReason}` : '.'}
        </div>
      )}
      <FeedbackBanner liveSessionId={s.id} participants={s.participants} />
      <FollowUpCard liveSessionId={s.id} participants={s.participants} />
      {s.kind === 'group' && (
        <div className="row" role="tablist" aria-label="Session">
          {(['details', 'summary'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`tab-${t}`}
              aria-controls={tab === t ? `panel-${t}` : undefined}
              aria-selected={tab === t}
              className={tab === t ? 'btn btn-small btn-primary' : 'btn btn-small'}
              onClick={() =>
                navigate(`/platform/sessions/${s.id}${t === 'summary' ? '?tab=summary' : ''}`, {
                  replace: true,
                })
              }
            >
              {t === 'details' ? 'Details' : 'Summary'}
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
          <h2>Details</h2>
          <dl className="facts">
            <dt>Course</dt>
            <dd>{s.courseName ?? '—'}</dd>
            <dt>Lesson</dt>
            <dd>
              {lesson ? `${lesson.position}. ${lesson.title}` : s.courseLessonId ? '…' : 'No specific lesson'}
            </dd>
            <dt>Teacher</dt>
            <dd>{s.teacherName ?? '—'}</dd>
            <dt>Time zone</dt>
            <dd>
              Shown in {me.timeZone}; scheduled in {s.timeZone}
            </dd>
            {s.enrollmentId && (
              <>
                <dt>Enrollment</dt>
                <dd>
                  <Link href={`/platform/enrollments/${s.enrollmentId}`}>Open enrollment</Link>
                </dd>
              </>
            )}
          </dl>
          <h3>Notes</h3>
          <p className="prewrap">{s.notes ?? <span className="muted">No notes.</span>}</p>
          {canManage && s.status === 'scheduled' && (
            <div className="row">
              <button type="button" className="btn" onClick={() => setMoving(true)}>
                Reschedule
              </button>
              <button type="button" className="btn" onClick={() => setEditing(true)}>
                Edit title and notes
              </button>
              <button type="button" className="btn btn-danger" onClick={() => setCanceling(true)}>
                Cancel session
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
