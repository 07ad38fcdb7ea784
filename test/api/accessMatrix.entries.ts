// The access matrix: for EVERY route in /docs/json, who may do what to whose resource.
// test/api/accessMatrix.int.test.ts reads /docs/json and fails for any route without an entry here.
//
// HOW TO ADD YOUR ROUTE (one entry per route, keyed exactly `METHOD /path/:param` as registered in Fastify):
//
//   'POST /api/things/:id/close': {
//     request: async (w, scope, role) => ({ url: `/api/things/${await freshThing(w, scope)}/close`, body: {} }),
//     expect: {
//       own:     per(200, 200, 403, 401),   // admin, teacher, student, anonymous
//       other:   per(200, 404, 403, 401),
//       foreign: per(404, 404, 403, 401),
//     },
//   },
//
// - The actors always live in organisation A: admin = w.a.admin, teacher = w.a.teacher, student = w.a.students[0]
//   (see accessMatrix.world.ts for everything in the world: courses, enrollments, live sessions in A and B).
// - scope `own`: a resource the actor is tied to (admin: any in org A; teacher: one they teach, e.g.
//   w.a.liveSessionId; student: one they take part in, e.g. w.a.liveSessionId / w.a.enrollmentIds[0]).
//   scope `other`: another person's resource in org A (w.a.otherLiveSessionId: otherTeacher + otherStudent).
//   scope `foreign`: organisation B's resource (w.b....). Anything of B must answer 404 (or the same answer a
//   non-existent id gets), never 403 and never 2xx; the test also checks that no foreign answer is a 403 unless
//   the same role gets 403 on its own resource (a role check that does not depend on the resource).
// - Leave `other` out when the resource belongs to the whole organisation (courses), and leave both `other` and
//   `foreign` out when the route names no resource (lists, sign-in). Lists are checked for org isolation apart.
// - A route that changes or ends a resource must build a FRESH one per call (w.freshLiveSession(scope),
//   w.throwaway(scope, role)), because the matrix calls it once per role and scope, in any order.
// - `request` may return `cookie` to act as someone else (e.g. a throwaway person for sign-out routes) and
//   `headers` to add any header. An expected status may be a list when several answers are right.
import { actorOf, type World, type Scope, type Role } from './accessMatrix.world.js';
import { trainingEntries } from './trainingAccessMatrix.js';
import { reportEntries } from './reportsAccessMatrix.js';

export type Expected = number | readonly number[];
export type PerRole = Record<Role, Expected>;
export type MatrixRequest = {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send this cookie instead of the role's own (undefined: the role's session; '' for none). */
  cookie?: string;
};
export type Entry = {
  request: (w: World, scope: Scope, role: Role) => MatrixRequest | Promise<MatrixRequest>;
  expect: { own: PerRole; other?: PerRole; foreign?: PerRole };
  /** Why this route behaves as it does, when it is not obvious. */
  note?: string;
};

/** Expected statuses in the order admin, teacher, student, anonymous. */
export const per = (admin: Expected, teacher: Expected, student: Expected, anonymous: Expected): PerRole => ({
  admin,
  teacher,
  student,
  anonymous,
});
const everyone = (status: Expected) => per(status, status, status, status);
const signedIn = (status: Expected) => per(status, status, status, 401);
const adminOnly = (ok: Expected) => per(ok, 403, 403, 401);
const adminOnlyForeign = per(404, 403, 403, 401);
const future = (w: World) => w.slot();

// Live-session routes only teachers (of the session) and admins may change.
const manageSession = (ok: Expected) => ({
  own: per(ok, ok, 403, 401),
  other: per(ok, 404, 403, 401),
  foreign: per(404, 404, 403, 401),
});

