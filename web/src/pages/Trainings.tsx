// The trainings catalogue: what the person may register for (seats left, their status), and for admins the
// drafts too, with "New training". Above it "My events": the events a learner holds a seat for, or a trainer
// teaches, with the way into an online event's live room (also offered on the learner's catalogue card).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
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

const STATUSES = ['registered', 'pending', 'waitlisted', 'declined', 'scheduled', 'canceled'] as const;
const FORMATS = ['online', 'in-person', 'hybrid'] as const;

/** A registration's or event's status (the training page's words) and an event's format as people read them
 * (unknown ones as they come). */
const statusLabel = (t: TFunction<'trainingDetail'>, status: string) =>
  (STATUSES as readonly string[]).includes(status)
    ? t(`status.${status as (typeof STATUSES)[number]}`)
    : status;
const formatLabel = (t: TFunction<'trainings'>, format: string) =>
  (FORMATS as readonly string[]).includes(format)
    ? t(`format.${format as (typeof FORMATS)[number]}`)
    : format;

export default function Trainings(_: { params: Record<string, string> }) {
  const { t } = useTranslation('trainings');
  const { t: td } = useTranslation('trainingDetail');
  const me = useMe();
  const list = useApi<Training[]>('/api/trainings');
  const myEvents = useApi<TrainerEvent[]>('/api/me/training-events');
  const [creating, setCreating] = useState(false);
  return (
    <section>
      <PageHeader
        title={t('title')}
        actions={
          me.role === 'admin' && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              {t('newTraining')}
            </button>
          )
        }
      >
        {me.role === 'student' ? t('introStudent') : t('introStaff')}
      </PageHeader>
      <MyEvents events={myEvents.data} error={myEvents.error} onRetry={myEvents.reload} />
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && (
        <Empty title={t('empty')}>{me.role === 'admin' ? t('emptyAdmin') : ''}</Empty>
      )}
      <section className="grid-2" aria-label={t('catalogue.label')}>
        {list.data?.map((training) => {
          const seats = training.sections.reduce((n, s) => n + s.seatsLeft, 0);
          const mine = training.me && training.sections.find((s) => s.id === training.me!.sectionId);
          return (
            <article className="card" key={training.id}>
              <h2>
                <Link href={`/platform/trainings/${training.id}`}>{training.name}</Link>
              </h2>
              <p className="muted">{training.description || t('catalogue.noDescription')}</p>
              <p>
                {!training.published && <Badge tone="warn">{t('catalogue.draft')}</Badge>}{' '}
                {t('catalogue.sections', { count: training.sections.length })} ·{' '}
                {t('catalogue.seatsLeft', { count: seats })}
              </p>
              {training.me && (
                <p>
                  <Badge tone={statusTone(training.me.status)}>{statusLabel(td, training.me.status)}</Badge>{' '}
                  {mine?.name}
                  {training.me.waitlistPosition !== null &&
                    ` · ${t('catalogue.waitlistPosition', { position: training.me.waitlistPosition })}`}
                  {training.me.progress &&
                    ` · ${t('catalogue.attended', {
                      attended: training.me.progress.attended,
                      total: training.me.progress.total,
                    })}`}
                  {training.me.progress?.completed && ` · ${t('catalogue.completed')}`}
                </p>
              )}
              {training.me?.status === 'registered' && (
                <NextRoom events={myEvents.data?.filter((e) => e.trainingId === training.id) ?? []} />
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
  const { t } = useTranslation('trainings');
  const { t: td } = useTranslation('trainingDetail');
  const me = useMe();
  if (!events && !error) return null;
  return (
    <section className="card" aria-labelledby="my-training-events" data-testid="my-training-events">
      <h2 id="my-training-events">{t('myEvents.title')}</h2>
      <ErrorBox error={error} onRetry={onRetry} />
      {events && events.length === 0 && (
        <p className="muted">
          {me.role === 'student' ? t('myEvents.noneStudent') : t('myEvents.noneTrainer')}
        </p>
      )}
      {events && events.length > 0 && (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('myEvents.when')}</th>
                <th scope="col">{t('myEvents.training')}</th>
                <th scope="col">{t('myEvents.format')}</th>
                <th scope="col">{t('myEvents.liveRoom')}</th>
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
                  <td className="cap">{formatLabel(t, e.format)}</td>
                  <td>
                    {hasRoom(e) ? (
                      <Link
                        className="btn btn-small"
                        href={trainingRoomPath(e.id)}
                        data-testid="join-training-room"
                      >
                        {t('joinRoom')}
                      </Link>
                    ) : (
                      <Badge tone={statusTone(e.status)}>
                        {e.format === 'in-person' ? t('myEvents.inPerson') : statusLabel(td, e.status)}
                      </Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            {me.role === 'student' ? t('myEvents.roomOpensStudent') : t('myEvents.roomOpens')}
          </p>
        </>
      )}
    </section>
  );
}

/** On a learner's catalogue card: their section's next online event and the way into its room. */
function NextRoom({ events }: { events: TrainerEvent[] }) {
  const { t } = useTranslation('trainings');
  const me = useMe();
  const next = events.find(hasRoom);
  if (!next) return null;
  return (
    <p>
      {t('catalogue.nextOnline', { when: formatDateTime(next.start, me.timeZone) })} ·{' '}
      <Link href={trainingRoomPath(next.id)} data-testid="join-next-training-room">
        {t('joinRoom')}
      </Link>
    </p>
  );
}

function NewTraining({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['trainings', 'common']);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await action.run(() =>
      api.post<Training>('/api/trainings', { name, description, imageUrl: null }, idempotencyKey()),
    );
    if (created) navigate(`/platform/trainings/${created.id}`);
  };
  return (
    <Dialog title={t('newTraining')} open onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBox error={action.error} />
        <label className="field">
          <span>{t('create.name')}</span>
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('create.description')}</span>
          <textarea rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel', { ns: 'common' })}
          </button>
          <button className="btn btn-primary" disabled={action.pending}>
            {t('create.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
