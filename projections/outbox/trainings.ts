// The outbox's handlers for trainings: keep each training event on the calendar of its section's registered
// learners, and mail them the registration confirmation (with every event of the section), each change to an
// event (same UID, higher SEQUENCE) and the other turns of their registration.
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import type { Handlers, ProjectionDb } from '../projection.js';
import { enqueue, type MailTemplate } from './enqueue.js';
import { attendeesOf, itemOf, itemsWhere } from './items.js';

async function names(db: ProjectionDb, sectionId: string) {
  const row = await db
    .selectFrom('calendar_groups as s')
    .leftJoin('calendar_groups as t', 't.id', 's.training_id')
    .select(['s.name as section_name', 't.name as training_name'])
    .where('s.id', '=', sectionId)
    .executeTakeFirst();
  return { trainingName: row?.training_name ?? null, sectionName: row?.section_name ?? null };
}

async function nameGroup(
  db: ProjectionDb,
  event: RecordedEvent,
  kind: 'training' | 'section',
  id: string,
  trainingId: string,
  name: string,
) {
  await db
    .insertInto('calendar_groups')
    .values({ id, org_id: event.metadata.orgId, kind, training_id: trainingId, name })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name }))
    .execute();
}

/** A change invitees' calendars must apply: SEQUENCE becomes the stream revision, which only grows and
 * stays the same when an event is applied again. */
async function changeEvent(
  db: ProjectionDb,
  event: RecordedEvent,
  id: string,
  values: Record<string, unknown>,
) {
  await db
    .updateTable('calendar_entries')
    .set({ ...values, sequence: event.streamRevision, changed_at: event.metadata.at })
    .where('id', '=', id)
    .execute();
}

/** Mails the section's registered learners about one training event as it stands after `event`. */
async function mailLearners(
  db: ProjectionDb,
  event: RecordedEvent,
  sectionId: string,
  trainingEventId: string,
  template: MailTemplate,
  extra: Record<string, unknown> = {},
) {
  const item = await itemOf(db, trainingEventId);
  if (!item) return;
  const learners = await attendeesOf(db, sectionId);
  await enqueue(db, event, template, learners, { ...(await names(db, sectionId)), item, ...extra });
}

/** Mails one learner about their registration; `withEvents` attaches every scheduled event of the section. */
async function mailLearner(
  db: ProjectionDb,
  event: RecordedEvent,
  d: { sectionId: string; learnerId: string },
  template: MailTemplate,
  withEvents: boolean,
  extra: Record<string, unknown> = {},
) {
  const items = withEvents ? await itemsWhere(db, { groupId: d.sectionId, scheduledOnly: true }) : [];
  await enqueue(db, event, template, [d.learnerId], { ...(await names(db, d.sectionId)), items, ...extra });
}

async function seat(db: ProjectionDb, event: RecordedEvent, d: { sectionId: string; learnerId: string }) {
  await db
    .insertInto('calendar_attendees')
    .values({ group_id: d.sectionId, person_id: d.learnerId, added_at: event.metadata.at })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await mailLearner(db, event, d, 'training-registered', true);
}

export const trainingHandlers = {
  async TrainingCreated(db, event) {
    const d = event.data;
    await nameGroup(db, event, 'training', d.trainingId, d.trainingId, d.name);
  },
  async TrainingDetailsChanged(db, event) {
    const d = event.data;
    await nameGroup(db, event, 'training', d.trainingId, d.trainingId, d.name);
  },
  async SectionAdded(db, event) {
    const d = event.data;
    await nameGroup(db, event, 'section', d.sectionId, d.trainingId, d.name);
  },
  async SectionSettingsChanged(db, event) {
    const d = event.data;
    await nameGroup(db, event, 'section', d.sectionId, d.trainingId, d.name);
  },
  async SectionRemoved(db, event) {
    const d = event.data;
    await db.deleteFrom('calendar_entries').where('group_id', '=', d.sectionId).execute();
    await db.deleteFrom('calendar_attendees').where('group_id', '=', d.sectionId).execute();
    await db.deleteFrom('calendar_groups').where('id', '=', d.sectionId).execute();
  },
  async TrainingEventScheduled(db, event) {
    const d = event.data;
    await db
      .insertInto('calendar_entries')
      .values({
        id: d.trainingEventId,
        org_id: event.metadata.orgId,
        kind: 'training',
        group_id: d.sectionId,
        training_id: d.trainingId,
        course_id: null,
        host_id: d.trainerId,
        title: null,
        starts_at: d.start,
        ends_at: d.end,
        time_zone: d.timeZone,
        location: d.location,
        link: d.link,
        notes: d.notes,
        status: 'scheduled',
        sequence: 0,
        changed_at: event.metadata.at,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await mailLearners(db, event, d.sectionId, d.trainingEventId, 'training-event-added');
  },
  async TrainingEventRescheduled(db, event) {
    const d = event.data;
    await changeEvent(db, event, d.trainingEventId, {
      starts_at: d.start,
      ends_at: d.end,
      time_zone: d.timeZone,
    });
    await mailLearners(db, event, d.sectionId, d.trainingEventId, 'training-event-rescheduled');
  },
  async TrainingEventDetailsChanged(db, event) {
    const d = event.data;
    await changeEvent(db, event, d.trainingEventId, {
      host_id: d.trainerId,
      location: d.location,
      link: d.link,
      notes: d.notes,
    });
    await mailLearners(db, event, d.sectionId, d.trainingEventId, 'training-event-changed');
  },
  async TrainingEventCanceled(db, event) {
    const d = event.data;
    await changeEvent(db, event, d.trainingEventId, { status: 'canceled' });
    await mailLearners(db, event, d.sectionId, d.trainingEventId, 'training-event-canceled', {
      reason: d.reason,
      reasonBy: event.metadata.actorId,
    });
  },
  async LearnerRegistered(db, event) {
    await seat(db, event, event.data);
  },
  async RegistrationApproved(db, event) {
    await seat(db, event, event.data);
  },
  async LearnerRegistrationRequested(db, event) {
    await mailLearner(db, event, event.data, 'training-requested', false);
  },
  async LearnerWaitlisted(db, event) {
    await mailLearner(db, event, event.data, 'training-waitlisted', false);
  },
  async RegistrationDeclined(db, event) {
    const d = event.data;
    await mailLearner(db, event, d, 'training-declined', false, { reason: d.reason });
  },
  async LearnerDeregistered(db, event) {
    const d = event.data;
    const wasSeated = d.from === 'registered';
    // Withdraws the section's events from their calendar before they leave its attendees.
    await mailLearner(db, event, d, 'training-deregistered', wasSeated, { reason: d.reason });
    await db
      .deleteFrom('calendar_attendees')
      .where('group_id', '=', d.sectionId)
      .where('person_id', '=', d.learnerId)
      .execute();
  },
} satisfies Handlers;
