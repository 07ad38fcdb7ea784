// The room's polls with their results. The server decides what a viewer may see: the teacher (and admins) get
// who answered what for named polls; students get counts and their own answer; anonymous polls never name anyone.
import { useTranslation } from 'react-i18next';
import type { PollView } from '../../../../contract/realtime';
import { useApi } from '../../lib/useApi';
import { Badge, Empty, ErrorBox, Loading } from '../../ui/feedback';

export function PollsRecord({ roomId, nameOf }: { roomId: string; nameOf(personId: string): string }) {
  const { t } = useTranslation('completion');
  const polls = useApi<{ polls: PollView[] }>(`/api/rooms/${roomId}/polls`);
  if (polls.error) return <ErrorBox error={polls.error} onRetry={polls.reload} />;
  if (!polls.data) return <Loading />;
  if (polls.data.polls.length === 0) return <Empty title={t('afterClass.noPolls')} />;
  return (
    <div className="stack">
      {polls.data.polls.map((p) => (
        <article key={p.pollId} data-testid="after-class-poll" aria-label={p.question}>
          <h3>
            {p.question} <Badge>{p.anonymous ? t('afterClass.anonymous') : t('afterClass.named')}</Badge>
          </h3>
          <p className="muted">{t('afterClass.answered', { count: p.responded })}</p>
          <ul className="list-plain">
            {p.options.map((option, i) => {
              const who = (p.answers ?? []).filter((a) => a.option === i).map((a) => nameOf(a.personId));
              return (
                <li key={i} data-testid="after-class-poll-option">
                  {option}: <strong>{p.countsHidden ? '–' : p.counts[i]}</strong>
                  {p.myAnswer === i && <span className="muted"> {t('afterClass.yourAnswer')}</span>}
                  {who.length > 0 && <span data-testid="after-class-poll-names"> — {who.join(', ')}</span>}
                </li>
              );
            })}
          </ul>
          {p.nonResponders && p.nonResponders.length > 0 && (
            <p className="muted">
              {t('afterClass.didNotAnswer', { names: p.nonResponders.map(nameOf).join(', ') })}
            </p>
          )}
        </article>
      ))}
    </div>
  );
}
