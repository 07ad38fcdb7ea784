// Access-matrix entries for recurring group classes (api/routes/groupScheduleRules.ts). Format: see
// accessMatrix.entries.ts. Admins manage every student group's rules; a teacher the groups they teach (here: a
// rule names them) and only rules they teach; students read the rules of the groups they are in.
import type { World, Scope } from './accessMatrix.world.js';
import { per, type Entry } from './accessMatrix.format.js';

// Far ahead of the matrix's clock, so a rule schedules nothing and the matrix may add as many as it likes.
const terms = { weekdays: ['MO'], time: '03:17', timeZone: 'UTC', startsOn: '2030-01-07' };

/** The teacher of the scope's classes: own: the actor teacher; other/foreign: someone else. */
const teacherOf = (w: World, scope: Scope) =>
  scope === 'own' ? w.org(scope).teacher : w.org(scope).otherTeacher;

/** One student group per scope with a rule naming the scope's teacher (own: students[0] is a member). */
async function keptGroup(w: World, scope: Scope) {
  const key = `groupSchedule:${scope}`;
  if (w.ids[key]) return w.ids[key];
  const o = w.org(scope);
  const member = scope === 'own' ? o.students[0]! : o.otherStudent;
  const group = await o.admin.post('/api/groups', { name: `Classes ${scope}`, memberIds: [member.id] });
  if (group.statusCode !== 201) throw new Error(`group: ${group.body}`);
  const id = group.json().id as string;
  await freshRule(w, scope, id);
  w.ids[key] = id;
  return id;
}

async function freshRule(w: World, scope: Scope, groupId?: string) {
  const id = groupId ?? (await keptGroup(w, scope));
  const url = `/api/groups/${id}/schedule-rules`;
  const body = { ...terms, courseId: w.org(scope).courseId, teacherId: teacherOf(w, scope).id };
  const res = await w.org(scope).admin.post(url, body);
  if (res.statusCode !== 201) throw new Error(`group schedule rule: ${res.body}`);
  return `${url}/${res.json().rule.id as string}`;
}

const staff = (ok: number) => ({
  own: per(ok, ok, 403, 401),
  other: per(ok, 404, 403, 401),
  foreign: per(404, 404, 403, 401),
});

export const groupScheduleEntries = (): Record<string, Entry> => ({
  'GET /api/groups/:id/schedule-rules': {
    request: async (w, scope) => ({ url: `/api/groups/${await keptGroup(w, scope)}/schedule-rules` }),
    expect: {
      own: per(200, 200, 200, 401),
      other: per(200, 404, 404, 401),
      foreign: per(404, 404, 404, 401),
    },
    note: 'teachers read the groups they teach, students the groups they are in',
  },
  'POST /api/groups/:id/schedule-rules': {
    request: async (w, scope) => ({
      url: `/api/groups/${await keptGroup(w, scope)}/schedule-rules`,
      body: { ...terms, courseId: w.org(scope).courseId, teacherId: teacherOf(w, scope).id },
    }),
    expect: staff(201),
  },
  'POST /api/groups/:id/schedule-rules/:ruleId/split': {
    request: async (w, scope) => ({
      url: `${await freshRule(w, scope)}/split`,
      body: { from: '2030-01-14T03:17:00Z', time: '04:17' },
    }),
    expect: staff(201),
  },
  'DELETE /api/groups/:id/schedule-rules/:ruleId': {
    request: async (w, scope) => ({ url: await freshRule(w, scope) }),
    expect: staff(200),
  },
  'POST /api/groups/:id/schedule-rules/generate': {
    request: async (w, scope) => ({
      url: `/api/groups/${await keptGroup(w, scope)}/schedule-rules/generate`,
    }),
    expect: staff(200),
  },
});
