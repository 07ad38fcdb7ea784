// The homework read model: what is assigned on each enrollment, its status and scheduled date.
import { projection, type ProjectionDb, type RecordedOf } from '../projection.js';

type StatusChange = 'HomeworkStarted' | 'HomeworkPassed' | 'HomeworkVerified' | 'HomeworkVerificationRevoked';

async function setStatus(db: ProjectionDb, event: RecordedOf<StatusChange>, status: string) {
  const d = event.data;
  await db
    .updateTable('homework')
    .set({ status, updated_at: event.metadata.at, last_revision: event.streamRevision })
    .where('id', '=', d.homeworkId)
    .execute();
}

export const homeworkProjection = projection('homework', ['homework'], {
  async HomeworkAssigned(db, event) {
    const d = event.data;
    await db
      .insertInto('homework')
      .values({
        id: d.homeworkId,
        org_id: event.metadata.orgId,
        enrollment_id: d.enrollmentId,
        course_lesson_id: d.courseLessonId,
        status: 'added',
        scheduled_for: d.scheduledFor,
        assigned_at: d.at,
        updated_at: d.at,
        last_revision: event.streamRevision,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  },
  async HomeworkRescheduled(db, event) {
    const d = event.data;
    await db
      .updateTable('homework')
      .set({
        scheduled_for: d.scheduledFor,
        updated_at: event.metadata.at,
        last_revision: event.streamRevision,
      })
      .where('id', '=', d.homeworkId)
      .execute();
  },
  async HomeworkRemoved(db, event) {
    await db.deleteFrom('homework').where('id', '=', event.data.homeworkId).execute();
  },
  HomeworkStarted: (db, event) => setStatus(db, event, 'started'),
  HomeworkPassed: (db, event) => setStatus(db, event, 'passed'),
  HomeworkVerified: (db, event) => setStatus(db, event, 'verified'),
  HomeworkVerificationRevoked: (db, event) => setStatus(db, event, 'passed'),
});
