// A learner's training events: the events of the sections they hold a confirmed seat in, from a moment on
// (their "my events", with the way into an online event's live room). Same shape as a trainer's events.
import type { Db } from '../../db/schema.js';
import type { Viewer } from './queries.js';

const iso = (v: Date | string) => new Date(v).toISOString();

export async function learnerEvents(db: Db, viewer: Viewer, from: Date) {
  const rows = await db
    .selectFrom('training_registrations as r')
    .innerJoin('training_events as e', (j) =>
      j.onRef('e.section_id', '=', 'r.section_id').onRef('e.training_id', '=', 'r.training_id'),
    )
    .innerJoin('training_sections as s', 's.id', 'e.section_id')
    .innerJoin('trainings as t', 't.id', 'e.training_id')
    .select([
      'e.id',
      'e.training_id',
      'e.section_id',
      'e.starts_at',
      'e.ends_at',
      'e.time_zone',
      'e.format',
      'e.trainer_id',
      'e.location',
      'e.link',
      'e.status',
      't.name as training_name',
      's.name as section_name',
    ])
    .where('r.learner_id', '=', viewer.personId)
    .where('r.status', '=', 'registered')
    .where('e.org_id', '=', viewer.orgId)
    .where('e.ends_at', '>=', from)
    .orderBy('e.starts_at')
    .execute();
  return rows.map((e) => ({
    id: e.id,
    trainingId: e.training_id,
    trainingName: e.training_name,
    sectionId: e.section_id,
    sectionName: e.section_name,
    start: iso(e.starts_at),
    end: iso(e.ends_at),
    timeZone: e.time_zone,
    format: e.format,
    trainerId: e.trainer_id,
    location: e.location,
    link: e.link,
    status: e.status,
  }));
}
