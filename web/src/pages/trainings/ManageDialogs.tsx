// Trainer and admin dialogs: add a section (with its first event), add an event, confirm an event's attendance.
import { useMemo, useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction, useApi } from '../../lib/useApi';
import { isoToZoned, zonedToIso } from '../../lib/time';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox, Loading } from '../../ui/feedback';
import type { RosterEntry, Section, Training } from './types';

type Group = {
  id: string;
  kind: string;
  name: string;
  members: { id: string; name: string; role: string }[];
};

function useTrainers() {
  const groups = useApi<{ groups: Group[] }>('/api/groups?kind=trainers');
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const g of groups.data?.groups ?? []) for (const m of g.members) seen.set(m.id, m.name);
    return [...seen.entries()];
  }, [groups.data]);
}

type EventDraft = {
  start: string;
  end: string;
  format: string;
  trainerId: string;
  location: string;
  link: string;
};

function EventFields({
  draft,
  set,
  trainers,
}: {
  draft: EventDraft;
  set: (d: EventDraft) => void;
  trainers: [string, string][];
}) {
  const me = useMe();
  return (
    <>
      <label className="field">
        <span>Starts ({me.timeZone})</span>
        <input
          type="datetime-local"
          required
          value={draft.start}
          onChange={(e) => set({ ...draft, start: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Ends</span>
        <input
          type="datetime-local"
          required
          value={draft.end}
          onChange={(e) => set({ ...draft, end: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Format</span>
        <select value={draft.format} onChange={(e) => set({ ...draft, format: e.target.value })}>
          <option value="online">Online</option>
          <option value="in-person">In person</option>
          <option value="hybrid">Hybrid</option>
        </select>
      </label>
      <label className="field">
        <span>Trainer</span>
        <select
          required
          value={draft.trainerId}
          onChange={(e) => set({ ...draft, trainerId: e.target.value })}
        >
          <option value="">Choose a trainer…</option>
          {trainers.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Location</span>
        <input
          value={draft.location}
          maxLength={500}
          onChange={(e) => set({ ...draft, location: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Link</span>
        <input
          type="url"
          value={draft.link}
          placeholder="https://"
          onChange={(e) => set({ ...draft, link: e.target.value })}
        />
      </label>
    </>
  );
}

function emptyEvent(timeZone: string, trainerId: string): EventDraft {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const date = isoToZoned(day, timeZone).slice(0, 10);
  return {
    start: `${date}T09:00`,
    end: `${date}T12:00`,
    format: 'online',
    trainerId,
    location: '',
    link: '',
  };
}

const eventBody = (d: EventDraft, timeZone: string) => ({
  start: zonedToIso(d.start, timeZone),
  end: zonedToIso(d.end, timeZone),
  timeZone,
  format: d.format,
  trainerId: d.trainerId,
  location: d.location.trim() || null,
  link: d.link.trim() || null,
  notes: null,
});

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
    <Dialog title={`Add event to ${section.name}`} open onClose={onClose} wide>
      <form onSubmit={submit} className="form-grid">
        <ErrorBox error={action.error} />
        <EventFields draft={event} set={setEvent} trainers={trainers} />
        <p className="hint field-wide">
          Each new event must happen after the previous one. Registered learners are signed up automatically.
        </p>
        <div className="form-actions field-wide">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            Add event
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
    <Dialog title="Confirm attendance" open onClose={onClose}>
      <ErrorBox error={roster.error ?? action.error} />
      {roster.loading && <Loading />}
      {roster.data && registered.length === 0 && <p className="muted">No registered learners.</p>}
      {registered.map((r) => (
        <label key={r.learnerId} className="check">
          <input
            type="checkbox"
            checked={!absent.includes(r.learnerId)}
            onChange={(e) =>
              setAbsent((a) => (e.target.checked ? a.filter((x) => x !== r.learnerId) : [...a, r.learnerId]))
            }
          />
          {r.name ?? r.learnerId} attended
        </label>
      ))}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={action.pending || registered.length === 0}
          onClick={() => void submit()}
        >
          Confirm attendance
        </button>
      </div>
    </Dialog>
  );
}
