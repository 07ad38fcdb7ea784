// The raised hands, in the order they went up: everyone sees the queue; the teacher lowers anyone's, a person
// their own. Hidden while no hand is up.
import { useTranslation } from 'react-i18next';

type Hand = { peerId: string | null; personId: string; name: string; raisedAt: string };

type Props = {
  hands: Hand[];
  isHost: boolean;
  /** Lowers a hand: someone else's by peer (the host), mine without one. */
  onLower(peerId: string | null): void;
};

export function RaisedHands({ hands, isHost, onLower }: Props) {
  const { t } = useTranslation('room');
  if (hands.length === 0) return null;
  const queue = [...hands].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  return (
    <section className="raised-hands" aria-label={t('hands.label')} data-testid="raised-hands">
      <h2>
        <span aria-hidden="true">✋</span> {t('hands.title', { n: queue.length })}
      </h2>
      <ol>
        {queue.map((h) => {
          const mine = h.peerId === null;
          return (
            <li key={h.peerId ?? 'self'} data-testid="raised-hand" data-person={h.personId}>
              <span>{mine ? t('you') : h.name}</span>
              {(mine || isHost) && (
                <button
                  type="button"
                  className="link-btn"
                  onClick={() => onLower(h.peerId)}
                  aria-label={mine ? t('hands.lowerMine') : t('hands.lowerTheirs', { name: h.name })}
                  data-testid={`lower-hand-${h.personId}`}
                >
                  {t('hands.lower')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The hands up in the room, mine included, from the room state. */
export function handsOf(
  peers: { peerId: string; personId: string; name: string; handRaisedAt?: string | null }[],
  self: { personId: string; name: string; handRaisedAt?: string | null },
): Hand[] {
  const hands: Hand[] = self.handRaisedAt
    ? [{ peerId: null, personId: self.personId, name: self.name, raisedAt: self.handRaisedAt }]
    : [];
  for (const p of peers)
    if (p.handRaisedAt)
      hands.push({ peerId: p.peerId, personId: p.personId, name: p.name, raisedAt: p.handRaisedAt });
  return hands;
}
