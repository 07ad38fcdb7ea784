// The attempts handed in: each with its score, percent against the pass mark and outcome.
import type { AnswerAttempt } from '../../../../contract/lessons';
import { formatDateTime } from '../../lib/time';
import { Badge } from '../../ui/feedback';
import { OUTCOME_LABELS } from '../../lessons/useScores';

export function AttemptsList({ attempts, timeZone }: { attempts: AnswerAttempt[]; timeZone: string }) {
  if (attempts.length === 0) return null;
  return (
    <ol className="plain-list" aria-label="Attempts">
      {attempts.map((a) => (
        <li key={a.attempt} data-testid="attempt">
          <strong>Attempt {a.attempt}</strong>{' '}
          <Badge tone={a.outcome === 'passed' ? 'ok' : a.outcome === 'try_again' ? 'bad' : 'info'}>
            {OUTCOME_LABELS[a.outcome] ?? a.outcome}
          </Badge>{' '}
          {a.score} / {a.maxScore} ({Math.round(a.percent)} %, pass mark {a.passMark} %)
          <span className="muted"> · {formatDateTime(a.submittedAt, timeZone)}</span>
        </li>
      ))}
    </ol>
  );
}
