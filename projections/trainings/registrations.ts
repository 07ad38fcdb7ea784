// The registration half of the trainings read model: seats, waitlist order, attendance marks and completions.
import type { Handlers, ProjectionDb, RecordedOf } from '../projection.js';
import type { RegistrationStatus } from './trainings.table.js';
import { orgOf, touch } from './helpers.js';

type Seated = 'LearnerRegistered' | 'LearnerRegistrationRequested' | 'LearnerWaitlisted';

async function seat(db: ProjectionDb, event: RecordedOf<Seated>, status: RegistrationStatus, via: string) {
  const d = event.data;
  const orgId = await orgOf(db, d.trainingId, event);
  if (!orgId) return;
  const row = {
    training_id: d.trainingId,
    learner_id: d.learnerId,
    section_id: d.sectionId,
    org_id: orgId,
    status,
    via,
    since_revision: event.streamRevision,
  };
  await db
    .insertInto('training_registrations')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['training_id', 'learner_id'])
        .doUpdateSet({ section_id: row.section_id, status, via, since_revision: row.since_revision }),
    )
    .execute();
  await touch(db, d.trainingId, event);
}

export const registrationHandlers = {
  LearnerRegistered: (db, event) => seat(db, event, 'registered', event.data.via),
  LearnerRegistrationRequested: (db, event) => seat(db, event, 'pending', event.data.via),
  LearnerWaitlisted: (db, event) => seat(db, event, 'waitlisted', event.data.via),
  async RegistrationApproved(db, event) {
    const d = event.data;
    await db
      .updateTable('training_registrations')
      .set({ status: 'registered' })
      .where('training_id', '=', d.trainingId)
      .where('learner_id', '=', d.learnerId)
      .execute();
    await touch(db, d.trainingId, event);
  },
  async RegistrationDeclined(db, event) {
    const d = event.data;
    await db
      .updateTable('training_registrations')
      .set({ status: 'declined', since_revision: event.streamRevision })
      .where('training_id', '=', d.trainingId)
      .where('learner_id', '=', d.learnerId)
      .execute();
    await touch(db, d.trainingId, event);
  },
  async LearnerDeregistered(db, event) {
    const d = event.data;
    await db
      .deleteFrom('training_registrations')
      .where('training_id', '=', d.trainingId)
      .where('learner_id', '=', d.learnerId)
      .where('section_id', '=', d.sectionId)
      .execute();
    await db
      .deleteFrom('training_attendance')
      .where('section_id', '=', d.sectionId)
      .where('learner_id', '=', d.learnerId)
      .execute();
    await touch(db, d.trainingId, event);
  },
  async AttendanceRecorded(db, event) {
    const d = event.data;
    const row = { attended: d.attended, confirmed: false, source: d.source };
    await db
      .insertInto('training_attendance')
      .values({
        training_event_id: d.trainingEventId,
        learner_id: d.learnerId,
        training_id: d.trainingId,
        section_id: d.sectionId,
        ...row,
      })
      .onConflict((oc) => oc.columns(['training_event_id', 'learner_id']).doUpdateSet(row))
      .execute();
    await touch(db, d.trainingId, event);
  },
  async AttendanceConfirmed(db, event) {
    const d = event.data;
    for (const m of d.marks) {
      const row = { attended: m.attended, confirmed: true, source: 'trainer' };
      await db
        .insertInto('training_attendance')
        .values({
          training_event_id: d.trainingEventId,
          learner_id: m.learnerId,
          training_id: d.trainingId,
          section_id: d.sectionId,
          ...row,
        })
        .onConflict((oc) => oc.columns(['training_event_id', 'learner_id']).doUpdateSet(row))
        .execute();
    }
    await touch(db, d.trainingId, event);
  },
  async TrainingCompleted(db, event) {
    const d = event.data;
    await db
      .insertInto('training_completions')
      .values({
        training_id: d.trainingId,
        learner_id: d.learnerId,
        section_id: d.sectionId,
        completed_at: event.metadata.at ?? event.createdAt,
      })
      .onConflict((oc) => oc.columns(['training_id', 'learner_id']).doNothing())
      .execute();
  },
  async TrainingCompletionRevoked(db, event) {
    const d = event.data;
    await db
      .deleteFrom('training_completions')
      .where('training_id', '=', d.trainingId)
      .where('learner_id', '=', d.learnerId)
      .execute();
  },
} satisfies Handlers;
