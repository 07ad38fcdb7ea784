// "This and following" for a schedule rule: from a chosen upcoming lesson on, the rule runs with other
// weekdays, time or length. The rule ends there, its sessions from that lesson on are canceled, and a new rule
// with the changed terms schedules the following ones (POST .../schedule-rules/:ruleId/split).
import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { formatDateTime } from '../../lib/time';
import type { ScheduleRule } from '../../../../contract/enrollments';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';
import { DAYS, dayName } from './weekdays';
import { sessionsAhead } from './ruleSessions';

type SplitReport = { canceled: string[]; scheduled: unknown[]; skipped: { start: string; reason: string }[] };

export function ChangeRuleFrom({
  url,
  rule,
  timeZone,
  onChanged,
}: {
  /** The rule's resource, `/api/enrollments/:id/schedule-rules/:ruleId`. */
  url: string;
  rule: ScheduleRule;
  timeZone: string;
  onChanged: () => void;
}) {
  const ahead = sessionsAhead(rule);
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [days, setDays] = useState<string[]>(rule.weekdays);
  const [time, setTime] = useState(rule.time);
  const [minutes, setMinutes] = useState(String(rule.durationMinutes));
  const [report, setReport] = useState<SplitReport>();
  const action = useAction();
  const first = from || ahead[0]?.start || '';
  const affected = ahead.filter((o) => Date.parse(o.start) >= Date.parse(first)).length;
  const summary = `${rule.weekdays.map(dayName).join(', ')} at ${rule.time}`;

  const close = () => {
    action.clear();
    setOpen(false);
    if (report) {
      setReport(undefined);
      onChanged();
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() =>
      api.post<SplitReport>(
        `${url}/split`,
        { from: first, weekdays: days, time, timeZone: rule.timeZone, durationMinutes: Number(minutes) },
        idempotencyKey(),
      ),
    );
    if (r) setReport(r);
  };

  if (ahead.length === 0) return null;
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => (setFrom(ahead[0]!.start), setOpen(true))}
        aria-label={`Change ${summary} from a date on`}
      >
        Change from a date
      </button>
      {open && (
        <Dialog title="Change this and following lessons" open onClose={close}>
          {report ? (
            <div>
              <p role="status">
                Changed from {formatDateTime(first, timeZone)}: {report.canceled.length} canceled,{' '}
                {report.scheduled.length} scheduled
                {report.skipped.length > 0 ? `, ${report.skipped.length} skipped` : ''}.
              </p>
              {report.skipped.length > 0 && (
                <ul>
                  {report.skipped.map((s) => (
                    <li key={s.start}>
                      {formatDateTime(s.start, timeZone)}: {s.reason}
                    </li>
                  ))}
                </ul>
              )}
              <div className="form-actions">
                <button type="button" className="btn btn-primary" onClick={close}>
                  Done
                </button>
              </div>
            </div>
          ) : (
            <form onSubmit={submit}>
              <p>
                <strong>{summary}</strong>: lessons before the chosen one stay as they are. From it on, the{' '}
                {affected} scheduled {affected === 1 ? 'lesson is' : 'lessons are'} canceled and the new terms
                schedule the following ones.
              </p>
              <ErrorBox error={action.error} />
              <label className="field">
                <span>From the lesson on</span>
                <select value={first} onChange={(e) => setFrom(e.target.value)}>
                  {ahead.map((o) => (
                    <option key={o.start} value={o.start}>
                      {formatDateTime(o.start, timeZone)}
                    </option>
                  ))}
                </select>
              </label>
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
                <span>Time ({rule.timeZone})</span>
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
              <div className="form-actions">
                <button type="button" className="btn" onClick={close}>
                  Cancel
                </button>
                <button className="btn btn-primary" disabled={days.length === 0 || action.pending}>
                  Change from this lesson on
                </button>
              </div>
            </form>
          )}
        </Dialog>
      )}
    </>
  );
}
