// Facts about a lesson analysis: requested (and paid) by a teacher or admin for one or up to twenty passed or
// verified lessons of an enrollment, then worked on in attempts until its report is ready or it failed.
import { z } from 'zod';
import { Report } from './report.js';

export const ANALYSIS_CATEGORY = 'lessonAnalysis';
export const AnalysisScope = z.enum(['single', 'bulk']);
export type AnalysisScope = z.infer<typeof AnalysisScope>;
export const ReportLanguage = z.enum(['en', 'de']);
export type ReportLanguage = z.infer<typeof ReportLanguage>;

/** Seed 000 "Lesson Analysis": what an analysis costs the organisation. */
export const ANALYSIS_COST = { single: 70, bulk: 500 } as const;
/** A bulk analysis covers this many of the most recent passed or verified lessons. */
export const BULK_LESSONS = 20;

/** A lesson analysed: a course lesson done as homework, and the homework's status when it was requested. */
export const AnalysedLesson = z.object({
  homeworkId: z.string(),
  courseLessonId: z.string(),
  status: z.enum(['passed', 'verified']),
});
export type AnalysedLesson = z.infer<typeof AnalysedLesson>;

const ref = { analysisId: z.string() };

export const LessonAnalysisEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('LessonAnalysisRequested'),
    data: z.object({
      ...ref,
      orgId: z.string(),
      enrollmentId: z.string(),
      courseId: z.string(),
      studentId: z.string(),
      scope: AnalysisScope,
      lessons: z.array(AnalysedLesson).min(1).max(BULK_LESSONS),
      language: ReportLanguage.nullable(),
      tokens: z.number().int(),
      /** The organisation wallet's ledger line that paid for it (its entry id is the analysis id). */
      debitEntryId: z.string(),
      requestedBy: z.string().nullable(),
      at: z.string(),
    }),
  }),
  z.object({
    type: z.literal('LessonAnalysisAttemptStarted'),
    data: z.object({ ...ref, attempt: z.number().int(), deadline: z.string(), at: z.string() }),
  }),
  z.object({
    type: z.literal('LessonAnalysisAttemptFailed'),
    data: z.object({
      ...ref,
      attempt: z.number().int(),
      reason: z.string(),
      /** When the next attempt may start; null when this was the last one. */
      retryAt: z.string().nullable(),
      at: z.string(),
    }),
  }),
  z.object({
    type: z.literal('LessonAnalysisCompleted'),
    data: z.object({
      ...ref,
      /** Whose report (its texts are sealed with this student's key); absent on reports made before. */
      studentId: z.string().optional(),
      attempt: z.number().int(),
      report: Report,
      at: z.string(),
    }),
  }),
  z.object({
    type: z.literal('LessonAnalysisFailed'),
    data: z.object({ ...ref, reason: z.string(), attempts: z.number().int(), at: z.string() }),
  }),
  /** The tokens went back to the organisation's wallet (a reversal of the debit naming the failure). */
  z.object({
    type: z.literal('LessonAnalysisRefunded'),
    data: z.object({ ...ref, refundEntryId: z.string(), tokens: z.number().int(), at: z.string() }),
  }),
]);
export type LessonAnalysisEvent = z.infer<typeof LessonAnalysisEvent>;
export type LessonAnalysisRequested = Extract<
  LessonAnalysisEvent,
  { type: 'LessonAnalysisRequested' }
>['data'];

export type LessonAnalysisCommand =
  | ({ type: 'RequestLessonAnalysis' } & Omit<LessonAnalysisRequested, 'at'> & { now: string })
  | { type: 'StartAnalysisAttempt'; analysisId: string; attempt: number; timeoutMs: number; now: string }
  | {
      type: 'FailAnalysisAttempt';
      analysisId: string;
      attempt: number;
      reason: string;
      maxAttempts: number;
      /** The wait before the next attempt (the process doubles it per attempt). */
      retryAfterMs: number;
      now: string;
    }
  | { type: 'CompleteAnalysis'; analysisId: string; attempt: number; report: Report; now: string }
  | { type: 'RecordAnalysisRefund'; analysisId: string; refundEntryId: string; now: string };

export type AnalysisStatus = 'requested' | 'running' | 'ready' | 'failed';

export type LessonAnalysisState =
  | { status: 'none' }
  | {
      status: AnalysisStatus;
      request: LessonAnalysisRequested;
      /** Attempts started so far. */
      attempts: number;
      /** The attempt under way and its deadline, if one is. */
      inFlight: { attempt: number; deadline: string } | null;
      retryAt: string | null;
      lastError: string | null;
      report: Report | null;
      refunded: boolean;
      updatedAt: string;
    };
