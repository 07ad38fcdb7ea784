// One enrollment: terms (default lesson length), recurring schedule rules ("Add Schedule Rule"), homework and
// the lesson list with statuses.
import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../lib/api';
import { useMe } from '../lib/auth';
import { Link } from '../lib/router';
import { useAction, useApi } from '../lib/useApi';
import { formatDate, formatDateTime, relative } from '../lib/time';
import type { Enrollment } from '../lib/types';
import { PageHeader } from '../ui/Layout';
import { Dialog } from '../ui/Dialog';
import { Badge, Empty, ErrorBox, Loading, statusTone } from '../ui/feedback';
import type { Homework } from './completion/types';
import type { EnrollmentLesson, ScheduleRule as Rule } from '../../../contract/enrollments';

const DAYS = [
  ['MO', 'Monday'],
  ['TU', 'Tuesday'],
  ['WE', 'Wednesday'],
  ['TH', 'Thursday'],
  ['FR', 'Friday'],
  ['SA', 'Saturday'],
  ['SU', 'Sunday'],
] as const;
const dayName = (d: string) => DAYS.find(([k]) => k === d)?.[1] ?? d;

export default function EnrollmentDetail({ params }: { params: Record<string, string> }) {
  const me = useMe();
  const base = `/api/enrollments/${params.id}`;
  const enrollment = useApi<Enrollment>(base);
  const rules = useApi<{ rules: Rule[] }>(`${base}/schedule-rules`);
  const homework = useApi<{ homework: Homework[] }>(`${base}/homework`);
  const lessons = useApi<{ lessons: EnrollmentLesson[] }>(`${base}/lessons`);
  const [adding, setAdding] = useState(false);
  const [terms, setTerms] = useState(false);
  const remove = useAction();
  const canManage = me.role !== 'student';

  if (enrollment.loading && !enrollment.data) return <Loading />;
  if (!enrollment.data) return <ErrorBox error={enrollment.error} onRetry={enrollment.reload} />;
  const e = enrollment.data;

  return (
    <section>
      <p className="crumbs">
        <Link href="/platform/enrollments">← Enrollments</Link>
      </p>
      <PageHeader
        title={`${e.studentName ?? 'Student'} · ${e.courseName ?? 'Course'}`}
        actions={
          me.role === 'admin' && (
            <button type="button" className="btn" onClick={() => setTerms(true)}>
              Change terms
            </button>
          )
        }
      >
        Teacher {e.teacherName} · default lesson length <strong>{e.defaultLessonMinutes} min</strong> · lesson
        cost {e.lessonCostTokens} tokens
      </PageHeader>

      <div className="card">
        <div className="card-head">
          <h2>Schedule</h2>
          {canManage && (
            <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
              Add Schedule Rule
            </button>
          )}
        </div>
        <ErrorBox error={rules.error ?? remove.error} />
        {rules.data && rules.data.rules.length === 0 && (
          <Empty title="No recurring schedule.">Add a rule to generate the regular lessons.</Empty>
        )}
        {rules.data && rules.data.rules.length > 0 && (
          <ul className="plain-list">
            {rules.data.rules.map((r) => {
              const upcoming = r.occurrences.filter(
                (o) => o.outcome === 'scheduled' && new Date(o.start).getTime() > Date.now(),
              );
              const skipped = r.occurrences.filter((o) => o.outcome === 'skipped');
              return (
                <li key={r.id}>
                  <strong>
                    {r.weekdays.map(dayName).join(', ')} at {r.time}
                  </strong>
                  <span className="muted">
                    ({r.timeZone}) · {r.durationMinutes} min · from {r.startsOn}
                    {r.endsAt ? ` until ${formatDate(r.endsAt, me.timeZone)}` : ''} · {upcoming.length}{' '}
                    upcoming
                    {skipped.length > 0 ? ` · ${skipped.length} skipped (conflicts)` : ''}
                  </span>
                  {canManage && !r.endsAt && (
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      disabled={remove.pending}
                      onClick={() =>
                        void remove
                          .run(() => api.delete(`${base}/schedule-rules/${r.id}`))
                          .then((x) => x && (rules.reload(), lessons.reload()))
                      }
                    >
                      Remove rule
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>

      <div className="grid-2">
        <div className="card">
          <h2>Homework</h2>
          <ErrorBox error={homework.error} />
          {homework.data && homework.data.homework.length === 0 && (
            <p className="muted">No homework assigned.</p>
          )}
          <ul className="plain-list">
            {homework.data?.homework.map((h) => (
              <li key={h.id}>
                <Badge tone={statusTone(h.status)}>{h.status}</Badge> {h.title ?? 'Lesson'}
                <span className="muted"> · {h.scheduledFor ? relative(h.scheduledFor) : 'no date'}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h2>Lessons</h2>
          <ErrorBox error={lessons.error} />
          {lessons.loading && !lessons.data && <Loading />}
          {lessons.data && (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Lesson</th>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {lessons.data.lessons.map((l) => (
                  <tr key={l.courseLessonId}>
                    <td>{l.position}</td>
                    <td>{l.title}</td>
                    <td className="cap">{l.type}</td>
                    <td>
                      <Badge
                        tone={statusTone(
                          l.status === 'not_scheduled'
                            ? 'neutral'
                            : l.status === 'upcoming'
                              ? 'scheduled'
                              : l.status,
                        )}
                      >
                        {l.status.replace('_', ' ')}
                      </Badge>
                      {l.homework && (
                        <>
                          {' '}
                          <Badge tone={statusTone(l.homework.status)}>homework {l.homework.status}</Badge>
                        </>
                      )}
                    </td>
                    <td>
                      {l.liveSessionId && l.start ? (
                        <Link href={`/platform/sessions/${l.liveSessionId}`}>
                          {formatDateTime(l.start, me.timeZone)}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      {adding && (
        <AddRule
          enrollment={e}
          onClose={() => setAdding(false)}
          onDone={() => (setAdding(false), rules.reload(), lessons.reload())}
        />
      )}
      {terms && (
        <ChangeTerms
          enrollment={e}
          onClose={() => setTerms(false)}
          onDone={() => (setTerms(false), enrollment.reload())}
        />
      )}
    </section>
  );
}

function AddRule({
  enrollment,
  onClose,
  onDone,
}: {
  enrollment: Enrollment;
  onClose: () => void;
  onDone: () => void;
}) {
  const me = useMe();
  const [days, setDays] = useState<string[]>([]);
  const [time, setTime] = useState('14:00');
  const [minutes, setMinutes] = useState(String(enrollment.defaultLessonMinutes));
  const [startsOn, setStartsOn] = useState('');
  const action = useAction();
  const [report, setReport] = useState<{
    scheduled: unknown[];
    skipped: { start: string; reason: string }[];
  }>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() =>
      api.post<{ scheduled: unknown[]; skipped: { start: string; reason: string }[] }>(
        `/api/enrollments/${enrollment.id}/schedule-rules`,
        {
          weekdays: days,
          time,
          timeZone: me.timeZone,
          durationMinutes: Number(minutes),
          startsOn: startsOn || null,
        },
        idempotencyKey(),
      ),
    );
    if (r) setReport(r);
  };
  return (
    <Dialog title="Add Schedule Rule" open onClose={report ? onDone : onClose}>
      {report ? (
        <div>
          <p role="status">
            Rule saved: {report.scheduled.length} sessions scheduled
            {report.skipped.length > 0 ? `, ${report.skipped.length} skipped` : ''}.
          </p>
          {report.skipped.length > 0 && (
            <ul>
              {report.skipped.map((s) => (
                <li key={s.start}>
                  {formatDateTime(s.start, me.timeZone)}: {s.reason}
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={onDone}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit}>
          <ErrorBox error={action.error} />
          <fieldset className="field">
            <legend>Days of the week</legend>
            <div className="chips">
              {DAYS.map(([k, name]) => (
                <label className="chip" key={k}>
                  <input
                    type="checkbox"
                    checked={days.includes(k)}
                    onChange={(e) =>
                      setDays((d) => (e.target.checked ? [...d, k] : d.filter((x) => x !== k)))
                    }
                  />
                  {name}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="field">
            <span>Time ({me.timeZone})</span>
            <input type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
          </label>
          <label className="field">
            <span>Lesson length (minutes)</span>
            <input
              type="number"
              min={5}
              max={480}
              required
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </label>
          <label className="field">
            <span>Starts on (optional, default today)</span>
            <input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button className="btn btn-primary" disabled={days.length === 0 || action.pending}>
              Save rule
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function ChangeTerms({
  enrollment,
  onClose,
  onDone,
}: {
  enrollment: Enrollment;
  onClose: () => void;
  onDone: () => void;
}) {
  const [minutes, setMinutes] = useState(String(enrollment.defaultLessonMinutes));
  const [cost, setCost] = useState(String(enrollment.lessonCostTokens));
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.patch(`/api/enrollments/${enrollment.id}`, {
        defaultLessonMinutes: Number(minutes),
        lessonCostTokens: Number(cost),
      }),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title="Change terms" open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>Default lesson length (minutes)</span>
          <input
            type="number"
            min={5}
            max={480}
            required
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Lesson cost (tokens)</span>
          <input type="number" min={0} required value={cost} onChange={(e) => setCost(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
