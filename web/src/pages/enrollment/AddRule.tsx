// The "Add Schedule Rule" dialog of an enrollment: weekdays, time, length and first date.
import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction } from '../../lib/useApi';
import { formatDateTime } from '../../lib/time';
import type { Enrollment } from '../../lib/types';
import { DAYS } from './weekdays';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';

export function AddRule({
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
