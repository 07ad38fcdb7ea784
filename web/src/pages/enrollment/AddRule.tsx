// The "Add Schedule Rule" dialog of an enrollment: weekdays, time, length and first date.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction } from '../../lib/useApi';
import type { Enrollment } from '../../lib/types';
import { DAYS, useDayName } from './weekdays';
import { SkippedDates, type Skip } from './SkippedDates';
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
  const { t } = useTranslation(['enrollments', 'common']);
  const dayName = useDayName();
  const me = useMe();
  const [days, setDays] = useState<string[]>([]);
  const [time, setTime] = useState('14:00');
  const [minutes, setMinutes] = useState(String(enrollment.defaultLessonMinutes));
  const [startsOn, setStartsOn] = useState('');
  const action = useAction();
  const [report, setReport] = useState<{ scheduled: unknown[]; skipped: Skip[] }>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() =>
      api.post<{ scheduled: unknown[]; skipped: Skip[] }>(
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
    <Dialog title={t('detail.addRule')} open onClose={report ? onDone : onClose}>
      {report ? (
        <div>
          <p role="status">
            {report.skipped.length > 0
              ? t('addRule.savedSkipped', {
                  count: report.scheduled.length,
                  skipped: report.skipped.length,
                })
              : t('addRule.saved', { count: report.scheduled.length })}
          </p>
          <SkippedDates skipped={report.skipped} timeZone={me.timeZone} />
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={onDone}>
              {t('rule.done')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit}>
          <ErrorBox error={action.error} />
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
            <span>{t('rule.time', { timeZone: me.timeZone })}</span>
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
          <label className="field">
            <span>{t('addRule.startsOn')}</span>
            <input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('action.cancel', { ns: 'common' })}
            </button>
            <button className="btn btn-primary" disabled={days.length === 0 || action.pending}>
              {t('addRule.save')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
