// "This and following" for a schedule rule: from a chosen upcoming lesson on, the rule runs with other
// weekdays, time or length. The rule ends there, its sessions from that lesson on are canceled, and a new rule
// with the changed terms schedules the following ones (POST .../schedule-rules/:ruleId/split).
import { Suspense, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { formatDateTime } from '../../lib/time';
import type { ScheduleRule } from '../../../../contract/enrollments';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';
import { DAYS, useDayName, useRuleSummary } from './weekdays';
import { sessionsAhead } from './ruleSessions';
import { SkippedDates, type Skip } from './SkippedDates';

type SplitReport = { canceled: string[]; scheduled: unknown[]; skipped: Skip[] };

type Props = {
  /** The rule's resource, `/api/enrollments/:id/schedule-rules/:ruleId`. */
  url: string;
  rule: ScheduleRule;
  timeZone: string;
  onChanged: () => void;
};

/** Waits for its catalogue in its own Suspense: the Groups page shows it too, under another namespace. */
export function ChangeRuleFrom(props: Props) {
  return (
    <Suspense fallback={null}>
      <ChangeRuleFromButton {...props} />
    </Suspense>
  );
}

function ChangeRuleFromButton({ url, rule, timeZone, onChanged }: Props) {
  const { t } = useTranslation(['enrollments', 'common']);
  const dayName = useDayName();
  const ruleSummary = useRuleSummary();
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
  const summary = ruleSummary(rule);

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
        aria-label={t('changeFrom.buttonLabel', { summary })}
      >
        {t('changeFrom.button')}
      </button>
      {open && (
        <Dialog title={t('changeFrom.title')} open onClose={close}>
          {report ? (
            <div>
              <p role="status">
                {t(report.skipped.length > 0 ? 'changeFrom.doneSkipped' : 'changeFrom.done', {
                  date: formatDateTime(first, timeZone),
                  canceled: report.canceled.length,
                  scheduled: report.scheduled.length,
                  skipped: report.skipped.length,
                })}
              </p>
              <SkippedDates skipped={report.skipped} timeZone={timeZone} />
              <div className="form-actions">
                <button type="button" className="btn btn-primary" onClick={close}>
                  {t('rule.done')}
                </button>
              </div>
            </div>
          ) : (
            <form onSubmit={submit}>
              <p>
                <Trans
                  t={t}
                  i18nKey="changeFrom.intro"
                  values={{ summary }}
                  count={affected}
                  components={{ strong: <strong /> }}
                />
              </p>
              <ErrorBox error={action.error} />
              <label className="field">
                <span>{t('changeFrom.from')}</span>
                <select value={first} onChange={(e) => setFrom(e.target.value)}>
                  {ahead.map((o) => (
                    <option key={o.start} value={o.start}>
                      {formatDateTime(o.start, timeZone)}
                    </option>
                  ))}
                </select>
              </label>
              <fieldset className="field">
                <legend>{t('rule.days')}</legend>
                <div className="chips">
                  {DAYS.map((k) => (
                    <label className="chip" key={k}>
                      <input
                        type="checkbox"
                        checked={days.includes(k)}
                        onChange={(e) =>
                          setDays((d) => (e.target.checked ? [...d, k] : d.filter((x) => x !== k)))
                        }
                      />
                      {dayName(k)}
                    </label>
                  ))}
                </div>
              </fieldset>
              <label className="field">
                <span>{t('rule.time', { timeZone: rule.timeZone })}</span>
                <input type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
              </label>
              <label className="field">
                <span>{t('rule.length')}</span>
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
                  {t('action.cancel', { ns: 'common' })}
                </button>
                <button className="btn btn-primary" disabled={days.length === 0 || action.pending}>
                  {t('changeFrom.submit')}
                </button>
              </div>
            </form>
          )}
        </Dialog>
      )}
    </>
  );
}
