// The dialog that moves a live session to another time (the keyboard way; the schedule also lets you drag it).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction } from '../../lib/useApi';
import { isoToZoned, zonedToIso } from '../../lib/time';
import { type ScheduleEntry } from '../../lib/types';
import { ErrorBox } from '../../ui/feedback';
import { Dialog } from '../../ui/Dialog';

/** The keyboard way to move a session (the schedule also lets you drag it). */
export function Reschedule({
  session,
  onClose,
  onDone,
}: {
  session: ScheduleEntry;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(['session', 'common']);
  const me = useMe();
  const [start, setStart] = useState(isoToZoned(session.start, me.timeZone));
  const [minutes, setMinutes] = useState(String(session.durationMinutes));
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.post(
        `/api/live-sessions/${session.id}/reschedule`,
        { start: zonedToIso(start, me.timeZone), durationMinutes: Number(minutes), timeZone: me.timeZone },
        { 'if-match': `"${session.revision}"` },
      ),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title={t('rescheduleDialog.title')} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('rescheduleDialog.when', { timeZone: me.timeZone })}</span>
          <input type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('rescheduleDialog.duration')}</span>
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
          <button type="button" className="btn" onClick={onClose}>
            {t('action.close', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('rescheduleDialog.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
