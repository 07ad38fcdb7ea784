// Facts about a lesson analysis: requested (and paid) by a teacher or admin for one or up to twenty passed or
// verified lessons of an enrollment, then worked on in attempts until its report is ready or it failed.
import { z } from 'zod';
import { Report } from './report.js';

export const ANALYSIS_CATEGORY = 'lessonAnalysis';
export const AnalysisScope = z.enum(['single', 'bulk']);
export type AnalysisScope = z.infer<typeof AnalysisScope>;
export const ReportLanguage = z.enum(['en', 'de']);
export type ReportLanguage = z.infer<typeof ReportLanguage>;

/** Lesson Analysis: what an analysis costs the organisation. */
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

/**
 * Why an attempt (and, after the last one, the analysis) failed: a stable code the interface words in each
 * person's language, with the values its sentence needs. `reason` beside it keeps the English for API clients.
 */
export const AnalysisFailureCode = z.enum([
  'deadline_passed',
  'timed_out',
  'engine_failed',
  'report_late',
  'report_rejected',
]);
export type AnalysisFailureCode = z.infer<typeof AnalysisFailureCode>;
export const AnalysisFailure = z.object({
  code: AnalysisFailureCode,
  /** timed_out: how long an attempt may take. */
  timeoutMs: z.number().int().nullable(),
  /** engine_failed, report_rejected: the technical cause, in the words of the engine or the check. */
  detail: z.string().nullable(),
});
export type AnalysisFailure = z.infer<typeof AnalysisFailure>;

/** The English `reason` recorded beside a failure (the text API clients have always read). */
export function analysisFailureText(f: AnalysisFailure): string {
  switch (f.code) {
    case 'deadline_passed':
      return 'the attempt had no result by its deadline';
    case 'timed_out':
      return `the attempt timed out after ${f.timeoutMs} ms`;
    case 'engine_failed':
      return `the engine failed: ${f.detail}`;
    case 'report_late':
    case 'report_rejected':
      return `the report was not accepted: ${f.detail}`;
  }
}

/** The failure a reason recorded before codes were names (its texts were fixed), or null. */
export function analysisFailureOf(reason: string): AnalysisFailure | null {
  const none = { timeoutMs: null, detail: null };
  if (reason === 'the attempt had no result by its deadline') return { code: 'deadline_passed', ...none };
  const timedOut = /^the attempt timed out after (\d+) ms$/.exec(reason);
  if (timedOut) return { code: 'timed_out', timeoutMs: Number(timedOut[1]), detail: null };
  const engine = /^the engine failed: (.*)$/s.exec(reason);
  if (engine) return { code: 'engine_failed', timeoutMs: null, detail: engine[1]! };
  const rejected = /^the report was not accepted: (.*)$/s.exec(reason);
  if (rejected) {
    const late = /^attempt \d+ ran past its deadline$/.test(rejected[1]!);
    return { code: late ? 'report_late' : 'report_rejected', timeoutMs: null, detail: rejected[1]! };
  }
  return null;
}

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
      /** Absent on failures recorded before codes were: see `analysisFailureOf`. */
      failure: AnalysisFailure.optional(),
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
    data: z.object({
      ...ref,
      reason: z.string(),
      /** Absent on failures recorded before codes were: see `analysisFailureOf`. */
      failure: AnalysisFailure.optional(),
      attempts: z.number().int(),
      at: z.string(),
    }),
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
      failure: AnalysisFailure;
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
