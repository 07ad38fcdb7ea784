// An enrollment's lesson analyses and what requesting one costs; polls every 2 s while one is being made, so a
// brain icon turns yellow by itself when its report is ready.
import { useCallback, useEffect, useMemo } from 'react';
import { useApi } from '../../lib/useApi';
import type { AnalysisQuote, LessonAnalysisSummary } from '../../../../contract/lessonAnalysis';

export const POLL_MS = 2_000;
export const inProgress = (status: LessonAnalysisSummary['status']) =>
  status === 'requested' || status === 'running';

export function useEnrollmentAnalyses(enrollmentId: string, enabled: boolean) {
  const base = `/api/enrollments/${enrollmentId}/lesson-analyses`;
  const list = useApi<{ analyses: LessonAnalysisSummary[] }>(enabled ? base : null);
  const quote = useApi<AnalysisQuote>(enabled ? `${base}/quote` : null);
  const analyses = useMemo(() => list.data?.analyses ?? [], [list.data]);
  const busy = analyses.some((a) => inProgress(a.status));
  const { reload } = list;
  const reloadQuote = quote.reload;
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [busy, reload]);
  /** The newest single analysis of each lesson (the list is newest first). */
  const byLesson = useMemo(() => {
    const map = new Map<string, LessonAnalysisSummary>();
    for (const a of analyses)
      if (a.scope === 'single' && a.lessons[0] && !map.has(a.lessons[0].courseLessonId))
        map.set(a.lessons[0].courseLessonId, a);
    return map;
  }, [analyses]);
  const analysable = useMemo(
    () => new Set(quote.data?.analysable.map((l) => l.courseLessonId) ?? []),
    [quote.data],
  );
  const refresh = useCallback(() => (reload(), reloadQuote()), [reload, reloadQuote]);
  return { list, quote, analyses, byLesson, analysable, refresh };
}
