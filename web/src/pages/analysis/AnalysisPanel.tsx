// The side panel of one lesson analysis: its status (requested, running, ready, failed), refreshed every 2 s
// while it is made and on demand; the six-section report once ready; the cause of a failure and the tokens
// given back.
import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi';
import { formatDateTime } from '../../lib/time';
import { Badge, ErrorBox, Loading } from '../../ui/feedback';
import type { AnalysisStatus, LessonAnalysis } from '../../../../contract/lessonAnalysis';
import { AnalysisReport } from './AnalysisReport';
import { useCompletionReasons } from './reasons';
import { inProgress, useAnalysisStatuses } from './useEnrollmentAnalyses';
import './analysis.css';

const TONE: Record<AnalysisStatus, string> = {
  requested: 'info',
  running: 'warn',
  ready: 'ok',
  failed: 'bad',
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
  const { t } = useTranslation('completion');
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
  const reasons = useCompletionReasons();
  const failure = a ? reasons.analysisFailure(a.lastFailure, a.lastError) : null;
  const titles = a?.lessons.map((l) => lessonTitles[l.courseLessonId] ?? t('analysis.lesson')) ?? [];
  return (
    <aside className="side-panel" aria-labelledby="analysis-panel-title" data-testid="analysis-panel">
      <header className="side-panel-head">
        <h2 id="analysis-panel-title">{t('analysis.title')}</h2>
        <button type="button" className="btn-icon" aria-label={t('analysis.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {!a && analysis.loading && <Loading />}
      <ErrorBox error={analysis.error} onRetry={reload} />
      {a && (
        <>
          <p className="muted">
            {t('analysis.meta', {
              scope:
                a.scope === 'single'
                  ? titles[0]
                  : t('analysis.lessons', { count: a.lessons.length, titles: titles.join(', ') }),
              count: a.tokens,
              when: formatDateTime(a.requestedAt, timeZone),
            })}
          </p>
          <div className="row" role="status" aria-live="polite">
            <Badge tone={TONE[a.status]}>
              <span data-testid="analysis-status">{t(`analysis.status.${a.status}`)}</span>
            </Badge>
            <span>{t(`analysis.statusText.${a.status}`)}</span>
            {inProgress(a.status) && a.attempts > 1 && (
              <span className="muted">
                {a.retryAt
                  ? t('analysis.attemptRetry', {
                      attempt: a.attempts,
                      when: formatDateTime(a.retryAt, timeZone),
                    })
                  : t('analysis.attempt', { attempt: a.attempts })}
              </span>
            )}
            <button type="button" className="btn btn-small" onClick={reload} disabled={analysis.loading}>
              {t('analysis.refresh')}
            </button>
          </div>
          {a.status === 'failed' && (
            <div className="notice notice-bad" data-testid="analysis-failure">
              <p>
                <Trans
                  t={t}
                  i18nKey={failure ? 'analysis.failedWithError' : 'analysis.failedPlain'}
                  values={{ error: failure }}
                  components={{ strong: <strong /> }}
                />
              </p>
              <p>
                {a.refundEntryId
                  ? t('analysis.refunded', { count: a.tokens, entry: a.refundEntryId })
                  : t('analysis.refunding', { count: a.tokens })}
              </p>
            </div>
          )}
          {a.status === 'ready' && a.report && <AnalysisReport report={a.report} titles={lessonTitles} />}
        </>
      )}
    </aside>
  );
}