/** A new student group in the scope's organisation (own: with students[0]; other/foreign: with otherStudent). */
async function freshGroup(w: World, scope: Scope, withMember = true) {
  const o = w.org(scope);
  const member = scope === 'own' ? o.students[0]! : o.otherStudent;
  const res = await o.admin.post('/api/groups', {
    name: `Matrix ${scope}`,
    memberIds: withMember ? [member.id] : [],
  });
  if (res.statusCode !== 201) throw new Error(`group: ${res.body}`);
  return { id: res.json().id as string, memberId: member.id };
}
/** One group per scope, made once and kept, for routes that only read or rename it. */
async function keptGroup(w: World, scope: Scope) {
  w.ids[`group:${scope}`] ??= (await freshGroup(w, scope)).id;
  return w.ids[`group:${scope}`]!;
}
/** A mail that failed for good in the scope's organisation, to be sent again (a fresh one per call). */
async function failedMail(w: World, scope: Scope) {
  const o = w.org(scope);
  const id = `matrix:${crypto.randomUUID()}`;
  const now = w.t.clock.now();
  await w.t.deps.db
    .insertInto('mail_deliveries')
    .values({
      id,
      org_id: o.orgId,
      recipient_id: o.students[0]!.id,
      template: 'training-waitlisted',
      params: JSON.stringify({ trainingName: 'Matrix', sectionName: 'A' }),
      status: 'failed',
      attempts: 8,
      next_attempt_at: now,
      created_at: now,
    })
    .execute();
  return id;
}
let emails = 0;
const selfOrStudent = (w: World, role: Role) => (role === 'anonymous' ? w.a.students[0]! : actorOf(w, role)!);

