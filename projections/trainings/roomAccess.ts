// Who may be in a training event's live room (DESIGN "one access check"): the event's trainer and the section's
// trainers, and the learners holding a confirmed seat in that section. In-person events have no live room.
import type { Db } from '../../db/schema.js';

export type TrainingEventRoomAccess = {
  orgId: string;
  start: string;
  end: string;
  format: 'online' | 'in-person' | 'hybrid';
  role: 'trainer' | 'learner';
};

const iso = (value: Date | string) => new Date(value).toISOString();

/** Null when `personId` may not be in the live room of `trainingEventId` (or the event has no live room). */
export async function trainingEventRoomAccess(
  db: Db,
  trainingEventId: string,
  personId: string,
): Promise<null | TrainingEventRoomAccess> {
  const event = await db
    .selectFrom('training_events')
    .innerJoin('training_sections', 'training_sections.id', 'training_events.section_id')
    .select([
      'training_events.org_id',
      'training_events.training_id',
      'training_events.section_id',
      'training_events.starts_at',
      'training_events.ends_at',
      'training_events.format',
      'training_events.trainer_id',
      'training_events.status',
      'training_sections.trainer_ids',
    ])
    .where('training_events.id', '=', trainingEventId)
    .executeTakeFirst();
  if (!event || event.status !== 'scheduled' || event.format === 'in-person') return null;
  const base = {
    orgId: event.org_id,
    start: iso(event.starts_at),
    end: iso(event.ends_at),
    format: event.format,
  };
  if (event.trainer_id === personId || event.trainer_ids.includes(personId))
    return { ...base, role: 'trainer' };
  const seat = await db
    .selectFrom('training_registrations')
    .select('status')
    .where('training_id', '=', event.training_id)
    .where('learner_id', '=', personId)
    .where('section_id', '=', event.section_id)
    .where('status', '=', 'registered')
    .executeTakeFirst();
  return seat ? { ...base, role: 'learner' } : null;
}
