// The lesson analyses read model: one row per analysis, its status (requested -> running -> ready | failed), its
// attempts, the report once ready, and the ledger lines that paid for it and gave the tokens back.
import { projection, type ProjectionDb } from '../projection.js';
import { ERASED_TEXT, mapPersonalText } from '../../commands/eventStore/personalData/fields.js';

type Change = {
  status?: string;
  attempts?: number;
  retry_at?: string | null;
  deadline?: string | null;
  last_error?: string | null;
  last_failure?: string | null;
  report?: string | null;
  refund_entry_id?: string;
};

async function update(
  db: ProjectionDb,
  event: { data: { analysisId: string; at: string }; streamRevision: number },
  change: Change,
) {
  await db
    .updateTable('lesson_analyses')
    .set({ ...change, updated_at: event.data.at, last_revision: event.streamRevision })
    .where('id', '=', event.data.analysisId)
    .where('last_revision', '<', event.streamRevision)
    .execute();
}

/** The failure's code and values; failures recorded before codes were keep null (the query reads their reason). */
const failureOf = (d: { failure?: unknown }) => (d.failure ? JSON.stringify(d.failure) : null);

/** An erased student's reports read as a replay shows them now: their texts ERASED_TEXT, the figures kept. */
async function erasePersonalData(db: ProjectionDb, personId: string) {
  const rows = await db
    .selectFrom('lesson_analyses')
    .select(['id', 'report'])
    .where('student_id', '=', personId)
    .where('report', 'is not', null)
    .execute();
  for (const row of rows) {
    const report = typeof row.report === 'string' ? JSON.parse(row.report) : row.report;
    const erased = mapPersonalText(
      'LessonAnalysisCompleted',
      { studentId: personId, report },
      null,
      () => ERASED_TEXT,
    ) as { report: unknown };
    await db
      .updateTable('lesson_analyses')
      .set({ report: JSON.stringify(erased.report) })
      .where('id', '=', row.id)
      .execute();
  }
}

export const lessonAnalysesProjection = projection(
  'lessonAnalyses',
  ['lesson_analyses'],
  {
    async LessonAnalysisRequested(db, event) {
      const d = event.data;
      await db
        .insertInto('lesson_analyses')
        .values({
          id: d.analysisId,
          org_id: d.orgId,
          enrollment_id: d.enrollmentId,
          course_id: d.courseId,
          student_id: d.studentId,
          scope: d.scope,
          status: 'requested',
          lessons: JSON.stringify(d.lessons),
          language: d.language,
          tokens: d.tokens,
          debit_entry_id: d.debitEntryId,
          refund_entry_id: null,
          attempts: 0,
          retry_at: null,
          deadline: null,
          last_error: null,
          last_failure: null,
          report: null,
          requested_by: d.requestedBy,
          requested_at: d.at,
          updated_at: d.at,
          last_revision: event.streamRevision,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    LessonAnalysisAttemptStarted: (db, event) =>
      update(db, event, {
        status: 'running',
        attempts: event.data.attempt,
        deadline: event.data.deadline,
        retry_at: null,
      }),
    LessonAnalysisAttemptFailed: (db, event) =>
      update(db, event, {
        deadline: null,
        retry_at: event.data.retryAt,
        last_error: event.data.reason,
        last_failure: failureOf(event.data),
      }),
    LessonAnalysisCompleted: (db, event) =>
      update(db, event, {
        status: 'ready',
        deadline: null,
        retry_at: null,
        report: JSON.stringify(event.data.report),
      }),
    LessonAnalysisFailed: (db, event) =>
      update(db, event, {
        status: 'failed',
        deadline: null,
        retry_at: null,
        last_error: event.data.reason,
        last_failure: failureOf(event.data),
      }),
    LessonAnalysisRefunded: (db, event) => update(db, event, { refund_entry_id: event.data.refundEntryId }),
  },
  { erasePersonalData },
);
