// The trainings read model: trainings, sections with their groups, training events, registrations (with the
// waitlist order), attendance marks and completions. One handler per event type; each is idempotent.
import { projection, type EventData, type ProjectionDb } from '../projection.js';
import { registrationHandlers } from './registrations.js';
import { orgOf, touch } from './helpers.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';

const TABLES = [
  'trainings',
  'training_sections',
  'training_section_groups',
  'training_events',
  'training_registrations',
  'training_attendance',
  'training_completions',
] as const;

/** The reasons an erased person gave for canceling training events read as ERASED_TEXT. */
async function erasePersonalData(db: ProjectionDb, personId: string) {
  await db
    .updateTable('training_events')
    .set({ cancel_reason: ERASED_TEXT })
    .where('canceled_by', '=', personId)
    .where('cancel_reason', 'is not', null)
    .execute();
}

export const trainingsProjection = projection(
  'trainings',
  TABLES,
  {
    async TrainingCreated(db, event) {
      const d = event.data;
      await db
        .insertInto('trainings')
        .values({
          id: d.trainingId,
          org_id: d.orgId,
          name: d.name,
          description: d.description,
          image_url: d.imageUrl,
          published: false,
          last_revision: event.streamRevision,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    async TrainingDetailsChanged(db, event) {
      const d = event.data;
      await db
        .updateTable('trainings')
        .set({
          name: d.name,
          description: d.description,
          image_url: d.imageUrl,
          last_revision: event.streamRevision,
        })
        .where('id', '=', d.trainingId)
        .execute();
    },
    async TrainingPublished(db, event) {
      const d = event.data;
      await db
        .updateTable('trainings')
        .set({ published: true, last_revision: event.streamRevision })
        .where('id', '=', d.trainingId)
        .execute();
    },
    async TrainingUnpublished(db, event) {
      const d = event.data;
      await db
        .updateTable('trainings')
        .set({ published: false, last_revision: event.streamRevision })
        .where('id', '=', d.trainingId)
        .execute();
    },
    async SectionAdded(db, event) {
      const d = event.data;
      const orgId = await orgOf(db, d.trainingId, event);
      if (!orgId) return;
      await db
        .insertInto('training_sections')
        .values({
          id: d.sectionId,
          training_id: d.trainingId,
          org_id: orgId,
          ...sectionSettings(d),
          position: event.streamRevision,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      if (d.participantGroupIds.length > 0)
        await db
          .insertInto('training_section_groups')
          .values(
            d.participantGroupIds.map((g) => ({
              section_id: d.sectionId,
              group_id: g,
              training_id: d.trainingId,
              org_id: orgId,
            })),
          )
          .onConflict((oc) => oc.columns(['section_id', 'group_id']).doNothing())
          .execute();
      await touch(db, d.trainingId, event);
    },
    async SectionSettingsChanged(db, event) {
      const d = event.data;
      await db
        .updateTable('training_sections')
        .set(sectionSettings(d))
        .where('id', '=', d.sectionId)
        .execute();
      await touch(db, d.trainingId, event);
    },
    async SectionGroupAdded(db, event) {
      const d = event.data;
      const orgId = await orgOf(db, d.trainingId, event);
      if (!orgId) return;
      await db
        .insertInto('training_section_groups')
        .values({ section_id: d.sectionId, group_id: d.groupId, training_id: d.trainingId, org_id: orgId })
        .onConflict((oc) => oc.columns(['section_id', 'group_id']).doNothing())
        .execute();
      await touch(db, d.trainingId, event);
    },
    async SectionGroupRemoved(db, event) {
      const d = event.data;
      await db
        .deleteFrom('training_section_groups')
        .where('section_id', '=', d.sectionId)
        .where('group_id', '=', d.groupId)
        .execute();
      await touch(db, d.trainingId, event);
    },
    async SectionRemoved(db, event) {
      const d = event.data;
      await db.deleteFrom('training_section_groups').where('section_id', '=', d.sectionId).execute();
      await db.deleteFrom('training_events').where('section_id', '=', d.sectionId).execute();
      await db.deleteFrom('training_sections').where('id', '=', d.sectionId).execute();
      await touch(db, d.trainingId, event);
    },
    async TrainingEventScheduled(db, event) {
      const d = event.data;
      const orgId = await orgOf(db, d.trainingId, event);
      if (!orgId) return;
      await db
        .insertInto('training_events')
        .values({
          id: d.trainingEventId,
          training_id: d.trainingId,
          section_id: d.sectionId,
          org_id: orgId,
          starts_at: d.start,
          ends_at: d.end,
          time_zone: d.timeZone,
          format: d.format,
          trainer_id: d.trainerId,
          location: d.location,
          link: d.link,
          notes: d.notes,
          status: 'scheduled',
          cancel_reason: null,
          canceled_by: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await touch(db, d.trainingId, event);
    },
    async TrainingEventRescheduled(db, event) {
      const d = event.data;
      await db
        .updateTable('training_events')
        .set({ starts_at: d.start, ends_at: d.end, time_zone: d.timeZone })
        .where('id', '=', d.trainingEventId)
        .execute();
      await touch(db, d.trainingId, event);
    },
    async TrainingEventDetailsChanged(db, event) {
      const d = event.data;
      await db
        .updateTable('training_events')
        .set({
          format: d.format,
          trainer_id: d.trainerId,
          location: d.location,
          link: d.link,
          notes: d.notes,
        })
        .where('id', '=', d.trainingEventId)
        .execute();
      await touch(db, d.trainingId, event);
    },
    async TrainingEventCanceled(db, event) {
      const d = event.data;
      await db
        .updateTable('training_events')
        .set({ status: 'canceled', cancel_reason: d.reason, canceled_by: event.metadata.actorId })
        .where('id', '=', d.trainingEventId)
        .execute();
      await touch(db, d.trainingId, event);
    },
    ...registrationHandlers,
  },
  { erasePersonalData },
);

function sectionSettings(d: EventData<'SectionSettingsChanged'>) {
  return {
    name: d.name,
    registration_opens: d.registrationOpens,
    registration_closes: d.registrationCloses,
    capacity: d.capacity,
    trainer_ids: JSON.stringify(d.trainerIds) as unknown as string[],
    attendance_confirmation_required: d.attendanceConfirmationRequired,
    approval_required: d.approvalRequired,
    waitlist_enabled: d.waitlistEnabled,
    waitlist_cutoff_minutes: d.waitlistCutoffMinutes,
  };
}
