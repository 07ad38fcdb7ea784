// The Teacher Feedback banner: verified scores and comment, shown on the session to teachers and students.
import { Link } from '../../lib/router';
import { useMe } from '../../lib/auth';
import { useApi } from '../../lib/useApi';
import type { Participant } from '../../lib/types';
import { SCORE_KEYS, type Feedback } from './types';

export function FeedbackBanner({
  liveSessionId,
  participants = [],
}: {
  liveSessionId: string;
  participants?: Participant[];
}) {
  const me = useMe();
  const feedback = useApi<Feedback[]>(`/api/live-sessions/${liveSessionId}/feedback`);
  const verified = (feedback.data ?? []).filter((f) => f.verified);
  if (verified.length === 0) return null;
  const name = (id: string) => participants.find((p) => p.studentId === id)?.name ?? '';
  return (
    <section className="banner" aria-labelledby="feedback-title">
      <h2 id="feedback-title">Teacher Feedback</h2>
      {verified.map((f) => (
        <div key={f.studentId} className="feedback-entry">
          {me.role !== 'student' && <strong>{name(f.studentId)}</strong>}
          <ul className="score-list">
            {SCORE_KEYS.map((k) => (
              <li key={k}>
                <span className="cap">{k}</span> <strong>{f.scores[k]}</strong>/5
              </li>
            ))}
          </ul>
          {f.comment && <p className="prewrap">“{f.comment}”</p>}
        </div>
      ))}
      {me.role !== 'student' && (
        <p className="hint">
          To change feedback, revoke verification under Scores on{' '}
          <Link href={`/platform/sessions/${liveSessionId}/complete`}>
            the session&apos;s completion page
          </Link>
          .
        </p>
      )}
    </section>
  );
}
