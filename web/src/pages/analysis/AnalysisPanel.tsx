// The side panel of one lesson analysis: its status (requested, running, ready, failed), refreshed every 2 s
// while it is made and on demand; the six-section report once ready; the cause of a failure and the tokens
// given back.
import { useEffect } from 'react';
import { useApi } from '../../lib/useApi';
import { formatDateTime } from '../../lib/time';
import { Badge, ErrorBox, Loading } from '../../ui/feedback';
import type { AnalysisStatus, LessonAnalysis } from '../../../../contract/lessonAnalysis';
import { AnalysisReport } from './AnalysisReport';
import { inProgress, useAnalysisStatuses } from './useEnrollmentAnalyses';
import './analysis.css';

const TONE: Record<AnalysisStatus, string> = {
  requested: 'info',
  running: 'warn',
  ready: 'ok',
  failed: 'bad',
};
const STATUS_TEXT: Record<AnalysisStatus, string> = {
  requested: 'Requested: waiting for a worker.',
  running: 'Running: the report is being written.',
  ready: 'Ready.',
  failed: 'Failed.',
};

export function AnalysisPanel({
  analysisId,
  lessonTitles,
  timeZone,
  onClose,
  onChanged,
}: {
  analysisId: string;
  lessonTitles: Record<string, string>;
  timeZone: string;
  onClose: () => void;
  onChanged?: () => void;
}) {
  const analysis = useApi<LessonAnalysis>(`/api/lesson-analyses/${analysisId}`);
  const status = analysis.data?.status;
  const { reload } = analysis;
  useAnalysisStatuses(analysis.data?.enrollmentId ?? null, !!status && inProgress(status), (statuses) => {
    if (statuses.find((s) => s.id === analysisId)?.status !== status) reload();
  });
  useEffect(() => {
    if (status && !inProgress(status)) onChanged?.();
  }, [status, onChanged]);
  const a = analysis.data;
  const titles = a?.lessons.map((l) => lessonTitles[l.courseLessonId] ?? 'Lesson') ?? [];
  return (
    <aside className="side-panel" aria-labelledby="analysis-panel-title" data-testid="analysis-panel">
      <header className="side-panel-head">
        <h2 id="analysis-panel-title">Lesson analysis</h2>
        <button type="button" className="btn-icon" aria-label="Close the analysis" onClick={onClose}>
          ×
        </button>
      </header>
      {!a && analysis.loading && <Loading />}
      <ErrorBox error={analysis.error} onRetry={reload} />
      {a && (
        <>
          <p className="muted">
            {a.scope === 'single' ? titles[0] : `${a.lessons.length} lessons: ${titles.join(', ')}`} ·{' '}
            {a.tokens} tokens · requested {formatDateTime(a.requestedAt, timeZone)}
          </p>
          <div className="row" role="status" aria-live="polite">
            <Badge tone={TONE[a.status]}>
              <span data-testid="analysis-status">{a.status}</span>
            </Badge>
            <span>{STATUS_TEXT[a.status]}</span>
            {inProgress(a.status) && a.attempts > 1 && (
              <span className="muted">
                attempt {a.attempts}
                {a.retryAt ? `, next try ${formatDateTime(a.retryAt, timeZone)}` : ''}
              </span>
            )}
            <button type="button" className="btn btn-small" onClick={reload} disabled={analysis.loading}>
              Refresh
            </button>
          </div>
          {a.status === 'failed' && (
            <div className="notice notice-bad" data-testid="analysis-failure">
              <p>
                <strong>The analysis could not be made</strong>
                {a.lastError ? `: ${a.lastError}` : '.'}
              </p>
              <p>
                {a.refundEntryId
                  ? `The ${a.tokens} tokens were given back to the organisation's wallet (ledger line ${a.refundEntryId}).`
                  : `The ${a.tokens} tokens are being given back to the organisation's wallet.`}
              </p>
            </div>
          )}
          {a.status === 'ready' && a.report && <AnalysisReport report={a.report} titles={lessonTitles} />}
        </>
      )}
    </aside>
  );
}
