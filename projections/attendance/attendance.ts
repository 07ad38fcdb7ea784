// The attendance and scores read model: per completed session its notes, per student their attendance
// (minutes, late, absent), the tokens charged, and the teacher's scores with their verification.
import type { Charge } from '../../domain/liveSession/lifecycleEvents.js';
import { sql } from 'kysely';
import { projection, type ProjectionDb, type RecordedOf } from '../projection.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';

async function recordCharges(db: ProjectionDb, sessionId: string, charges: Charge[]) {
  for (const charge of charges) {
    await db
      .updateTable('attendance_records')
      .set({ charged_tokens: charge.tokens })
      .where('session_id', '=', sessionId)
      .where('student_id', '=', charge.studentId)
      .execute();
  }
}

async function setVerified(
  db: ProjectionDb,
  event: RecordedOf<'ScoresVerified' | 'ScoresVerificationRevoked'>,
  verified: boolean,
) {
  const d = event.data;
  await db
    .updateTable('attendance_feedback')
    .set({ verified })
    .where('session_id', '=', d.liveSessionId)
    .where('student_id', '=', d.studentId)
    .execute();
}

/** Keeps a null a null; any text becomes ERASED_TEXT. */
const erased = (column: 'covered' | 'struggled' | 'next' | 'reason' | 'comment') =>
  sql<string | null>`CASE WHEN ${sql.ref(column)} IS NULL THEN NULL ELSE ${ERASED_TEXT} END`;

/** An erased person's notes, the reasons they count as present and the feedback on them read as ERASED_TEXT. */
async function erasePersonalData(db: ProjectionDb, personId: string) {
  await db
    .updateTable('attendance_completions')
    .set({ covered: erased('covered'), struggled: erased('struggled'), next: erased('next') })
    .where('completed_by', '=', personId)
    .execute();
  await db
    .updateTable('attendance_records')
    .set({ reason: erased('reason') })
    .where('student_id', '=', personId)
    .execute();
  await db
    .updateTable('attendance_feedback')
    .set({ comment: erased('comment') })
    .where('student_id', '=', personId)
    .execute();
}

const perEvent = projection(
  'attendance',
  ['attendance_completions', 'attendance_records', 'attendance_feedback'],
  {
    async LiveSessionCompleted(db, event) {
      const d = event.data;
      const orgId = event.metadata.orgId;
      await db
        .insertInto('attendance_completions')
        .values({
          session_id: d.liveSessionId,
          org_id: orgId,
          action: d.action,
          covered: d.notes.covered,
          struggled: d.notes.struggled,
          next: d.notes.next,
          completed_by: event.metadata.actorId,
          verified: d.action === 'verify_and_deduct',
          completed_at: d.at,
        })
        .onConflict((oc) => oc.column('session_id').doNothing())
        .execute();
      if (d.attendance.length === 0) return;
      await db
        .insertInto('attendance_records')
        .values(
          d.attendance.map((a) => ({
            session_id: d.liveSessionId,
            student_id: a.studentId,
            org_id: orgId,
            status: a.status,
            reason: a.reason,
            minutes_present: a.minutesPresent,
            late: a.late,
            first_joined_at: a.firstJoinedAt,
            charged_tokens: 0,
          })),
        )
        .onConflict((oc) => oc.columns(['session_id', 'student_id']).doNothing())
        .execute();
      await recordCharges(db, d.liveSessionId, d.charges);
    },
    async LiveSessionVerified(db, event) {
      const d = event.data;
      await db
        .updateTable('attendance_completions')
        .set({ verified: true })
        .where('session_id', '=', d.liveSessionId)
        .execute();
      await recordCharges(db, d.liveSessionId, d.charges);
    },
    async StudentScored(db, event) {
      const d = event.data;
      const values = { ...d.scores, comment: d.comment, verified: false };
      await db
        .insertInto('attendance_feedback')
        .values({
          session_id: d.liveSessionId,
          student_id: d.studentId,
          org_id: event.metadata.orgId,
          ...values,
        })
        .onConflict((oc) => oc.columns(['session_id', 'student_id']).doUpdateSet(values))
        .execute();
    },
    ScoresVerified: (db, event) => setVerified(db, event, true),
    ScoresVerificationRevoked: (db, event) => setVerified(db, event, false),
  },
  { erasePersonalData },
);

/** Its statements never read what a write returns, so a rebuild may pipeline them (projections/replayWriter.ts). */
export const attendanceProjection = { ...perEvent, pipelinedReplay: true };
