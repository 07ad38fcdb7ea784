// A training event's dialogs for trainers and admins: move it to another time (it stays between the section's
// previous and next events), and cancel it after a confirmation that says who is told.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction } from '../../lib/useApi';
import { formatDateTime, formatTime, isoToZoned, zonedToIso } from '../../lib/time';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';
import type { TrainingEvent } from './types';

type Props = { trainingId: string; event: TrainingEvent; onClose: () => void; onDone: () => void };

export function RescheduleEvent({ trainingId, event, onClose, onDone }: Props) {
  const me = useMe();
  const { t } = useTranslation('trainingDetail');
  const [start, setStart] = useState(isoToZoned(event.start, me.timeZone));
  const [end, setEnd] = useState(isoToZoned(event.end, me.timeZone));
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.post(`/api/trainings/${trainingId}/events/${event.id}/reschedule`, {
        start: zonedToIso(start, me.timeZone),
        end: zonedToIso(end, me.timeZone),
        // The event keeps its own time zone (its calendar entries and mails are written in it).
        timeZone: event.timeZone,
      }),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title={t('reschedule.title')} open onClose={onClose}>
      <form onSubmit={submit}>
        <p>
          {t('reschedule.now', {
            when: `${formatDateTime(event.start, me.timeZone)} – ${formatTime(event.end, me.timeZone)}`,
          })}
        </p>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('event.starts', { timeZone: me.timeZone })}</span>
          <input type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('event.ends')}</span>
          <input type="datetime-local" required value={end} onChange={(e) => setEnd(e.target.value)} />
        </label>
        <p className="hint">{t('reschedule.hint')}</p>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.close', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('reschedule.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function CancelEvent({ trainingId, event, onClose, onDone }: Props) {
  const me = useMe();
  const { t } = useTranslation('trainingDetail');
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.post(`/api/trainings/${trainingId}/events/${event.id}/cancel`, { reason }),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title={t('cancelEvent.title')} open onClose={onClose}>
      <form onSubmit={submit}>
        <p>
          {t('cancelEvent.question', {
            when: `${formatDateTime(event.start, me.timeZone)} – ${formatTime(event.end, me.timeZone)}`,
          })}
        </p>
        <p className="muted">{t('cancelEvent.consequence')}</p>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('cancelEvent.reason')}</span>
          <textarea rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('cancelEvent.keep')}
          </button>
          <button className="btn btn-danger" disabled={action.pending}>
            {t('cancelEvent.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
