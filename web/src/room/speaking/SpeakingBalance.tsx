// The teacher's live view of who speaks how much: the students' share of all speech and each person's time.
import type { SpeakingTime } from '../../../../contract/speakingTime';
import './speaking.css';

const time = (seconds: number) =>
  seconds < 60 ? `${Math.round(seconds)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;

export function SpeakingBalance({ balance }: { balance: SpeakingTime | null }) {
  if (!balance) return null;
  return (
    <section className="speaking-balance" aria-label="Speaking time" data-testid="speaking-balance">
      <h3>Speaking time</h3>
      {balance.participantShare === null ? (
        <p className="muted">Nobody has spoken yet.</p>
      ) : (
        <p>
          Students <strong>{Math.round(balance.participantShare * 100)} %</strong> · teacher{' '}
          {Math.round((1 - balance.participantShare) * 100)} %
        </p>
      )}
      <ul className="plain-list">
        {balance.people.map((p) => (
          <li key={p.personId}>
            {p.name ?? 'Someone'}
            {p.role === 'host' ? ' (teacher)' : ''}: {time(p.seconds)}
          </li>
        ))}
      </ul>
    </section>
  );
}
