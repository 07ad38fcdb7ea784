// A training section: registration window, seats, events; register / switch / leave for learners; roster,
// approvals, "+ Add event" and attendance confirmation for trainers and admins.
import { useState } from 'react';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useAction, useApi } from '../../lib/useApi';
import { formatDateTime, formatTime } from '../../lib/time';
import { Badge, ErrorBox, statusTone } from '../../ui/feedback';
import { AddEvent, ConfirmAttendance } from './ManageDialogs';
import type { RosterEntry, Section, Training } from './types';

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
  const manager = me.role !== 'student';
  const action = useAction();
  const [showRoster, setShowRoster] = useState(false);
  const [addingEvent, setAddingEvent] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const base = `/api/trainings/${training.id}`;
  const mine = training.me?.sectionId === s.id;
  const now = Date.now();
  const open =
    new Date(s.registrationOpens).getTime() <= now && now < new Date(s.registrationCloses).getTime();
  const run = (fn: () => Promise<unknown>) => void action.run(fn).then((r) => r !== undefined && onChange());
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
              Leave section
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
                Switch to this section
              </button>
            ) : (
              <button
                type="button"
                className="btn btn-primary btn-small"
                disabled={action.pending || !open}
                onClick={() => run(() => api.post(`${base}/sections/${s.id}/registrations`, {}))}
              >
                {s.seatsLeft > 0 ? 'Register' : s.waitlistEnabled ? 'Join waitlist' : 'Full'}
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
                Roster
              </button>
              <button type="button" className="btn btn-small" onClick={() => setAddingEvent(true)}>
                + Add event
              </button>
            </>
          )}
        </div>
      </div>
      <p>
        <strong>{s.seatsLeft}</strong> of {s.capacity} seats left
        {s.waitlisted > 0 ? ` · ${s.waitlisted} on the waitlist` : ''} · registration{' '}
        {open ? 'open' : 'closed'} {formatDateTime(s.registrationOpens, me.timeZone)} –{' '}
        {formatDateTime(s.registrationCloses, me.timeZone)}
        {s.approvalRequired && ' · needs approval'}
        {s.attendanceConfirmationRequired && ' · attendance confirmed by host'}
      </p>
      <ErrorBox error={action.error} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Format</th>
            <th scope="col">Where</th>
            <th scope="col">Status</th>
            {manager && <th scope="col">Attendance</th>}
          </tr>
        </thead>
        <tbody>
          {s.events.map((e) => (
            <tr key={e.id}>
              <td>
                {formatDateTime(e.start, me.timeZone)} – {formatTime(e.end, me.timeZone)}
              </td>
              <td className="cap">{e.format}</td>
              <td>
                {e.location}
                {e.link && (
                  <>
                    {e.location ? ' · ' : ''}
                    <a href={e.link} target="_blank" rel="noreferrer">
                      link
                    </a>
                  </>
                )}
              </td>
              <td>
                <Badge tone={statusTone(e.status)}>{e.status}</Badge>
              </td>
              {manager && (
                <td>
                  {e.status !== 'canceled' && (
                    <button type="button" className="btn btn-small" onClick={() => setConfirming(e.id)}>
                      Confirm attendance
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {manager && showRoster && <Roster trainingId={training.id} sectionId={s.id} onChange={onChange} />}
      {addingEvent && (
        <AddEvent
          training={training}
          section={s}
          onClose={() => setAddingEvent(false)}
          onDone={() => (setAddingEvent(false), onChange())}
        />
      )}
      {confirming && (
        <ConfirmAttendance
          trainingId={training.id}
          section={s}
          eventId={confirming}
          onClose={() => setConfirming(null)}
          onDone={() => (setConfirming(null), onChange())}
        />
      )}
    </article>
  );
}

function Roster({
  trainingId,
  sectionId,
  onChange,
}: {
  trainingId: string;
  sectionId: string;
  onChange: () => void;
}) {
  const roster = useApi<RosterEntry[]>(`/api/trainings/${trainingId}/sections/${sectionId}/roster`);
  const action = useAction();
  const decide = (learnerId: string, verb: 'approve' | 'decline') =>
    void action
      .run(() => api.post(`/api/trainings/${trainingId}/registrations/${learnerId}/${verb}`, {}))
      .then((r) => r && (roster.reload(), onChange()));
  return (
    <div>
      <h3>Roster</h3>
      <ErrorBox error={roster.error ?? action.error} />
      {roster.data && roster.data.length === 0 && <p className="muted">Nobody registered yet.</p>}
      {roster.data && roster.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Learner</th>
              <th scope="col">Status</th>
              <th scope="col">Via</th>
              <th scope="col" className="num">
                Attended
              </th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {roster.data.map((r) => (
              <tr key={r.learnerId}>
                <td>{r.name ?? r.learnerId}</td>
                <td>
                  <Badge tone={statusTone(r.status)}>{r.status}</Badge>
                  {r.waitlistPosition !== null && ` #${r.waitlistPosition}`}
                </td>
                <td className="cap">{r.via}</td>
                <td className="num">
                  {r.attended}/{r.total}
                  {r.completed ? ' ✓' : ''}
                </td>
                <td>
                  {r.status === 'pending' && (
                    <>
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => decide(r.learnerId, 'approve')}
                      >
                        Approve
                      </button>{' '}
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => decide(r.learnerId, 'decline')}
                      >
                        Decline
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
