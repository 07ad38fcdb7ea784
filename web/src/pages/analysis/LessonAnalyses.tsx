// Lesson analysis on an enrollment's lesson list: a brain icon per passed or verified lesson, "Analyse recent
// lessons" (bulk), the confirmation with the price, and the side panel with the report.
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';
import type { EnrollmentLesson } from '../../../../contract/enrollments';
import { AnalysisPanel } from './AnalysisPanel';
import { BrainIcon } from './BrainIcon';
import { ConfirmAnalysis, type AnalysisTarget } from './ConfirmAnalysis';
import { useEnrollmentAnalyses } from './useEnrollmentAnalyses';
import './analysis.css';

export function useLessonAnalyses({
  enrollmentId,
  lessons,
  enabled,
  timeZone,
}: {
  enrollmentId: string;
  lessons: EnrollmentLesson[];
  enabled: boolean;
  timeZone: string;
}) {
  const { t } = useTranslation('completion');
  const state = useEnrollmentAnalyses(enrollmentId, enabled);
  const [target, setTarget] = useState<AnalysisTarget | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const titles = useMemo(
    () => Object.fromEntries(lessons.map((l) => [l.courseLessonId, `${l.position}. ${l.title}`])),
    [lessons],
  );
  const { refresh } = state;

  const icon = (l: EnrollmentLesson): ReactNode => {
    if (!enabled) return null;
    const analysis = state.byLesson.get(l.courseLessonId);
    if (!analysis && !state.analysable.has(l.courseLessonId)) return null;
    return (
      <BrainIcon
        title={l.title}
        analysis={analysis}
        onAnalyse={() => setTarget({ scope: 'single', courseLessonId: l.courseLessonId, title: l.title })}
        onOpen={setOpenId}
      />
    );
  };
  /** The Summary icon of a lesson taught in a live session: its session's Summary tab. */
  const summary = (l: EnrollmentLesson): ReactNode =>
    l.status === 'completed' && l.liveSessionId ? (
      <Link
        className="btn btn-small"
        href={`/platform/sessions/${l.liveSessionId}?tab=summary`}
        aria-label={t('analysis.summaryOf', { title: l.title })}
        title={t('analysis.summaryOf', { title: l.title })}
      >
        <span aria-hidden="true">≡</span> {t('analysis.summary')}
      </Link>
    ) : null;
  const bulk = state.analyses.find((a) => a.scope === 'bulk');
  const bulkButton =
    enabled && state.quote.data && state.quote.data.analysable.length > 0 ? (
      <span className="row-tight">
        {bulk && (
          <button type="button" className="btn btn-small" onClick={() => setOpenId(bulk.id)}>
            {t('analysis.latestBulk', { status: t(`analysis.status.${bulk.status}`) })}
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={() => setTarget({ scope: 'bulk' })}>
          {t('analysis.analyseRecent')}
        </button>
      </span>
    ) : null;
  const overlays = (
    <>
      {target && state.quote.data && (
        <ConfirmAnalysis
          enrollmentId={enrollmentId}
          target={target}
          quote={state.quote.data}
          onClose={() => setTarget(null)}
          onRequested={(a) => (setTarget(null), setOpenId(a.id), refresh())}
        />
      )}
      {openId && (
        <AnalysisPanel
          key={openId}
          analysisId={openId}
          lessonTitles={titles}
          timeZone={timeZone}
          onClose={() => setOpenId(null)}
          onChanged={refresh}
        />
      )}
    </>
  );
  return { icon, summary, bulkButton, overlays };
}
