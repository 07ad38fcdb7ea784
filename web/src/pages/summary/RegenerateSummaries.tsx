// "Regenerate": makes a session's summaries again after a correction (admins, the session's teacher). Paid like
// the first ones; the answer says why when the organisation's wallet cannot pay.
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';
import type { SessionSummaries } from '../../../../contract/sessionSummary';

export function RegenerateSummaries({
  liveSessionId,
  onDone,
}: {
  liveSessionId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('completion');
  const regenerate = useAction();
  const run = () =>
    void regenerate
      .run(() =>
        api.post<SessionSummaries>(`/api/live-sessions/${liveSessionId}/summaries`, {}, idempotencyKey()),
      )
      .finally(onDone);
  return (
    <div>
      <button type="button" className="btn" disabled={regenerate.pending} onClick={run}>
        {regenerate.pending ? t('summary.regenerating') : t('summary.regenerate')}
      </button>
      <ErrorBox error={regenerate.error} />
    </div>
  );
}
