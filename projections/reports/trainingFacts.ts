// How training events become report rows: sections, registrations (with waitlist and completion), training
// events and attendance per learner.
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import type { Handlers, ProjectionDb } from '../projection.js';

const orgOf = async (db: ProjectionDb, trainingId: string) =>
  (
    await db
      .selectFrom('report_trainings')
      .select('org_id')
      .where('training_id', '=', trainingId)
      .executeTakeFirst()
  )?.org_id;

async function setRegistration(
  db: ProjectionDb,
  event: RecordedEvent,
  ref: { trainingId: string; sectionId: string; learnerId: string },
  status: string,
  extra: { ever_waitlisted?: boolean } = {},
) {
  const orgId = await orgOf(db, ref.trainingId);
  if (!orgId) return;
  await db
    .insertInto('report_training_registrations')
    .values({
      section_id: ref.sectionId,
      learner_id: ref.learnerId,
      training_id: ref.trainingId,
      org_id: orgId,
      status,
      ever_waitlisted: !!extra.ever_waitlisted,
      completed: false,
      changed_at: event.metadata.at,
    })
    .onConflict((oc) =>
      oc.columns(['section_id', 'learner_id']).doUpdateSet((eb) => ({
        status,
        changed_at: event.metadata.at,
        ever_waitlisted: extra.ever_waitlisted
          ? true
          : eb.ref('report_training_registrations.ever_waitlisted'),
      })),
    )
    .execute();
}

async function mark(
  db: ProjectionDb,
  trainingId: string,
  trainingEventId: string,
  learnerId: string,
  attended: boolean,
  confirmed: boolean,
) {
  const orgId = await orgOf(db, trainingId);
  if (!orgId) return;
  await db
    .insertInto('report_training_attendance')
    .values({ training_event_id: trainingEventId, learner_id: learnerId, org_id: orgId, attended, confirmed })
    .onConflict((oc) => oc.columns(['training_event_id', 'learner_id']).doUpdateSet({ attended, confirmed }))
    .execute();
}

export const trainingFacts = {
  async TrainingCreated(db, event) {
    const d = event.data;
    await db
      .insertInto('report_trainings')
      .values({ training_id: d.trainingId, org_id: d.orgId, name: d.name })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async TrainingDetailsChanged(db, event) {
    const d = event.data;
    await db
      .updateTable('report_trainings')
      .set({ name: d.name })
      .where('training_id', '=', d.trainingId)
      .execute();
  },
  async SectionAdded(db, event) {
    const d = event.data;
    const orgId = await orgOf(db, d.trainingId);
    if (!orgId) return;
    await db
      .insertInto('report_training_sections')
      .values({
        section_id: d.sectionId,
        training_id: d.trainingId,
        org_id: orgId,
        name: d.name,
        capacity: d.capacity,
        removed: false,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async SectionSettingsChanged(db, event) {
    const d = event.data;
    await db
      .updateTable('report_training_sections')
      .set({ name: d.name, capacity: d.capacity })
      .where('section_id', '=', d.sectionId)
      .execute();
  },
  async SectionRemoved(db, event) {
    await db
      .updateTable('report_training_sections')
      .set({ removed: true })
      .where('section_id', '=', event.data.sectionId)
      .execute();
  },
  async TrainingEventScheduled(db, event) {
    const d = event.data;
    const orgId = await orgOf(db, d.trainingId);
    if (!orgId) return;
    await db
      .insertInto('report_training_events')
      .values({
        training_event_id: d.trainingEventId,
        section_id: d.sectionId,
        training_id: d.trainingId,
        org_id: orgId,
        starts_at: d.start,
        ends_at: d.end,
        time_zone: d.timeZone,
        trainer_id: d.trainerId,
        canceled: false,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async TrainingEventRescheduled(db, event) {
    const d = event.data;
    await db
      .updateTable('report_training_events')
      .set({ starts_at: d.start, ends_at: d.end, time_zone: d.timeZone })
      .where('training_event_id', '=', d.trainingEventId)
      .execute();
  },
  async TrainingEventDetailsChanged(db, event) {
    const d = event.data;
    await db
      .updateTable('report_training_events')
      .set({ trainer_id: d.trainerId })
      .where('training_event_id', '=', d.trainingEventId)
      .execute();
  },
  async TrainingEventCanceled(db, event) {
    await db
      .updateTable('report_training_events')
      .set({ canceled: true })
      .where('training_event_id', '=', event.data.trainingEventId)
      .execute();
  },
  LearnerRegistered: (db, event) => setRegistration(db, event, event.data, 'registered'),
  LearnerRegistrationRequested: (db, event) => setRegistration(db, event, event.data, 'pending'),
  RegistrationApproved: (db, event) => setRegistration(db, event, event.data, 'registered'),
  RegistrationDeclined: (db, event) => setRegistration(db, event, event.data, 'declined'),
  LearnerWaitlisted: (db, event) =>
    setRegistration(db, event, event.data, 'waitlisted', { ever_waitlisted: true }),
  LearnerDeregistered: (db, event) => setRegistration(db, event, event.data, 'deregistered'),
  async TrainingCompleted(db, event) {
    const d = event.data;
    await db
      .updateTable('report_training_registrations')
      .set({ completed: true })
      .where('section_id', '=', d.sectionId)
      .where('learner_id', '=', d.learnerId)
      .execute();
  },
  async TrainingCompletionRevoked(db, event) {
    const d = event.data;
    await db
      .updateTable('report_training_registrations')
      .set({ completed: false })
      .where('section_id', '=', d.sectionId)
      .where('learner_id', '=', d.learnerId)
      .execute();
  },
  async AttendanceRecorded(db, event) {
    const d = event.data;
    await mark(db, d.trainingId, d.trainingEventId, d.learnerId, d.attended, false);
  },
  async AttendanceConfirmed(db, event) {
    const d = event.data;
    for (const m of d.marks) await mark(db, d.trainingId, d.trainingEventId, m.learnerId, m.attended, true);
  },
} satisfies Handlers;
