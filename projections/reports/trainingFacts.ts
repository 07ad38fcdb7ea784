// How training events become report rows: sections, registrations (with waitlist and completion), training
// events and attendance per learner.
import { sql } from 'kysely';
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import type { Database } from '../../db/schema.js';
import type { Handlers, ProjectionDb } from '../projection.js';
import { rowsOf } from '../setBased.js';

type OfTraining =
  | 'report_training_sections'
  | 'report_training_events'
  | 'report_training_registrations'
  | 'report_training_attendance';

/**
 * An insert of a row of a training's report tables carrying the training's organisation, taken by a join with
 * report_trainings in the insert itself: nothing is read back first (so a rebuild's pipelined writes never wait
 * here), and a training the read model never had inserts nothing, as before. The caller adds its conflict rule.
 */
function insertOfTraining<T extends OfTraining>(
  db: ProjectionDb,
  table: T,
  trainingId: string,
  row: Omit<Database[T], 'org_id'>,
) {
  const columns = Object.keys(row);
  // Kysely cannot type a column list built from a generic table's keys; the row's own type checks the values.
  type Column = keyof Database[T] & string;
  return db
    .insertInto(table)
    .columns([...columns, 'org_id'] as Column[] as never)
    .expression((eb) =>
      eb
        .selectFrom(rowsOf(table, [{ ...row, org_id: null }]))
        .innerJoin('report_trainings as t', (join) =>
          join.on(sql<boolean>`${sql.ref('t.training_id')} = ${trainingId}`),
        )
        .select([...columns.map((c) => `r.${c}`), 't.org_id'] as never),
    );
}

async function setRegistration(
  db: ProjectionDb,
  event: RecordedEvent,
  ref: { trainingId: string; sectionId: string; learnerId: string },
  status: string,
  extra: { ever_waitlisted?: boolean } = {},
) {
  await insertOfTraining(db, 'report_training_registrations', ref.trainingId, {
    section_id: ref.sectionId,
    learner_id: ref.learnerId,
    training_id: ref.trainingId,
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
  await insertOfTraining(db, 'report_training_attendance', trainingId, {
    training_event_id: trainingEventId,
    learner_id: learnerId,
    attended,
    confirmed,
  })
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
    await insertOfTraining(db, 'report_training_sections', d.trainingId, {
      section_id: d.sectionId,
      training_id: d.trainingId,
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
    await insertOfTraining(db, 'report_training_events', d.trainingId, {
      training_event_id: d.trainingEventId,
      section_id: d.sectionId,
      training_id: d.trainingId,
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
