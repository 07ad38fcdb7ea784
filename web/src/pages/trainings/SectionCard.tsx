// A training section: registration window, seats, events; register / switch / leave for learners; for trainers
// and admins the roster, "+ Add event", "Edit section", and each event's reschedule, cancel and attendance.
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction } from '../../lib/useApi';
import { formatDateTime, formatTime } from '../../lib/time';
import { Badge, ErrorBox, statusTone } from '../../ui/feedback';
import { AddEvent, ConfirmAttendance } from './ManageDialogs';
import { CancelEvent, RescheduleEvent } from './EventDialogs';
import { EditSection } from './EditSection';
import { Roster } from './Roster';
import { useStatusLabel } from './labels';
import type { Section, Training, TrainingEvent } from './types';

type EventDialog = { kind: 'reschedule' | 'cancel' | 'attendance'; event: TrainingEvent };

export function SectionCard({
  training,
  section: s,
  onChange,
}: {
  training: Training;
  section: Section;
  onChange: () => void;
}) {
  const me = useMe();
  const { t } = useTranslation('trainingDetail');
  const statusLabel = useStatusLabel();
  const manager = me.role !== 'student';
  const action = useAction();
  const [showRoster, setShowRoster] = useState(false);
  const [addingEvent, setAddingEvent] = useState(false);
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<EventDialog | null>(null);
  const base = `/api/trainings/${training.id}`;
  const mine = training.me?.sectionId === s.id;
  const now = Date.now();
  const open =
    new Date(s.registrationOpens).getTime() <= now && now < new Date(s.registrationCloses).getTime();
  const run = (fn: () => Promise<unknown>) => void action.run(fn).then((r) => r !== undefined && onChange());
  const when = (e: TrainingEvent) =>
    `${formatDateTime(e.start, me.timeZone)} – ${formatTime(e.end, me.timeZone)}`;
  const closeDialog = () => setDialog(null);
  const dialogDone = () => (setDialog(null), onChange());
  return (
    <article className="card" aria-labelledby={`section-${s.id}`}>
      <div className="card-head">
        <h2 id={`section-${s.id}`}>{s.name}</h2>
        <div className="row-tight">
          {mine ? (
            <button
              type="button"
              className="btn btn-danger btn-small"
              disabled={action.pending}
              onClick={() => run(() => api.delete(`${base}/registrations/${me.id}`))}
            >
              {t('section.leave')}
            </button>
          ) : (
            me.role === 'student' &&
            (training.me ? (
              <button
                type="button"
                className="btn btn-small"
                disabled={action.pending || !open}
                onClick={() => run(() => api.post(`${base}/switch`, { sectionId: s.id }))}
              >
                {t('section.switch')}
              </button>
            ) : (
              <button
                type="button"
                className="btn btn-primary btn-small"
                disabled={action.pending || !open}
                onClick={() => run(() => api.post(`${base}/sections/${s.id}/registrations`, {}))}
              >
                {s.seatsLeft > 0
                  ? t('section.register')
                  : s.waitlistEnabled
                    ? t('section.joinWaitlist')
                    : t('section.full')}
              </button>
            ))
          )}
          {manager && (
            <>
              <button
                type="button"
                className="btn btn-small"
                aria-expanded={showRoster}
                onClick={() => setShowRoster(!showRoster)}
              >
                {t('section.roster')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setAddingEvent(true)}>
                {t('section.addEvent')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
                {t('section.edit')}
              </button>
            </>
          )}
        </div>
      </div>
      <p>
        <Trans
          t={t}
          i18nKey="section.seats"
          values={{ left: s.seatsLeft, capacity: s.capacity }}
          components={{ b: <strong /> }}
        />
        {s.waitlisted > 0 && ` · ${t('section.waitlisted', { count: s.waitlisted })}`}
        {' · '}
        {t(open ? 'section.registrationOpen' : 'section.registrationClosed', {
          from: formatDateTime(s.registrationOpens, me.timeZone),
          until: formatDateTime(s.registrationCloses, me.timeZone),
        })}
        {s.approvalRequired && ` · ${t('section.needsApproval')}`}
        {s.attendanceConfirmationRequired && ` · ${t('section.confirmedByHost')}`}
      </p>
      <ErrorBox error={action.error} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('events.event')}</th>
            <th scope="col">{t('events.format')}</th>
            <th scope="col">{t('events.where')}</th>
            <th scope="col">{t('events.status')}</th>
            {manager && <th scope="col">{t('events.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {s.events.map((e) => (
            <tr key={e.id}>
              <td>{when(e)}</td>
              <td>{t(`format.${e.format}`)}</td>
              <td>
                {e.location}
                {e.link && (
                  <>
                    {e.location ? ' · ' : ''}
                    <a href={e.link} target="_blank" rel="noreferrer">
                      {t('events.link')}
                    </a>
                  </>
                )}
              </td>
              <td>
                <Badge tone={statusTone(e.status)}>{statusLabel(e.status)}</Badge>
                {e.status === 'canceled' && e.cancelReason && (
                  <span className="muted"> {e.cancelReason}</span>
                )}
              </td>
              {manager && (
                <td>
                  {e.status !== 'canceled' && (
                    <div className="row-tight">
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={t('events.rescheduleNamed', { when: when(e) })}
                        onClick={() => setDialog({ kind: 'reschedule', event: e })}
                      >
                        {t('events.reschedule')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={t('events.cancelNamed', { when: when(e) })}
                        onClick={() => setDialog({ kind: 'cancel', event: e })}
                      >
                        {t('events.cancel')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => setDialog({ kind: 'attendance', event: e })}
                      >
                        {t('events.confirmAttendance')}
                      </button>
                    </div>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {manager && showRoster && <Roster training={training} section={s} onChange={onChange} />}
      {addingEvent && (
        <AddEvent
          training={training}
          section={s}
          onClose={() => setAddingEvent(false)}
          onDone={() => (setAddingEvent(false), onChange())}
        />
      )}
      {editing && (
        <EditSection training={training} section={s} onClose={() => setEditing(false)} onChange={onChange} />
      )}
      {dialog?.kind === 'reschedule' && (
        <RescheduleEvent
          trainingId={training.id}
          event={dialog.event}
          onClose={closeDialog}
          onDone={dialogDone}
        />
      )}
      {dialog?.kind === 'cancel' && (
        <CancelEvent
          trainingId={training.id}
          event={dialog.event}
          onClose={closeDialog}
          onDone={dialogDone}
        />
      )}
      {dialog?.kind === 'attendance' && (
        <ConfirmAttendance
          trainingId={training.id}
          section={s}
          eventId={dialog.event.id}
          onClose={closeDialog}
          onDone={dialogDone}
        />
      )}
    </article>
  );
}
