// One training: its sections with seats left and events; a learner registers (or switches, or leaves) and sees
// their waitlist position and progress; admins publish and add sections; trainers and admins add sections,
// edit them and their groups, move and cancel events, and manage rosters and attendance.
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import { useMe } from '../lib/auth';
import { Link } from '../lib/router';
import { useAction, useApi } from '../lib/useApi';
import { PageHeader } from '../ui/Layout';
import { Badge, Empty, ErrorBox, Loading, statusTone } from '../ui/feedback';
import { SectionCard } from './trainings/SectionCard';
import { AddSection } from './trainings/AddSection';
import { useStatusLabel } from './trainings/labels';
import type { Training } from './trainings/types';

export default function TrainingDetail({ params }: { params: Record<string, string> }) {
  const me = useMe();
  const { t } = useTranslation('trainingDetail');
  const statusLabel = useStatusLabel();
  const training = useApi<Training>(`/api/trainings/${params.id}`);
  const publish = useAction();
  const [adding, setAdding] = useState(false);
  if (training.loading && !training.data) return <Loading />;
  if (!training.data) return <ErrorBox error={training.error} onRetry={training.reload} />;
  const tr = training.data;
  const manager = me.role !== 'student';
  const mySection = tr.me ? tr.sections.find((s) => s.id === tr.me!.sectionId) : undefined;
  return (
    <section>
      <p className="crumbs">
        <Link href="/platform/trainings">{t('page.back')}</Link>
      </p>
      <PageHeader
        title={tr.name}
        actions={
          <>
            {me.role === 'admin' && (
              <button
                type="button"
                className="btn"
                disabled={publish.pending}
                onClick={() =>
                  void publish
                    .run(() => api.post(`/api/trainings/${tr.id}/${tr.published ? 'unpublish' : 'publish'}`))
                    .then((r) => r && training.reload())
                }
              >
                {tr.published ? t('page.unpublish') : t('page.publish')}
              </button>
            )}
            {manager && (
              <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
                {t('page.addSection')}
              </button>
            )}
          </>
        }
      >
        {!tr.published && <Badge tone="warn">{t('page.draft')}</Badge>} {tr.description}
      </PageHeader>
      <ErrorBox error={publish.error} />
      {tr.me && (
        <div className="card" aria-labelledby="my-progress">
          <h2 id="my-progress">{t('mine.title')}</h2>
          <p>
            <Badge tone={statusTone(tr.me.status)}>{statusLabel(tr.me.status)}</Badge>{' '}
            <Trans
              t={t}
              i18nKey="mine.inSection"
              values={{ section: mySection?.name ?? '' }}
              components={{ b: <strong /> }}
            />
            {tr.me.waitlistPosition !== null && (
              <>
                {' · '}
                <Trans
                  t={t}
                  i18nKey="mine.waitlistPosition"
                  values={{ position: tr.me.waitlistPosition }}
                  components={{ b: <strong /> }}
                />
              </>
            )}
          </p>
          {tr.me.progress && (
            <>
              <progress
                max={tr.me.progress.total || 1}
                value={tr.me.progress.attended}
                aria-label={t('mine.eventsAttended')}
              />{' '}
              {t('mine.progress', { attended: tr.me.progress.attended, total: tr.me.progress.total })}
              {tr.me.progress.completed ? ` · ${t('mine.completed')}` : ''}
            </>
          )}
        </div>
      )}
      {tr.sections.length === 0 ? (
        <Empty title={t('page.noSections')}>
          {manager ? t('page.noSectionsManager') : t('page.checkBack')}
        </Empty>
      ) : (
        tr.sections.map((s) => (
          <SectionCard key={s.id} training={tr} section={s} onChange={training.reload} />
        ))
      )}
      {adding && (
        <AddSection
          training={tr}
          onClose={() => setAdding(false)}
          onDone={() => (setAdding(false), training.reload())}
        />
      )}
    </section>
  );
}
