// Trainer and admin dialogs of a section: add an event, confirm an event's attendance.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction, useApi } from '../../lib/useApi';
import { isoToZoned } from '../../lib/time';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox, Loading } from '../../ui/feedback';
import type { RosterEntry, Section, Training } from './types';
import { emptyEvent, eventBody, EventFields, useTrainers, type EventDraft } from './EventFields';

export function AddEvent({
  training,
  section,
  onClose,
  onDone,
}: {
  training: Training;
  section: Section;
  onClose: () => void;
  onDone: () => void;
}) {
  const me = useMe();
  const { t } = useTranslation('trainingDetail');
  const trainers = useTrainers();
  const last = section.events.at(-1);
  const [event, setEvent] = useState<EventDraft>(() => {
    const d = emptyEvent(me.timeZone, last?.trainerId ?? (me.role === 'teacher' ? me.id : ''));
    if (!last) return d;
    // Events must follow each other: start the draft a week after the last one.
    const start = new Date(new Date(last.start).getTime() + 7 * 86_400_000).toISOString();
    const end = new Date(new Date(last.end).getTime() + 7 * 86_400_000).toISOString();
    return {
      ...d,
      start: isoToZoned(start, me.timeZone),
      end: isoToZoned(end, me.timeZone),
      format: last.format,
      location: last.location ?? '',
      link: last.link ?? '',
    };
  });
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.post(
        `/api/trainings/${training.id}/sections/${section.id}/events`,
        eventBody(event, me.timeZone),
        idempotencyKey(),
      ),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title={t('addEvent.title', { section: section.name })} open onClose={onClose} wide>
      <form onSubmit={submit} className="form-grid">
        <ErrorBox error={action.error} />
        <EventFields draft={event} set={setEvent} trainers={trainers} />
        <p className="hint field-wide">{t('addEvent.hint')}</p>
        <div className="form-actions field-wide">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('addEvent.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ConfirmAttendance({
  trainingId,
  section,
  eventId,
  onClose,
  onDone,
}: {
  trainingId: string;
  section: Section;
  eventId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('trainingDetail');
  const roster = useApi<RosterEntry[]>(`/api/trainings/${trainingId}/sections/${section.id}/roster`);
  const registered = (roster.data ?? []).filter((r) => r.status === 'registered');
  const [absent, setAbsent] = useState<string[]>([]);
  const action = useAction();
  const submit = async () => {
    const marks = registered.map((r) => ({
      learnerId: r.learnerId,
      attended: !absent.includes(r.learnerId),
    }));
    const ok = await action.run(() =>
      api.post(`/api/trainings/${trainingId}/events/${eventId}/attendance/confirm`, { marks }),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title={t('confirmAttendance.title')} open onClose={onClose}>
      <ErrorBox error={roster.error ?? action.error} />
      {roster.loading && <Loading />}
      {roster.data && registered.length === 0 && <p className="muted">{t('confirmAttendance.nobody')}</p>}
      {registered.map((r) => (
        <label key={r.learnerId} className="check">
          <input
            type="checkbox"
            checked={!absent.includes(r.learnerId)}
            onChange={(e) =>
              setAbsent((a) => (e.target.checked ? a.filter((x) => x !== r.learnerId) : [...a, r.learnerId]))
            }
          />
          {t('confirmAttendance.attended', { name: r.name ?? r.learnerId })}
        </label>
      ))}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('action.cancel', { ns: 'common' })}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={action.pending || registered.length === 0}
          onClick={() => void submit()}
        >
          {t('confirmAttendance.save')}
        </button>
      </div>
    </Dialog>
  );
}
