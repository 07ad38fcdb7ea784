// The brain icon beside a passed or verified lesson: grey before any analysis, blue while one is made, yellow
// when its report is ready, red when it failed. Clicking asks to analyse (with the price) or opens the report.
import { useTranslation } from 'react-i18next';
import type { LessonAnalysisSummary } from '../../../../contract/lessonAnalysis';
import { inProgress } from './useEnrollmentAnalyses';

export function BrainIcon({
  title,
  analysis,
  onAnalyse,
  onOpen,
}: {
  title: string;
  analysis: LessonAnalysisSummary | undefined;
  onAnalyse: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('completion');
  const status = analysis?.status ?? 'none';
  const label = analysis
    ? t('analysis.brain', { title, status: t(`analysis.status.${analysis.status}`) })
    : t('analysis.analyse', { title });
  return (
    <button
      type="button"
      className={`brain brain-${status}${analysis && inProgress(analysis.status) ? ' brain-busy' : ''}`}
      data-testid="brain-icon"
      data-status={status}
      aria-label={label}
      title={label}
      onClick={() => (analysis ? onOpen(analysis.id) : onAnalyse())}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          d="M9 3a3 3 0 0 0-3 3 3 3 0 0 0-2 5 3 3 0 0 0 1 5 3 3 0 0 0 4 4 3 3 0 0 0 3-1V4a3 3 0 0 0-3-1Zm6 0a3 3 0 0 1 3 3 3 3 0 0 1 2 5 3 3 0 0 1-1 5 3 3 0 0 1-4 4 3 3 0 0 1-3-1V4a3 3 0 0 1 3-1Z"
          fill="currentColor"
          stroke="#333"
          strokeWidth="1"
        />
      </svg>
    </button>
  );
}