export const entries: Record<string, Entry> = {
  'GET /health': { request: () => ({ url: '/health' }), expect: { own: everyone(200) } },

  // ---- auth ----
  'POST /api/auth/login': {
    request: (w) => ({
      url: '/api/auth/login',
      body: { email: w.a.otherStudent.email, password: w.password },
    }),
    expect: { own: everyone(200) },
  },
  'POST /api/auth/logout': {
    request: async (w, scope, role) => ({
      url: '/api/auth/logout',
      cookie: role === 'anonymous' ? '' : (await w.throwaway('own', role)).cookie,
    }),
    expect: { own: everyone(200) },
    note: 'signing out without a session is harmless and answers 200',
  },
  'GET /api/me': { request: () => ({ url: '/api/me' }), expect: { own: signedIn(200) } },

  // ---- schedule ----
  'GET /api/schedule': {
    request: () => ({ url: '/api/schedule?from=2027-01-01T00:00:00Z&to=2027-02-01T00:00:00Z' }),
    expect: { own: signedIn(200) },
  },

  // ---- live sessions ----
  'POST /api/live-sessions': {
    request: (w, scope) => {
      const o = w.org(scope);
      const own = scope === 'own';
      return {
        url: '/api/live-sessions',
        body: {
          kind: 'individual',
          courseId: o.courseId,
          enrollmentId: own ? o.enrollmentIds[0] : o.otherEnrollmentId,
          teacherId: own ? o.teacher.id : o.otherTeacher.id,
          start: future(w),
          durationMinutes: 30,
          timeZone: 'UTC',
        },
      };
    },
    expect: {
      own: per(201, 201, 403, 401),
      other: per(201, 403, 403, 401),
      foreign: per(404, 404, 403, 401),
    },
    note: "a teacher schedules their own sessions only; another org's course is 404",
  },
  'GET /api/live-sessions/:id': {
    request: (w, scope) => ({
      url: `/api/live-sessions/${scope === 'own' ? w.a.liveSessionId : w.org(scope).otherLiveSessionId}`,
    }),
    expect: { own: signedIn(200), other: per(200, 404, 404, 401), foreign: per(404, 404, 404, 401) },
  },
  'PATCH /api/live-sessions/:id': {
    request: async (w, scope) => ({
      url: `/api/live-sessions/${await w.freshLiveSession(scope)}`,
      body: { title: 'Renamed', notes: null },
    }),
    expect: manageSession(200),
  },
  'POST /api/live-sessions/:id/reschedule': {
    request: async (w, scope) => ({
      url: `/api/live-sessions/${await w.freshLiveSession(scope)}/reschedule`,
      body: { start: future(w), durationMinutes: 30, timeZone: 'UTC' },
    }),
    expect: manageSession(200),
  },
  'POST /api/live-sessions/:id/participants': {
    request: async (w, scope) => ({
      url: `/api/live-sessions/${await w.freshLiveSession(scope, 'group')}/participants`,
      body: { studentId: w.org(scope).students[2]!.id },
    }),
    expect: manageSession(200),
  },
  'DELETE /api/live-sessions/:id/participants/:studentId': {
    request: async (w, scope) => {
      const o = w.org(scope);
      const student = scope === 'own' ? o.students[0]! : o.otherStudent;
      return { url: `/api/live-sessions/${await w.freshLiveSession(scope)}/participants/${student.id}` };
    },
    expect: manageSession([200, 409]),
    note: 'removing the only participant of an individual session may be refused as a rule (409)',
  },
  'POST /api/live-sessions/:id/cancel': {
    request: async (w, scope) => ({
      url: `/api/live-sessions/${await w.freshLiveSession(scope)}/cancel`,
      body: { reason: 'matrix' },
    }),
    expect: manageSession(200),
  },

  // ---- courses (shared by the whole organisation: no `other`) ----
  'GET /api/courses': { request: () => ({ url: '/api/courses' }), expect: { own: signedIn(200) } },
  'POST /api/courses': {
    request: () => ({ url: '/api/courses', body: { name: 'Matrix course', lessons: [] } }),
    expect: { own: adminOnly(201) },
  },
  'GET /api/courses/:id': {
    request: (w, scope) => ({ url: `/api/courses/${w.org(scope).courseId}` }),
    expect: { own: signedIn(200), foreign: per(404, 404, 404, 401) },
  },
  'POST /api/courses/:id/lessons': {
    request: (w, scope) => ({
      url: `/api/courses/${w.org(scope).courseId}/lessons`,
      body: { title: 'Matrix lesson', kind: 'class' },
    }),
    expect: { own: adminOnly(201), foreign: adminOnlyForeign },
  },

  // ---- enrollments ----
  'GET /api/enrollments': { request: () => ({ url: '/api/enrollments' }), expect: { own: signedIn(200) } },
  'POST /api/enrollments': {
    request: async (w, scope) => {
      const o = w.org(scope);
      const student = await w.throwaway(scope, 'student');
      return {
        url: '/api/enrollments',
        body: { courseId: o.courseId, studentId: student.id, teacherId: o.teacher.id },
      };
    },
    expect: { own: adminOnly(201), foreign: adminOnlyForeign },
  },
  'GET /api/enrollments/:id': {
    request: (w, scope) => ({
      url: `/api/enrollments/${scope === 'own' ? w.a.enrollmentIds[0] : w.org(scope).otherEnrollmentId}`,
    }),
    expect: { own: signedIn(200), other: per(200, 404, 404, 401), foreign: per(404, 404, 404, 401) },
  },
  'PATCH /api/enrollments/:id': {
    request: (w, scope) => ({
      url: `/api/enrollments/${scope === 'own' ? w.a.enrollmentIds[0] : w.org(scope).otherEnrollmentId}`,
      body: { defaultLessonMinutes: 45, lessonCostTokens: 4 },
    }),
    expect: { own: adminOnly(200), other: adminOnly(200), foreign: adminOnlyForeign },
  },

  // ---- auth: more ----
  'POST /api/auth/logout-everywhere': {
    request: async (w, scope, role) => ({
      url: '/api/auth/logout-everywhere',
      cookie: role === 'anonymous' ? '' : (await w.throwaway('own', role)).cookie,
    }),
    expect: { own: signedIn(200) },
  },
  'POST /api/auth/set-password': {
    request: async (w) => {
      const res = await w.a.admin.post('/api/people', {
        name: 'Invited',
        email: `invited${++emails}@matrix.example`,
        role: 'student',
      });
      const token = String(res.json().invitation.link).split('#token=')[1];
      return { url: '/api/auth/set-password', body: { token, password: 'a new long password' } };
    },
    expect: { own: everyone(200) },
    note: 'public: whoever holds the one-time link may use it, once',
  },

  // ---- people ----
  'POST /api/people': {
    request: () => ({
      url: '/api/people',
      body: { name: 'New Person', email: `new${++emails}@matrix.example`, role: 'student' },
    }),
    expect: { own: adminOnly(201) },
  },
  'GET /api/people': { request: () => ({ url: '/api/people' }), expect: { own: signedIn(200) } },
  'GET /api/people/:id': {
    request: (w, scope, role) => ({
      url: `/api/people/${scope === 'own' ? selfOrStudent(w, role).id : w.org(scope).otherStudent.id}`,
    }),
    expect: { own: signedIn(200), other: per(200, 404, 404, 401), foreign: per(404, 404, 404, 401) },
    note: 'own = the actor themselves; a teacher also sees the students enrolled with them',
  },
  'PATCH /api/people/:id': {
    request: (w, scope, role) => ({
      url: `/api/people/${scope === 'own' ? selfOrStudent(w, role).id : w.org(scope).otherStudent.id}`,
      body: { language: 'en' },
    }),
    expect: { own: signedIn(200), other: per(200, 404, 404, 401), foreign: per(404, 404, 404, 401) },
  },
  ...Object.fromEntries(
    ['deactivate', 'reactivate', 'reset-password', 'erase'].map((action) => [
      `POST /api/people/:id/${action}`,
      {
        request: async (w: World, scope: Scope) => ({
          url: `/api/people/${(await w.throwaway(scope, 'student')).id}/${action}`,
        }),
        expect: { own: adminOnly(200), foreign: adminOnlyForeign },
      } satisfies Entry,
    ]),
  ),

  // ---- groups ----
  'GET /api/groups': { request: () => ({ url: '/api/groups' }), expect: { own: signedIn(200) } },
  'POST /api/groups': {
    request: (w, scope) => ({
      url: '/api/groups',
      body: { name: 'Matrix', memberIds: [w.org(scope).students[1]!.id] },
    }),
    expect: { own: adminOnly(201), foreign: adminOnlyForeign },
    note: 'members from another organisation are 404',
  },
  'GET /api/groups/:id': {
    request: async (w, scope) => ({ url: `/api/groups/${await keptGroup(w, scope)}` }),
    expect: { own: signedIn(200), other: per(200, 200, 404, 401), foreign: per(404, 404, 404, 401) },
    note: 'teachers read every group of their organisation; students the groups they are in',
  },
  'PATCH /api/groups/:id': {
    request: async (w, scope) => ({
      url: `/api/groups/${await keptGroup(w, scope)}`,
      body: { name: 'Renamed' },
    }),
    expect: { own: adminOnly(200), other: adminOnly(200), foreign: adminOnlyForeign },
  },
  'DELETE /api/groups/:id': {
    request: async (w, scope) => ({ url: `/api/groups/${(await freshGroup(w, scope)).id}` }),
    expect: { own: adminOnly(204), other: adminOnly(204), foreign: adminOnlyForeign },
  },
  'PUT /api/groups/:id/members/:personId': {
    request: async (w, scope) => {
      const g = await freshGroup(w, scope, false);
      return { url: `/api/groups/${g.id}/members/${g.memberId}` };
    },
    expect: { own: adminOnly(200), other: adminOnly(200), foreign: adminOnlyForeign },
  },
  'DELETE /api/groups/:id/members/:personId': {
    request: async (w, scope) => {
      const g = await freshGroup(w, scope);
      return { url: `/api/groups/${g.id}/members/${g.memberId}` };
    },
    expect: { own: adminOnly(200), other: adminOnly(200), foreign: adminOnlyForeign },
  },

  // ---- audit ----
  'GET /api/audit': { request: () => ({ url: '/api/audit' }), expect: { own: adminOnly(200) } },
  'GET /api/audit.csv': { request: () => ({ url: '/api/audit.csv' }), expect: { own: adminOnly(200) } },
  // ---- calendar feed and reminders ----
  'GET /api/calendar/feed/:token.ics': {
    request: async (w, _scope, role) => {
      const owner = role === 'anonymous' ? w.a.students[0]! : actorOf(w, role)!;
      const { url } = (await owner.get('/api/calendar/feed')).json() as { url: string };
      return { url: new URL(url).pathname };
    },
    expect: { own: everyone(200) },
    note: 'public by design: the secret token in the URL is the credential (calendar apps send no cookie)',
  },
  'GET /api/calendar/feed': {
    request: () => ({ url: '/api/calendar/feed' }),
    expect: { own: signedIn(200) },
  },
  'POST /api/calendar/feed/rotate': {
    request: () => ({ url: '/api/calendar/feed/rotate', body: {} }),
    expect: { own: signedIn(200) },
  },
  'GET /api/mail/settings': {
    request: () => ({ url: '/api/mail/settings' }),
    expect: { own: adminOnly(200) },
  },
  'PUT /api/mail/settings': {
    request: () => ({ url: '/api/mail/settings', body: { trainingReminderMinutes: 1440, mailsOff: [] } }),
    expect: { own: adminOnly(200) },
  },
  'GET /api/mail/deliveries': {
    request: () => ({ url: '/api/mail/deliveries' }),
    expect: { own: adminOnly(200) },
  },
  'POST /api/mail/deliveries/:id/retry': {
    request: async (w, scope) => ({
      url: `/api/mail/deliveries/${await failedMail(w, scope)}/retry`,
      body: {},
    }),
    expect: { own: adminOnly(200), foreign: adminOnlyForeign },
  },

  // ---- live-session lifecycle, completion, feedback (the sessions are in 2027: the room is not open yet) ----
  'POST /api/live-sessions/:id/start': {
    request: async (w, scope) => ({ url: `/api/live-sessions/${await w.freshLiveSession(scope)}/start` }),
    expect: manageSession(409),
    note: 'access passes for the teacher and admins, then the rule answers: the room opens 10 minutes before',
  },
  'POST /api/live-sessions/:id/end': {
    request: async (w, scope) => ({ url: `/api/live-sessions/${await w.freshLiveSession(scope)}/end` }),
    expect: manageSession(409),
    note: 'a session that has not started cannot end (409 after the access check)',
  },
  'POST /api/live-sessions/:id/deletion': {
    request: async (w, scope) => ({
      url: `/api/live-sessions/${await w.freshLiveSession(scope)}/deletion`,
      body: { reason: 'matrix' },
    }),
    expect: manageSession(204),
  },
  'POST /api/live-sessions/:id/presence': {
    request: (w, scope) => ({
      url: `/api/live-sessions/${scope === 'own' ? w.a.liveSessionId : w.org(scope).otherLiveSessionId}/presence`,
      body: { presence: 'left' },
    }),
    expect: {
      own: per(403, 200, 200, 401),
      other: per(403, 404, 404, 401),
      foreign: per(404, 404, 404, 401),
    },
    note: 'only the teacher and the participants are ever in the room; an admin sees the session but is not in it',
  },
  ...Object.fromEntries(
    ['attendance', 'completion', 'feedback'].map((part) => [
      `GET /api/live-sessions/:id/${part}`,
      {
        request: (w: World, scope: Scope) => ({
          url: `/api/live-sessions/${scope === 'own' ? w.a.liveSessionId : w.org(scope).otherLiveSessionId}/${part}`,
        }),
        expect: { own: signedIn(200), other: per(200, 404, 404, 401), foreign: per(404, 404, 404, 401) },
      } satisfies Entry,
    ]),
  ),
  'POST /api/live-sessions/:id/completion/preview': {
    request: (w, scope) => ({
      url: `/api/live-sessions/${scope === 'own' ? w.a.liveSessionId : w.org(scope).otherLiveSessionId}/completion/preview`,
      body: { action: 'finish_and_deduct' },
    }),
    expect: manageSession(200),
  },
  'POST /api/live-sessions/:id/completion': {
    request: async (w, scope) => ({
      url: `/api/live-sessions/${await w.freshLiveSession(scope)}/completion`,
      body: { action: 'cancel', reason: 'matrix' },
    }),
    expect: manageSession(200),
  },
  'PUT /api/live-sessions/:id/feedback/:studentId': {
    request: async (w, scope) => {
      const o = w.org(scope);
      const student = scope === 'own' ? o.students[0]! : o.otherStudent;
      const scores = {
        speaking: 4,
        listening: 4,
        reading: 4,
        writing: 4,
        grammar: 4,
        vocabulary: 4,
        engagement: 5,
      };
      return {
        url: `/api/live-sessions/${await w.freshLiveSession(scope)}/feedback/${student.id}`,
        body: { scores, comment: 'matrix' },
      };
    },
    expect: manageSession(409),
    note: 'a session that has not taken place cannot be scored (409 after the access check)',
  },
  ...Object.fromEntries(
    (['POST', 'DELETE'] as const).map((method) => [
      `${method} /api/live-sessions/:id/feedback/:studentId/verification`,
      {
        request: async (w: World, scope: Scope) => {
          const o = w.org(scope);
          const student = scope === 'own' ? o.students[0]! : o.otherStudent;
          return {
            url: `/api/live-sessions/${await w.freshLiveSession(scope)}/feedback/${student.id}/verification`,
          };
        },
        expect: manageSession(method === 'POST' ? 409 : 200),
        note: 'verifying needs scores first (409); revoking a verification that is not there changes nothing',
      } satisfies Entry,
    ]),
  ),

  // ---- wallets (a student's wallet id is the student's id) ----
  'POST /api/enrollments/:id/lesson-analyses': {
    request: (w, scope) => ({
      url: `/api/enrollments/${scope === 'own' ? w.a.enrollmentIds[0] : w.org(scope).otherEnrollmentId}/lesson-analyses`,
      body: { scope: 'single' },
    }),
    expect: {
      own: per(409, 409, 403, 401),
      other: per(409, 404, 403, 401),
      foreign: per(404, 404, 403, 401),
    },
    note: "paid from the organisation's wallet, which is empty in the matrix world: 409 insufficient_balance",
  },
  'GET /api/attendance': { request: () => ({ url: '/api/attendance' }), expect: { own: signedIn(200) } },
  'GET /api/wallets/me': {
    request: () => ({ url: '/api/wallets/me' }),
    expect: { own: per(403, 403, 200, 401) },
  },
  'GET /api/wallets': { request: () => ({ url: '/api/wallets' }), expect: { own: adminOnly(200) } },
  'GET /api/wallets/:walletId': {
    request: (w, scope) => {
      const o = w.org(scope);
      return { url: `/api/wallets/${scope === 'own' ? o.students[0]!.id : o.otherStudent.id}` };
    },
    expect: {
      own: per(200, 403, 200, 401),
      other: per(200, 403, 404, 401),
      foreign: per(404, 404, 404, 401),
    },
    note: "teachers see no wallets; a student sees their own only; another organisation's wallet is 404",
  },
  'POST /api/wallets/:walletId/credits': {
    request: (w, scope) => {
      const o = w.org(scope);
      return {
        url: `/api/wallets/${scope === 'own' ? o.students[0]!.id : o.otherStudent.id}/credits`,
        body: { tokens: 5, reason: 'matrix' },
      };
    },
    expect: { own: adminOnly(201), other: adminOnly(201), foreign: adminOnlyForeign },
  },
  'POST /api/wallets/:walletId/ledger/:entryId/reversal': {
    request: async (w, scope) => {
      const o = w.org(scope);
      const walletId = scope === 'own' ? o.students[0]!.id : o.otherStudent.id;
      const credited = await o.admin.post(`/api/wallets/${walletId}/credits`, {
        tokens: 5,
        reason: 'matrix',
      });
      if (credited.statusCode !== 201) throw new Error(`credit: ${credited.body}`);
      const entryId = credited.json().ledger[0].entryId as string;
      return { url: `/api/wallets/${walletId}/ledger/${entryId}/reversal`, body: { reason: 'matrix' } };
    },
    expect: { own: adminOnly(201), other: adminOnly(201), foreign: adminOnlyForeign },
  },
  // ---- live rooms (realtime): members read; the teacher (or an admin) changes, only while the room is open ----
  ...roomEntries(),
  // ---- enrollment follow-up: homework, lesson library, schedule rules, next steps ----
  ...followUpEntries(),
  // ---- trainings (seed 003): entries in trainingAccessMatrix.ts ----
  ...trainingEntries,
  // ---- reports (admins only) ----
  ...reportEntries,
};

