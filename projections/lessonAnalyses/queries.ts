// Reads of the lesson analyses read model: one analysis with its report, an enrollment's analyses newest first.
import type { Db } from '../../db/schema.js';
import type { LessonAnalysesTable } from './lessonAnalyses.table.js';
import {
  AnalysisFailure,
  analysisFailureOf,
  type AnalysedLesson,
  type AnalysisScope,
  type AnalysisStatus,
} from '../../domain/lessonAnalysis/events.js';
import { modelFallbackOf, type Report } from '../../domain/lessonAnalysis/report.js';

export type LessonAnalysisSummary = {
  id: string;
  enrollmentId: string;
  courseId: string;
  studentId: string;
  scope: AnalysisScope;
  status: AnalysisStatus;
  lessons: AnalysedLesson[];
  language: string | null;
  tokens: number;
  debitEntryId: string;
  refundEntryId: string | null;
  attempts: number;
  retryAt: string | null;
  lastError: string | null;
  /** `lastError` as a code with its values, for the interface to word (null: none, or an unknown old text). */
  lastFailure: AnalysisFailure | null;
  requestedBy: string | null;
  requestedAt: string;
  updatedAt: string;
};
export type LessonAnalysis = LessonAnalysisSummary & { report: Report | null };

const iso = (v: Date | string) => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));

type Row = Omit<LessonAnalysesTable, 'lessons' | 'report' | 'last_failure'> & {
  lessons: unknown;
  report?: unknown;
  last_failure: unknown;
};

/** The recorded failure, else the one a reason recorded before codes were names. */
function lastFailureOf(r: Row): AnalysisFailure | null {
  const stored = AnalysisFailure.safeParse(
    typeof r.last_failure === 'string' ? JSON.parse(r.last_failure) : r.last_failure,
  );
  if (stored.success) return stored.data;
  return r.last_error === null ? null : analysisFailureOf(r.last_error);
}

/** A report made before fallback codes were gets the code its English note names. */
function withFallbackReason(report: Report | null): Report | null {
  if (!report || report.engine.fallbackReason !== undefined) return report;
  const { fallback } = report.engine;
  return {
    ...report,
    engine: { ...report.engine, fallbackReason: fallback ? modelFallbackOf(fallback) : null },
  };
}

function summary(r: Row): LessonAnalysisSummary {
  return {
    id: r.id,
    enrollmentId: r.enrollment_id,
    courseId: r.course_id,
    studentId: r.student_id,
    scope: r.scope as LessonAnalysisSummary['scope'],
    status: r.status as LessonAnalysisSummary['status'],
    lessons: r.lessons as LessonAnalysisSummary['lessons'],
    language: r.language,
    tokens: r.tokens,
    debitEntryId: r.debit_entry_id,
    refundEntryId: r.refund_entry_id,
    attempts: r.attempts,
    retryAt: isoOrNull(r.retry_at),
    lastError: r.last_error,
    lastFailure: lastFailureOf(r),
    requestedBy: r.requested_by,
    requestedAt: iso(r.requested_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function lessonAnalysisById(db: Db, orgId: string, id: string): Promise<LessonAnalysis | null> {
  const row = await db
    .selectFrom('lesson_analyses')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...summary(row), report: withFallbackReason((row.report ?? null) as Report | null) } : null;
}

export async function lessonAnalysesOf(
  db: Db,
  orgId: string,
  enrollmentId: string,
): Promise<LessonAnalysisSummary[]> {
  const rows = await db
    .selectFrom('lesson_analyses')
    .select([
      'id',
      'org_id',
      'enrollment_id',
      'course_id',
      'student_id',
      'scope',
      'status',
      'lessons',
      'language',
      'tokens',
      'debit_entry_id',
      'refund_entry_id',
      'attempts',
      'retry_at',
      'deadline',
      'last_error',
      'last_failure',
      'requested_by',
      'requested_at',
      'updated_at',
      'last_revision',
    ])
    .where('org_id', '=', orgId)
    .where('enrollment_id', '=', enrollmentId)
    .orderBy('requested_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map(summary);
}
