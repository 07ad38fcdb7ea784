// The trainings catalogue: what the person may register for (seats left, their status), and for admins the
// drafts too, with "New training".
import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../lib/api';
import { useMe } from '../lib/auth';
import { Link, navigate } from '../lib/router';
import { useAction, useApi } from '../lib/useApi';
import { PageHeader } from '../ui/Layout';
import { Dialog } from '../ui/Dialog';
import { Badge, Empty, ErrorBox, Loading, statusTone } from '../ui/feedback';
import type { Training } from './trainings/types';

export default function Trainings(_: { params: Record<string, string> }) {
  const me = useMe();
  const list = useApi<Training[]>('/api/trainings');
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
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && (
        <Empty title="No trainings available.">
          {me.role === 'admin' ? 'Create one with “New training”.' : ''}
        </Empty>
      )}
      <div className="grid-2">
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
            </article>
          );
        })}
      </div>
      {creating && <NewTraining onClose={() => setCreating(false)} />}
    </section>
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