/** The live-room routes. The world's sessions lie in the future, so a permitted change meets 409 room_closed. */
function roomEntries(): Record<string, Entry> {
  const room = (w: World, scope: Scope) =>
    `ls-${scope === 'own' ? w.a.liveSessionId : w.org(scope).otherLiveSessionId}`;
  const read = { own: signedIn(200), other: per(200, 404, 404, 401), foreign: per(404, 404, 404, 401) };
  const change = {
    own: per(409, 409, 403, 401),
    other: per(409, 404, 404, 401),
    foreign: per(404, 404, 404, 401),
  };
  const note = 'access first (strangers 404, students 403), then the room must be open: 409 room_closed';
  return {
    'GET /api/rooms/:roomId/chat': {
      request: (w, s) => ({ url: `/api/rooms/${room(w, s)}/chat` }),
      expect: read,
    },
    'GET /api/rooms/:roomId/polls': {
      request: (w, s) => ({ url: `/api/rooms/${room(w, s)}/polls` }),
      expect: read,
    },
    'GET /api/rooms/:roomId/permissions': {
      request: (w, s) => ({ url: `/api/rooms/${room(w, s)}/permissions` }),
      expect: read,
    },
    'GET /api/rooms/:roomId/lesson': {
      request: (w, s) => ({ url: `/api/rooms/${room(w, s)}/lesson` }),
      expect: read,
    },
    'DELETE /api/rooms/:roomId/chat/:messageId': {
      request: (w, s) => ({
        url: `/api/rooms/${room(w, s)}/chat/00000000-0000-4000-8000-000000000000`,
      }),
      expect: change,
      note,
    },
    'PUT /api/rooms/:roomId/permissions/:personId': {
      request: (w, s) => ({
        url: `/api/rooms/${room(w, s)}/permissions/${s === 'own' ? w.a.students[0]!.id : w.org(s).otherStudent.id}`,
        body: { canEdit: true },
      }),
      expect: change,
      note,
    },
    'PUT /api/rooms/:roomId/lesson': {
      request: (w, s) => ({ url: `/api/rooms/${room(w, s)}/lesson`, body: { lessonId: null } }),
      expect: change,
      note,
    },
    'POST /api/rooms/:roomId/instant-lessons': {
      request: (w, s) => ({ url: `/api/rooms/${room(w, s)}/instant-lessons`, body: { title: 'Warm-up' } }),
      expect: change,
      note,
    },
  };
}

