// Reads behind a training section's management: participant groups by name with their size, and the learners
// a trainer or admin may add to a section by hand with where they stand in the training already. Group names
// and people come from the mutable tables at read time; registrations from the trainings read model.
import type { Db } from '../../db/schema.js';

/** Student groups of the organisation by name; `ids` narrows them (null: every one). */
export async function participantGroupsNamed(db: Db, orgId: string, ids: string[] | null) {
  if (ids !== null && ids.length === 0) return [];
  let q = db
    .selectFrom('student_groups as g')
    .leftJoin('student_group_members as m', 'm.group_id', 'g.id')
    .select(['g.id', 'g.name', (eb) => eb.fn.count<string>('m.person_id').as('members')])
    .where('g.org_id', '=', orgId)
    .where('g.kind', '=', 'students')
    .groupBy(['g.id', 'g.name']);
  if (ids !== null) q = q.where('g.id', 'in', ids);
  const rows = await q.orderBy('g.name').orderBy('g.id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, memberCount: Number(r.members) }));
}

/**
 * Active learners of the organisation (or only the members of `groupIds`), each with their registration in
 * this training if they have one (registered, pending or waitlisted).
 */
export async function learnerCandidates(
  db: Db,
  orgId: string,
  trainingId: string,
  groupIds: string[] | null,
) {
  if (groupIds !== null && groupIds.length === 0) return [];
  let q = db
    .selectFrom('people as p')
    .leftJoin('training_registrations as r', (j) =>
      j
        .onRef('r.learner_id', '=', 'p.id')
        .on('r.training_id', '=', trainingId)
        // A declined request leaves the learner outside the training: they may be added again.
        .on('r.status', '!=', 'declined'),
    )
    .select(['p.id', 'p.name', 'r.section_id', 'r.status'])
    .where('p.org_id', '=', orgId)
    .where('p.role', '=', 'student')
    .where('p.active', '=', true)
    .where('p.erased_at', 'is', null);
  if (groupIds !== null)
    q = q.where('p.id', 'in', (eb) =>
      eb.selectFrom('student_group_members').select('person_id').where('group_id', 'in', groupIds),
    );
  const rows = await q.orderBy('p.name').orderBy('p.id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sectionId: r.section_id ?? null,
    status: r.status ?? null,
  }));
}
