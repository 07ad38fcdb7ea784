// The attempts handed in: each with its score, percent against the pass mark and outcome.
import { useTranslation } from 'react-i18next';
import type { AnswerAttempt } from '../../../../contract/lessons';
import { formatDateTime } from '../../lib/time';
import { Badge } from '../../ui/feedback';
import { useHomeworkLabels } from './status';

export function AttemptsList({ attempts, timeZone }: { attempts: AnswerAttempt[]; timeZone: string }) {
  const { t } = useTranslation('homework');
  const labels = useHomeworkLabels();
  if (attempts.length === 0) return null;
  return (
    <ol className="plain-list" aria-label={t('attempts.label')}>
      {attempts.map((a) => (
        <li key={a.attempt} data-testid="attempt">
          <strong>{t('attempts.attempt', { attempt: a.attempt })}</strong>{' '}
          <Badge tone={a.outcome === 'passed' ? 'ok' : a.outcome === 'try_again' ? 'bad' : 'info'}>
            {labels.outcome(a.outcome)}
          </Badge>{' '}
          {t('attempts.result', {
            score: a.score,
            maxScore: a.maxScore,
            percent: Math.round(a.percent),
            passMark: a.passMark,
          })}
          <span className="muted"> · {formatDateTime(a.submittedAt, timeZone)}</span>
        </li>
      ))}
    </ol>
  );
}
