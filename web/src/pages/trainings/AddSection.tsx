// The "Add Section" dialog of a training: settings, participant groups and the first event.
import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction, useApi } from '../../lib/useApi';
import { isoToZoned, zonedToIso } from '../../lib/time';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox, Loading } from '../../ui/feedback';
import type { Training } from './types';
import { emptyEvent, eventBody, EventFields, useTrainers, type Group } from './EventFields';

export function AddSection({
  training,
  onClose,
  onDone,
}: {
  training: Training;
  onClose: () => void;
  onDone: () => void;
}) {
  const me = useMe();
  const groups = useApi<{ groups: Group[] }>('/api/groups?kind=students');
  const trainers = useTrainers();
  const today = isoToZoned(new Date().toISOString(), me.timeZone).slice(0, 10);
  const [name, setName] = useState('');
  const [opens, setOpens] = useState(`${today}T00:00`);
  const [closes, setCloses] = useState(
    isoToZoned(new Date(Date.now() + 6 * 86_400_000).toISOString(), me.timeZone).slice(0, 10) + 'T23:00',
  );
  const [capacity, setCapacity] = useState('10');
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [approval, setApproval] = useState(false);
  const [confirmation, setConfirmation] = useState(true);
  const [event, setEvent] = useState(emptyEvent(me.timeZone, me.role === 'teacher' ? me.id : ''));
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() =>
      api.post(
        `/api/trainings/${training.id}/sections`,
        {
          name,
          participantGroupIds: groupIds,
          registrationOpens: zonedToIso(opens, me.timeZone),
          registrationCloses: zonedToIso(closes, me.timeZone),
          capacity: Number(capacity),
          trainerIds: event.trainerId ? [event.trainerId] : [],
          approvalRequired: approval,
          attendanceConfirmationRequired: confirmation,
          events: [eventBody(event, me.timeZone)],
        },
        idempotencyKey(),
      ),
    );
    if (ok) onDone();
  };
  return (
    <Dialog title="Add section" open onClose={onClose} wide>
      {groups.loading ? (
        <Loading />
      ) : (
        <form onSubmit={submit} className="form-grid">
          <ErrorBox error={groups.error ?? action.error} />
          <label className="field">
            <span>Name</span>
            <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span>Capacity</span>
            <input
              type="number"
              min={1}
              required
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
            />
          </label>
          <label className="field">
            <span>Registration opens</span>
            <input type="datetime-local" required value={opens} onChange={(e) => setOpens(e.target.value)} />
          </label>
          <label className="field">
            <span>Registration closes</span>
            <input
              type="datetime-local"
              required
              value={closes}
              onChange={(e) => setCloses(e.target.value)}
            />
          </label>
          <fieldset className="field field-wide">
            <legend>Participant groups</legend>
            <div className="chips">
              {groups.data?.groups.map((g) => (
                <label className="chip" key={g.id}>
                  <input
                    type="checkbox"
                    checked={groupIds.includes(g.id)}
                    onChange={(e) =>
                      setGroupIds((ids) =>
                        e.target.checked ? [...ids, g.id] : ids.filter((x) => x !== g.id),
                      )
                    }
                  />
                  {g.name}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={approval} onChange={(e) => setApproval(e.target.checked)} />{' '}
            Registrations need approval
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={confirmation}
              onChange={(e) => setConfirmation(e.target.checked)}
            />{' '}
            Attendance to be confirmed by host
          </label>
          <h3 className="field-wide">First event</h3>
          <EventFields draft={event} set={setEvent} trainers={trainers} />
          <div className="form-actions field-wide">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button className="btn btn-primary" disabled={action.pending || groupIds.length === 0}>
              Save section
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
