// Calendar items: what a mail or a feed says about one live session or training event. The outbox stores them
// as snapshots in each mail's parameters (no personal data: people appear by id only).
import type { ProjectionDb } from '../projection.js';
import type { DbOrTrx } from '../../db/schema.js';

export type CalendarItem = {
  id: string;
  kind: 'live' | 'training';
  /** Stable across every change, so calendars update the entry instead of adding another. */
  uid: string;
  sequence: number;
  status: 'scheduled' | 'canceled';
  title: string | null;
  trainingName: string | null;
  sectionName: string | null;
  courseId: string | null;
  trainingId: string | null;
  hostId: string | null;
  start: string;
  end: string;
  timeZone: string;
  location: string | null;
  link: string | null;
  notes: string | null;
};

export const uidOf = (kind: 'live' | 'training', id: string) =>
  `${kind === 'live' ? 'live-session' : 'training-event'}-${id}@lectern`;

const iso = (v: Date | string) => new Date(v).toISOString();

type Query = ProjectionDb | DbOrTrx;

/** Items of some entries, oldest first, with their training's and section's current names. */
export async function itemsWhere(
  db: Query,
  filter: { ids?: string[]; groupId?: string; scheduledOnly?: boolean },
): Promise<CalendarItem[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = (db as ProjectionDb)
    .selectFrom('calendar_entries as e')
    .leftJoin('calendar_groups as s', 's.id', 'e.group_id')
    .leftJoin('calendar_groups as t', 't.id', 'e.training_id')
    .selectAll('e')
    .select(['s.name as section_name', 't.name as training_name']);
  if (filter.ids) query = query.where('e.id', 'in', filter.ids);
  if (filter.groupId) query = query.where('e.group_id', '=', filter.groupId);
  if (filter.scheduledOnly) query = query.where('e.status', '=', 'scheduled');
  const rows = await query.orderBy('e.starts_at').orderBy('e.id').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    uid: uidOf(r.kind, r.id),
    sequence: r.sequence,
    status: r.status,
    title: r.title,
    trainingName: r.kind === 'training' ? (r.training_name ?? null) : null,
    sectionName: r.kind === 'training' ? (r.section_name ?? null) : null,
    courseId: r.course_id,
    trainingId: r.training_id,
    hostId: r.host_id,
    start: iso(r.starts_at),
    end: iso(r.ends_at),
    timeZone: r.time_zone,
    location: r.location,
    link: r.link,
    notes: r.notes,
  }));
}

export async function itemOf(db: Query, id: string): Promise<CalendarItem | undefined> {
  return (await itemsWhere(db, { ids: [id] }))[0];
}

export async function attendeesOf(db: ProjectionDb, groupId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('calendar_attendees')
    .select('person_id')
    .where('group_id', '=', groupId)
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}
