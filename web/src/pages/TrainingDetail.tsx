// One training: its sections with seats left and events; a learner registers (or switches, or leaves) and sees
// their waitlist position and progress; admins publish and add sections; trainers manage rosters and attendance.
import { useState } from 'react';
import { api } from '../lib/api';
import { useMe } from '../lib/auth';
import { Link } from '../lib/router';
import { useAction, useApi } from '../lib/useApi';
import { PageHeader } from '../ui/Layout';
import { Badge, Empty, ErrorBox, Loading, statusTone } from '../ui/feedback';
import { SectionCard } from './trainings/SectionCard';
import { AddSection } from './trainings/AddSection';
import type { Training } from './trainings/types';

export default function TrainingDetail({ params }: { params: Record<string, string> }) {
  const me = useMe();
  const training = useApi<Training>(`/api/trainings/${params.id}`);
  const publish = useAction();
  const [adding, setAdding] = useState(false);
  if (training.loading && !training.data) return <Loading />;
  if (!training.data) return <ErrorBox error={training.error} onRetry={training.reload} />;
  const t = training.data;
  const manager = me.role !== 'student';
  const mySection = t.me ? t.sections.find((s) => s.id === t.me!.sectionId) : undefined;
  return (
    <section>
      <p className="crumbs">
        <Link href="/platform/trainings">← Trainings</Link>
      </p>
      <PageHeader
        title={t.name}
        actions={
          <>
            {me.role === 'admin' && (
              <button
                type="button"
                className="btn"
                disabled={publish.pending}
                onClick={() =>
                  void publish
                    .run(() => api.post(`/api/trainings/${t.id}/${t.published ? 'unpublish' : 'publish'}`))
                    .then((r) => r && training.reload())
                }
              >
                {t.published ? 'Unpublish' : 'Publish'}
              </button>
            )}
            {manager && (
              <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
                + Add section
              </button>
            )}
          </>
        }
      >
        {!t.published && <Badge tone="warn">draft</Badge>} {t.description}
      </PageHeader>
      <ErrorBox error={publish.error} />
      {t.me && (
        <div className="card" aria-labelledby="my-progress">
          <h2 id="my-progress">My registration</h2>
          <p>
            <Badge tone={statusTone(t.me.status)}>{t.me.status}</Badge> in <strong>{mySection?.name}</strong>
            {t.me.waitlistPosition !== null && (
              <>
                {' '}
                · waitlist position <strong>{t.me.waitlistPosition}</strong>
              </>
            )}
          </p>
          {t.me.progress && (
            <>
              <progress
                max={t.me.progress.total || 1}
                value={t.me.progress.attended}
                aria-label="Events attended"
              />{' '}
              {t.me.progress.attended} of {t.me.progress.total} events attended
              {t.me.progress.completed ? ' · training completed' : ''}
            </>
          )}
        </div>
      )}
      {t.sections.length === 0 ? (
        <Empty title="No sections yet.">
          {manager ? 'Add a section with at least one event so learners can register.' : 'Check back later.'}
        </Empty>
      ) : (
        t.sections.map((s) => <SectionCard key={s.id} training={t} section={s} onChange={training.reload} />)
      )}
      {adding && (
        <AddSection
          training={t}
          onClose={() => setAdding(false)}
          onDone={() => (setAdding(false), training.reload())}
        />
      )}
    </section>
  );
}