/**
 * Homework, lesson library, schedule rules and next steps (the enrollment follow-up). The scope's enrollment is
 * `teacher` + `students[0]` (own) or `otherTeacher` + `otherStudent` (other, foreign). Schedule rules start in
 * 2030, beyond the 8-week horizon, so they generate no session that could collide with the world's slots.
 */
function followUpEntries(): Record<string, Entry> {
  const enrollment = (w: World, scope: Scope) =>
    scope === 'own' ? w.a.enrollmentIds[0]! : w.org(scope).otherEnrollmentId;
  const session = (w: World, scope: Scope) =>
    scope === 'own' ? w.a.liveSessionId : w.org(scope).otherLiveSessionId;
  const read = { own: signedIn(200), other: per(200, 404, 404, 401), foreign: per(404, 404, 404, 401) };
  const staff = (ok: Expected) => ({
    own: per(ok, ok, 403, 401),
    other: per(ok, 404, 403, 401),
    foreign: per(404, 404, 403, 401),
  });
  /** Verify and revoke: the student passes the enrollment check on their own homework, then meets the role. */
  const teacherAction = {
    own: per(200, 200, 403, 401),
    other: per(200, 404, 404, 401),
    foreign: read.foreign,
  };
  let lessons = 0;
  const freshLesson = async (w: World, scope: Scope) => {
    const o = w.org(scope);
    const title = `Matrix homework ${++lessons}`;
    const res = await o.admin.post(`/api/courses/${o.courseId}/lessons`, { title, kind: 'homework' });
    if (res.statusCode !== 201) throw new Error(`lesson: ${res.body}`);
    return (res.json().lessons as { id: string; title: string }[]).find((l) => l.title === title)!.id;
  };
  const freshHomework = async (w: World, scope: Scope, passed = false) => {
    const o = w.org(scope);
    const url = `/api/enrollments/${enrollment(w, scope)}/homework`;
    const res = await o.admin.post(url, { courseLessonId: await freshLesson(w, scope) });
    if (res.statusCode !== 201) throw new Error(`homework: ${res.body}`);
    const id = res.json().id as string;
    if (passed) await o.admin.post(`${url}/${id}/pass`);
    return `${url}/${id}`;
  };
  const rule = { weekdays: ['SU'], time: '03:17', timeZone: 'UTC', startsOn: '2030-01-06' };
  const freshRule = async (w: World, scope: Scope) => {
    const url = `/api/enrollments/${enrollment(w, scope)}/schedule-rules`;
    const res = await w.org(scope).admin.post(url, rule);
    if (res.statusCode !== 201) throw new Error(`schedule rule: ${res.body}`);
    return `${url}/${res.json().rule.id as string}`;
  };
  const homeworkAction = (action: string, expect: Entry['expect'], passed = false): Entry => ({
    request: async (w, scope) => ({ url: `${await freshHomework(w, scope, passed)}/${action}` }),
    expect,
  });
  return {
    'GET /api/homework': { request: () => ({ url: '/api/homework' }), expect: { own: signedIn(200) } },
    'GET /api/enrollments/:id/homework': {
      request: (w, scope) => ({ url: `/api/enrollments/${enrollment(w, scope)}/homework` }),
      expect: read,
    },
    'POST /api/enrollments/:id/homework': {
      request: async (w, scope) => ({
        url: `/api/enrollments/${enrollment(w, scope)}/homework`,
        body: { courseLessonId: await freshLesson(w, scope), scheduledFor: '2027-01-20T17:00:00Z' },
      }),
      expect: staff(201),
    },
    'PATCH /api/enrollments/:id/homework/:homeworkId': {
      request: async (w, scope) => ({ url: await freshHomework(w, scope), body: { scheduledFor: null } }),
      expect: staff(200),
    },
    'DELETE /api/enrollments/:id/homework/:homeworkId': {
      request: async (w, scope) => ({ url: await freshHomework(w, scope) }),
      expect: staff(204),
    },
    'POST /api/enrollments/:id/homework/:homeworkId/start': homeworkAction('start', read),
    'POST /api/enrollments/:id/homework/:homeworkId/pass': homeworkAction('pass', read),
    'POST /api/enrollments/:id/homework/:homeworkId/verify': homeworkAction('verify', teacherAction, true),
    'POST /api/enrollments/:id/homework/:homeworkId/revoke-verification': homeworkAction(
      'revoke-verification',
      teacherAction,
    ),
    'GET /api/enrollments/:id/lessons': {
      request: (w, scope) => ({ url: `/api/enrollments/${enrollment(w, scope)}/lessons?type=class` }),
      expect: read,
    },
    'GET /api/enrollments/:id/schedule-rules': {
      request: (w, scope) => ({ url: `/api/enrollments/${enrollment(w, scope)}/schedule-rules` }),
      expect: read,
    },
    'POST /api/enrollments/:id/schedule-rules': {
      request: (w, scope) => ({ url: `/api/enrollments/${enrollment(w, scope)}/schedule-rules`, body: rule }),
      expect: staff(201),
    },
    'POST /api/enrollments/:id/schedule-rules/:ruleId/split': {
      request: async (w, scope) => ({
        url: `${await freshRule(w, scope)}/split`,
        body: { from: '2030-01-13T03:17:00Z', time: '04:17' },
      }),
      expect: staff(201),
    },
    'DELETE /api/enrollments/:id/schedule-rules/:ruleId': {
      request: async (w, scope) => ({ url: await freshRule(w, scope) }),
      expect: staff(200),
    },
    'POST /api/enrollments/:id/schedule-rules/generate': {
      request: (w, scope) => ({ url: `/api/enrollments/${enrollment(w, scope)}/schedule-rules/generate` }),
      expect: staff(200),
    },
    'GET /api/live-sessions/:id/next-steps': {
      request: (w, scope) => ({ url: `/api/live-sessions/${session(w, scope)}/next-steps` }),
      expect: manageSession(200),
    },
    'POST /api/live-sessions/:id/next-steps/schedule': {
      request: (w, scope) => ({
        url: `/api/live-sessions/${session(w, scope)}/next-steps/schedule`,
        body: { suggestion: 'other', courseLessonId: w.org(scope).lessonIds[0], start: w.slot() },
      }),
      expect: manageSession(201),
    },
  };
}
