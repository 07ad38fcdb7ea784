// The trainings access matrix's world: per organisation a trainer group, participant groups and trainings of
// every scope, made once (see trainingAccessMatrix.ts).
import type { PerRole } from './accessMatrix.format.js';
import type { Org, Scope, World } from './accessMatrix.world.js';

export const per = (
  admin: PerRole['admin'],
  teacher: PerRole['teacher'],
  student: PerRole['student'],
  anonymous: PerRole['anonymous'],
): PerRole => ({
  admin,
  teacher,
  student,
  anonymous,
});

export type Setup = { ownGroup: string; extraGroup: string; otherGroup: string; trainerGroup: string };
export const setups = new WeakMap<Org, Promise<Setup>>();

export function setupOf(w: World, o: Org): Promise<Setup> {
  let s = setups.get(o);
  if (!s) {
    s = (async () => {
      const db = w.t.deps.db;
      await db
        .updateTable('organisations')
        .set({ settings: JSON.stringify({ trainingsEnabled: true }) as never })
        .where('id', '=', o.orgId)
        .execute();
      const ownGroup = await w.t.group(o.orgId, 'Matrix learners', [o.students[0]!.id]);
      const extraGroup = await w.t.group(o.orgId, 'Matrix extra learners', []);
      const otherGroup = await w.t.group(o.orgId, 'Matrix other learners', [o.otherStudent.id]);
      const trainerGroup = await w.t.group(o.orgId, 'Matrix trainers', [o.teacher.id], 'trainers');
      const otherTrainers = await w.t.group(
        o.orgId,
        'Matrix other trainers',
        [o.otherTeacher.id],
        'trainers',
      );
      await db
        .insertInto('trainer_group_access')
        .values([
          { trainer_group_id: trainerGroup, participant_group_id: ownGroup, org_id: o.orgId },
          { trainer_group_id: trainerGroup, participant_group_id: extraGroup, org_id: o.orgId },
          { trainer_group_id: otherTrainers, participant_group_id: otherGroup, org_id: o.orgId },
        ])
        .execute();
      return { ownGroup, extraGroup, otherGroup, trainerGroup };
    })();
    setups.set(o, s);
  }
  return s;
}

export type Fresh = {
  trainingId: string;
  sectionIds: string[];
  eventIds: string[];
  learner: { id: string; cookie: string };
};

export const sectionFor = (
  w: World,
  groups: string[],
  trainerId: string,
  extra: Record<string, unknown> = {},
) => {
  const start = w.slot();
  const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
  return {
    name: 'Matrix section',
    participantGroupIds: groups,
    registrationOpens: '2026-11-01T00:00:00Z',
    registrationCloses: '2027-06-01T00:00:00Z',
    capacity: 5,
    trainerIds: [],
    events: [
      { start, end, timeZone: 'UTC', format: 'online', trainerId, link: 'https://meet.example.com/m' },
    ],
    ...extra,
  };
};

/** A published training of the scope with one (or two) sections; optionally the scope's learner registered. */
export async function freshTraining(
  w: World,
  scope: Scope,
  options: { sections?: number; register?: boolean; approval?: boolean } = {},
): Promise<Fresh> {
  const o = w.org(scope);
  const s = await setupOf(w, o);
  const own = scope === 'own';
  const groups = own ? [s.ownGroup, s.extraGroup] : [s.otherGroup];
  const trainerId = own ? o.teacher.id : o.otherTeacher.id;
  const learner = own ? o.students[0]! : o.otherStudent;
  const check = <R extends { statusCode: number; body: string }>(res: R, what: string): R => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res;
  };
  const created = check(await o.admin.post('/api/trainings', { name: 'Matrix training' }), 'training');
  const trainingId = created.json().id as string;
  check(await o.admin.post(`/api/trainings/${trainingId}/publish`), 'publish');
  const sectionIds: string[] = [];
  const eventIds: string[] = [];
  for (let i = 0; i < (options.sections ?? 1); i++) {
    const body = sectionFor(w, groups, trainerId, { approvalRequired: options.approval ?? false });
    const res = check(await o.admin.post(`/api/trainings/${trainingId}/sections`, body), 'section');
    const section = res.json().sections.at(-1);
    sectionIds.push(section.id);
    eventIds.push(section.events[0].id);
  }
  if (options.register)
    check(
      await learner.post(`/api/trainings/${trainingId}/sections/${sectionIds[0]}/registrations`),
      'register',
    );
  return { trainingId, sectionIds, eventIds, learner };
}

export const cached = async (w: World, scope: Scope) => {
  const key = `training:${scope}`;
  if (!w.ids[key]) {
    const f = await freshTraining(w, scope, { register: true });
    w.ids[key] = f.trainingId;
    w.ids[`${key}:section`] = f.sectionIds[0]!;
    w.ids[`${key}:event`] = f.eventIds[0]!;
  }
  return { trainingId: w.ids[key]!, sectionId: w.ids[`${key}:section`]!, eventId: w.ids[`${key}:event`]! };
};

/** Admin-only routes whose role check comes before any lookup. */
export const adminOnly = (ok: number) => ({
  own: per(ok, 403, 403, 401),
  other: per(ok, 403, 403, 401),
  foreign: per(404, 403, 403, 401),
});
/** Section managers: admins, and trainers whose trainer group reaches the section's groups. */
export const manage = (ok: number | readonly number[]) => ({
  own: per(ok, ok, 403, 401),
  other: per(ok, 404, 403, 401),
  foreign: per(404, 404, 403, 401),
});
export const read = {
  own: per(200, 200, 200, 401),
  other: per(200, 404, 404, 401),
  foreign: per(404, 404, 404, 401),
};
export const eventUrl = async (w: World, scope: Scope, suffix: string) => {
  const f = await freshTraining(w, scope);
  return `/api/trainings/${f.trainingId}/events/${f.eventIds[0]}${suffix}`;
};
export const learnerOf = (w: World, scope: Scope) =>
  scope === 'own' ? w.a.students[0]! : w.org(scope).otherStudent;
