// The trainings catalogue: what the person may register for (seats left, their status), and for admins the
// drafts too, with "New training". Above it "My events": the events a learner holds a seat for, or a trainer
// teaches, with the way into an online event's live room (also offered on the learner's catalogue card).
import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../lib/api';
import { useMe } from '../lib/auth';
import { Link, navigate } from '../lib/router';
import { useAction, useApi } from '../lib/useApi';
import { PageHeader } from '../ui/Layout';
import { Dialog } from '../ui/Dialog';
import { Badge, Empty, ErrorBox, Loading, statusTone } from '../ui/feedback';
import type { Training } from './trainings/types';
import type { TrainerEvent } from '../../../contract/trainings';
import { formatDateTime, formatTime } from '../lib/time';
import { hasRoom, trainingRoomPath } from './trainingRoom/paths';

export default function Trainings(_: { params: Record<string, string> }) {
  const me = useMe();
  const list = useApi<Training[]>('/api/trainings');
  const myEvents = useApi<TrainerEvent[]>('/api/me/training-events');
  const [creating, setCreating] = useState(false);
  return (
    <section>
      <PageHeader
        title="Trainings"
        actions={
          me.role === 'admin' && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              New training
            </button>
          )
        }
      >
        {me.role === 'student'
          ? 'Choose a section and register: you are signed up for all of its events.'
          : 'Sections, events, rosters and attendance.'}
      </PageHeader>
      <MyEvents events={myEvents.data} error={myEvents.error} onRetry={myEvents.reload} />
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && (
        <Empty title="No trainings available.">
          {me.role === 'admin' ? 'Create one with “New training”.' : ''}
        </Empty>
      )}
      <section className="grid-2" aria-label="Catalogue">
        {list.data?.map((t) => {
          const seats = t.sections.reduce((n, s) => n + s.seatsLeft, 0);
          const mine = t.me && t.sections.find((s) => s.id === t.me!.sectionId);
          return (
            <article className="card" key={t.id}>
              <h2>
                <Link href={`/platform/trainings/${t.id}`}>{t.name}</Link>
              </h2>
              <p className="muted">{t.description || 'No description.'}</p>
              <p>
                {!t.published && <Badge tone="warn">draft</Badge>} {t.sections.length} section
                {t.sections.length === 1 ? '' : 's'} · {seats} seat{seats === 1 ? '' : 's'} left
              </p>
              {t.me && (
                <p>
                  <Badge tone={statusTone(t.me.status)}>{t.me.status}</Badge> {mine?.name}
                  {t.me.waitlistPosition !== null && ` · waitlist position ${t.me.waitlistPosition}`}
                  {t.me.progress && ` · ${t.me.progress.attended}/${t.me.progress.total} events attended`}
                  {t.me.progress?.completed && ' · completed'}
                </p>
              )}
              {t.me?.status === 'registered' && (
                <NextRoom events={myEvents.data?.filter((e) => e.trainingId === t.id) ?? []} />
              )}
            </article>
          );
        })}
      </section>
      {creating && <NewTraining onClose={() => setCreating(false)} />}
    </section>
  );
}

/** The events the person holds a seat for (learners) or teaches (trainers), from now on. */
function MyEvents({
  events,
  error,
  onRetry,
}: {
  events: TrainerEvent[] | undefined;
  error: Parameters<typeof ErrorBox>[0]['error'];
  onRetry: () => void;
}) {
  const me = useMe();
  if (!events && !error) return null;
  return (
    <section className="card" aria-labelledby="my-training-events" data-testid="my-training-events">
      <h2 id="my-training-events">My events</h2>
      <ErrorBox error={error} onRetry={onRetry} />
      {events && events.length === 0 && (
        <p className="muted">
          {me.role === 'student'
            ? 'No upcoming events: register for a section below.'
            : 'No upcoming events that you teach.'}
        </p>
      )}
      {events && events.length > 0 && (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Training</th>
                <th scope="col">Format</th>
                <th scope="col">Live room</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    {formatDateTime(e.start, me.timeZone)} – {formatTime(e.end, me.timeZone)}
                  </td>
                  <td>
                    <Link href={`/platform/trainings/${e.trainingId}`}>{e.trainingName}</Link> ·{' '}
                    {e.sectionName}
                  </td>
                  <td className="cap">{e.format}</td>
                  <td>
                    {hasRoom(e) ? (
                      <Link
                        className="btn btn-small"
                        href={trainingRoomPath(e.id)}
                        data-testid="join-training-room"
                      >
                        Join room
                      </Link>
                    ) : (
                      <Badge tone={statusTone(e.status)}>
                        {e.format === 'in-person' ? 'in person' : e.status}
                      </Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            The live room opens 10 minutes before an online event starts.
            {me.role === 'student' && ' Being in it once the event has started records your attendance.'}
          </p>
        </>
      )}
    </section>
  );
}

/** On a learner's catalogue card: their section's next online event and the way into its room. */
function NextRoom({ events }: { events: TrainerEvent[] }) {
  const me = useMe();
  const next = events.find(hasRoom);
  if (!next) return null;
  return (
    <p>
      Next online event {formatDateTime(next.start, me.timeZone)} ·{' '}
      <Link href={trainingRoomPath(next.id)} data-testid="join-next-training-room">
        Join room
      </Link>
    </p>
  );
}

function NewTraining({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const t = await action.run(() =>
      api.post<Training>('/api/trainings', { name, description, imageUrl: null }, idempotencyKey()),
    );
    if (t) navigate(`/platform/trainings/${t.id}`);
  };
  return (
    <Dialog title="New training" open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>Name</span>
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>Description</span>
          <textarea rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}
