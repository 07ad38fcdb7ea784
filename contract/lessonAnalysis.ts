// Lesson analyses as the API returns them, shared by the routes and the web client.
import { z } from 'zod';
import {
  AnalysedLesson,
  AnalysisFailure,
  AnalysisFailureCode,
  AnalysisScope,
} from '../domain/lessonAnalysis/events.js';
import { ModelFallbackCode, Report } from '../domain/lessonAnalysis/report.js';

export { AnalysisFailureCode, ModelFallbackCode, Report };

export const LessonAnalysisSummary = z.object({
  id: z.string(),
  enrollmentId: z.string(),
  courseId: z.string(),
  studentId: z.string(),
  scope: AnalysisScope,
  status: z.enum(['requested', 'running', 'ready', 'failed']),
  lessons: z.array(AnalysedLesson),
  language: z.string().nullable(),
  tokens: z.number(),
  debitEntryId: z.string().describe("the organisation wallet's ledger line that paid for it"),
  refundEntryId: z.string().nullable().describe('the reversal that gave the tokens back, after a failure'),
  attempts: z.number(),
  retryAt: z.string().nullable(),
  lastError: z.string().nullable().describe('why the last attempt failed, in English'),
  lastFailure: AnalysisFailure.nullable().describe(
    'the same as a code (deadline_passed, timed_out, engine_failed, report_late, report_rejected) with its values; null when none, or for an old text without a code',
  ),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  updatedAt: z.string(),
});
export const LessonAnalysis = LessonAnalysisSummary.extend({ report: Report.nullable() });
export type LessonAnalysisSummary = z.infer<typeof LessonAnalysisSummary>;
export type LessonAnalysis = z.infer<typeof LessonAnalysis>;

/** What requesting an analysis of this enrollment costs, whether the organisation can pay, and what may be analysed. */
export const AnalysisQuote = z.object({
  costs: z.object({ single: z.number().int(), bulk: z.number().int() }),
  bulkLessons: z
    .number()
    .int()
    .describe('how many of the most recent passed or verified lessons bulk covers'),
  balance: z
    .number()
    .describe("the organisation wallet's balance less the tokens held for confirmed lessons"),
  allowOverdraft: z.boolean(),
  canAfford: z.object({ single: z.boolean(), bulk: z.boolean() }),
  analysable: z.array(AnalysedLesson).describe('the passed or verified lessons, most recently changed first'),
});
export type AnalysisQuote = z.infer<typeof AnalysisQuote>;
export type AnalysisStatus = LessonAnalysisSummary['status'];
