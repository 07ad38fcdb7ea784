// Reads of the trainings read model: a viewer's catalogue, one training's detail (seats left, the viewer's
// status and waitlist position, their progress), a section's roster, trainers' events, per-learner completion.
// Names come from `people` at read time (never from events).
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { Role } from '../../db/people.table.js';

export type Viewer = { personId: string; orgId: string; role: Role };
const iso = (v: Date | string) => new Date(v).toISOString();

/** Ids of the participant groups a person reaches through their trainer groups, and their own student groups. */
async function reach(db: Db, personId: string) {
  const rows = await db
    .selectFrom('student_group_members as m')
    .innerJoin('student_groups as g', 'g.id', 'm.group_id')
    .leftJoin('trainer_group_access as a', 'a.trainer_group_id', 'm.group_id')
    .select(['g.id', 'g.kind', 'a.participant_group_id'])
    .where('m.person_id', '=', personId)
    .execute();
  const trainerOf = new Set(rows.filter((r) => r.participant_group_id).map((r) => r.participant_group_id!));
  const memberOf = new Set(rows.filter((r) => r.kind === 'students').map((r) => r.id));
  return { trainerOf, memberOf };
}

export type SectionView = Awaited<ReturnType<typeof sectionsOf>>[number];

async function sectionsOf(db: Db, trainingIds: string[]) {
  if (trainingIds.length === 0) return [];
  const [sections, groups, events, counts] = await Promise.all([
    db
      .selectFrom('training_sections')
      .selectAll()
      .where('training_id', 'in', trainingIds)
      .orderBy('position')
      .execute(),
    db.selectFrom('training_section_groups').selectAll().where('training_id', 'in', trainingIds).execute(),
    db
      .selectFrom('training_events')
      .selectAll()
      .where('training_id', 'in', trainingIds)
      .orderBy('starts_at')
      .execute(),
    db
      .selectFrom('training_registrations')
      .select(['section_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('training_id', 'in', trainingIds)
      .groupBy(['section_id', 'status'])
      .execute(),
  ]);
  const count = (sectionId: string, status: string) =>
    Number(counts.find((c) => c.section_id === sectionId && c.status === status)?.n ?? 0);
  return sections.map((s) => {
    const taken = count(s.id, 'registered') + count(s.id, 'pending');
    return {
      id: s.id,
      trainingId: s.training_id,
      name: s.name,
      participantGroupIds: groups.filter((g) => g.section_id === s.id).map((g) => g.group_id),
      registrationOpens: iso(s.registration_opens),
      registrationCloses: iso(s.registration_closes),
      capacity: s.capacity,
      seatsTaken: taken,
      seatsLeft: Math.max(0, s.capacity - taken),
      waitlisted: count(s.id, 'waitlisted'),
      trainerIds: s.trainer_ids,
      attendanceConfirmationRequired: s.attendance_confirmation_required,
      approvalRequired: s.approval_required,
      waitlistEnabled: s.waitlist_enabled,
      waitlistCutoffMinutes: s.waitlist_cutoff_minutes,
      events: events
        .filter((e) => e.section_id === s.id)
        .map((e) => ({
          id: e.id,
          start: iso(e.starts_at),
          end: iso(e.ends_at),
          timeZone: e.time_zone,
          format: e.format,
          trainerId: e.trainer_id,
          location: e.location,
          link: e.link,
          notes: e.notes,
          status: e.status,
          cancelReason: e.cancel_reason,
        })),
    };
  });
}

/** The viewer's place in a training: section, status, waitlist position, progress and completion. */
async function myPlace(db: Db, trainingId: string, learnerId: string) {
  const r = await db
    .selectFrom('training_registrations')
    .selectAll()
    .where('training_id', '=', trainingId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  if (!r) return null;
  let waitlistPosition: number | null = null;
  if (r.status === 'waitlisted') {
    const ahead = await db
      .selectFrom('training_registrations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('section_id', '=', r.section_id)
      .where('status', '=', 'waitlisted')
      .where('since_revision', '<', r.since_revision)
      .executeTakeFirstOrThrow();
    waitlistPosition = Number(ahead.n) + 1;
  }
  const [progress] = await progressOf(db, trainingId, [learnerId]);
  return { sectionId: r.section_id, status: r.status, waitlistPosition, progress: progress ?? null };
}

export type Progress = { learnerId: string; attended: number; total: number; completed: boolean };

/** Events attended (confirmed where the section requires it) out of the section's events that take place. */
export async function progressOf(db: Db, trainingId: string, learnerIds?: string[]): Promise<Progress[]> {
  let query = db
    .selectFrom('training_registrations as r')
    .innerJoin('training_sections as s', 's.id', 'r.section_id')
    .leftJoin('training_events as e', (j) =>
      j.onRef('e.section_id', '=', 'r.section_id').on('e.status', '=', 'scheduled'),
    )
    .leftJoin('training_attendance as a', (j) =>
      j.onRef('a.training_event_id', '=', 'e.id').onRef('a.learner_id', '=', 'r.learner_id'),
    )
    .leftJoin('training_completions as c', (j) =>
      j.onRef('c.training_id', '=', 'r.training_id').onRef('c.learner_id', '=', 'r.learner_id'),
    )
    .select([
      'r.learner_id',
      sql<string>`count(e.id)`.as('total'),
      sql<string>`count(e.id) filter (where a.attended and (a.confirmed or not s.attendance_confirmation_required))`.as(
        'attended',
      ),
      sql<boolean>`bool_or(c.learner_id is not null)`.as('completed'),
    ])
    .where('r.training_id', '=', trainingId)
    .where('r.status', '=', 'registered')
    .groupBy('r.learner_id');
  if (learnerIds) query = query.where('r.learner_id', 'in', learnerIds);
  const rows = await query.execute();
  return rows.map((r) => ({
    learnerId: r.learner_id,
    attended: Number(r.attended),
    total: Number(r.total),
    completed: Boolean(r.completed),
  }));
}

/** The trainings a viewer sees, with seats left and the viewer's status. Learners see only their sections. */
export async function catalogueFor(db: Db, viewer: Viewer) {
  const { trainerOf, memberOf } = await reach(db, viewer.personId);
  const trainings = await db
    .selectFrom('trainings')
    .selectAll()
    .where('org_id', '=', viewer.orgId)
    .orderBy('name')
    .execute();
  const sections = await sectionsOf(
    db,
    trainings.map((t) => t.id),
  );
  const mine = await db
    .selectFrom('training_registrations')
    .select(['training_id', 'section_id'])
    .where('learner_id', '=', viewer.personId)
    .execute();
  const sectionIn = new Map(mine.map((m) => [m.training_id, m.section_id]));
  const out = [];
  for (const t of trainings) {
    const all = sections.filter((s) => s.trainingId === t.id);
    // A learner added by hand to a section outside their groups still sees that section.
    const visible = visibleSections(viewer, all, trainerOf, memberOf, sectionIn.get(t.id));
    const isManager = viewer.role === 'admin' || (viewer.role === 'teacher' && visible.length > 0);
    const isLearner = viewer.role === 'student' && t.published && visible.length > 0;
    if (!isManager && !isLearner) continue;
    out.push({ ...trainingView(t), sections: visible, me: await myPlace(db, t.id, viewer.personId) });
  }
  return out;
}

export async function trainingDetail(db: Db, viewer: Viewer, trainingId: string) {
  const t = await db
    .selectFrom('trainings')
    .selectAll()
    .where('id', '=', trainingId)
    .where('org_id', '=', viewer.orgId)
    .executeTakeFirst();
  if (!t) return null;
  const { trainerOf, memberOf } = await reach(db, viewer.personId);
  const me = await myPlace(db, t.id, viewer.personId);
  const sections = visibleSections(viewer, await sectionsOf(db, [t.id]), trainerOf, memberOf, me?.sectionId);
  return { ...trainingView(t), sections, me };
}

function visibleSections(
  viewer: Viewer,
  sections: SectionView[],
  trainerOf: Set<string>,
  memberOf: Set<string>,
  ownSectionId?: string,
) {
  if (viewer.role === 'admin') return sections;
  const groups = viewer.role === 'teacher' ? trainerOf : memberOf;
  return sections.filter(
    (s) =>
      s.id === ownSectionId ||
      s.participantGroupIds.some((g) => groups.has(g)) ||
      (viewer.role === 'teacher' && s.trainerIds.includes(viewer.personId)),
  );
}

const trainingView = (t: {
  id: string;
  name: string;
  description: string;
  image_url: string | null;
  published: boolean;
  last_revision: number;
}) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  imageUrl: t.image_url,
  published: t.published,
  revision: t.last_revision,
});

/** Everyone in a section with their status, waitlist order and progress. */
export async function rosterOf(db: Db, trainingId: string, sectionId: string) {
  const rows = await db
    .selectFrom('training_registrations as r')
    .leftJoin('people as p', 'p.id', 'r.learner_id')
    .select(['r.learner_id', 'r.status', 'r.via', 'r.since_revision', 'p.name'])
    .where('r.training_id', '=', trainingId)
    .where('r.section_id', '=', sectionId)
    .orderBy('r.since_revision')
    .execute();
  const progress = await progressOf(db, trainingId);
  let position = 0;
  return rows.map((r) => {
    const p = progress.find((x) => x.learnerId === r.learner_id);
    return {
      learnerId: r.learner_id,
      name: r.name ?? null,
      status: r.status,
      via: r.via,
      waitlistPosition: r.status === 'waitlisted' ? ++position : null,
      attended: p?.attended ?? 0,
      total: p?.total ?? 0,
      completed: p?.completed ?? false,
    };
  });
}

/** The training events a person teaches: as the event's trainer or one of its section's trainers. */
export async function trainerEvents(db: Db, viewer: Viewer, from: Date) {
  const rows = await db
    .selectFrom('training_events as e')
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
    .where('e.org_id', '=', viewer.orgId)
    .where('e.ends_at', '>=', from)
    .where((eb) =>
      eb.or([eb('e.trainer_id', '=', viewer.personId), sql<boolean>`s.trainer_ids ? ${viewer.personId}`]),
    )
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
