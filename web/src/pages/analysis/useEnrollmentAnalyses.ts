// An enrollment's lesson analyses and what requesting one costs. While one is being made, the server pushes each
// change of status (Server-Sent Events), so a brain icon turns yellow by itself when its report is ready.
import { useCallback, useMemo } from 'react';
import { useApi } from '../../lib/useApi';
import { useServerEvents } from '../../lib/useServerEvents';
import type { AnalysisQuote, LessonAnalysisSummary } from '../../../../contract/lessonAnalysis';

export type AnalysisStatuses = { id: string; status: LessonAnalysisSummary['status'] }[];

/** Calls `onChange` with the enrollment's analyses' statuses whenever one changes, while `listening`. */
export function useAnalysisStatuses(
  enrollmentId: string | null,
  listening: boolean,
  onChange: (statuses: AnalysisStatuses) => void,
) {
  const path = enrollmentId && listening ? `/api/enrollments/${enrollmentId}/lesson-analyses/events` : null;
  useServerEvents(path, 'analyses', onChange);
}

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
  useAnalysisStatuses(enrollmentId, enabled && busy, (statuses) => {
    const known = new Map(analyses.map((a) => [a.id, a.status]));
    if (statuses.some((s) => known.get(s.id) !== s.status)) reload();
  });
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
