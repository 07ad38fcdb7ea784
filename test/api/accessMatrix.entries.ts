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
import { PASSWORD } from '../support/app.js';
import {
  per,
  signedIn,
  adminOnly,
  adminOnlyForeign,
  manageSession,
  type Entry,
  type Expected,
} from './accessMatrix.format.js';
import { trainingEntries } from './trainingAccessMatrix.js';
import { trainingManageEntries } from './accessMatrixTrainingManage.js';
import { followUpEntries, roomEntries } from './accessMatrixFollowUp.js';
import { sessionAndWalletEntries } from './accessMatrixSessions.js';
import { reportEntries } from './reportsAccessMatrix.js';
import { lessonContentEntries } from './accessMatrixLessonContent.js';
import { lessonAnalysisEntries } from './accessMatrixLessonAnalyses.js';
import { sessionSummaryEntries } from './accessMatrixSessionSummaries.js';
import { groupEntries } from './accessMatrixGroups.js';
import { groupScheduleEntries } from './accessMatrixGroupSchedule.js';
import { organisationSettingsEntries } from './accessMatrixSettings.js';
import { roomRecordEntries } from './accessMatrixRoomRecord.js';

// The format and its helpers live in accessMatrix.format.ts.
export type { Expected, Entry } from './accessMatrix.format.js';

const everyone = (status: Expected) => per(status, status, status, status);
const future = (w: World) => w.slot();

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
  'GET /health/live': { request: () => ({ url: '/health/live' }), expect: { own: everyone(200) } },
  'GET /health/ready': { request: () => ({ url: '/health/ready' }), expect: { own: everyone(200) } },
  'GET /health/details': {
    request: () => ({ url: '/health/details' }),
    expect: { own: adminOnly(200) },
    note: 'which stores and bus a node uses, and their errors, are for admins only',
  },
  'GET /metrics': {
    request: () => ({ url: '/metrics' }),
    expect: { own: adminOnly(200) },
    note: 'admins, or a scraper with Authorization: Bearer METRICS_TOKEN (test/ops/observability.int.test.ts)',
  },

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
  'PATCH /api/courses/:id': {
    request: (w, scope) => ({ url: `/api/courses/${w.org(scope).courseId}`, body: { language: 'en' } }),
    expect: { own: adminOnly(200), foreign: adminOnlyForeign },
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
  'POST /api/auth/change-password': {
    request: async (w, scope, role) => ({
      url: '/api/auth/change-password',
      cookie: role === 'anonymous' ? '' : (await w.throwaway('own', role)).cookie,
      body: { currentPassword: PASSWORD, newPassword: 'another long password' },
    }),
    expect: { own: signedIn(200) },
    note: "one's own password: the current one is required (test/security/changePassword)",
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

  // ---- groups: entries in accessMatrixGroups.ts ----
  ...groupEntries(),
  // ---- recurring group classes: entries in accessMatrixGroupSchedule.ts ----
  ...groupScheduleEntries(),

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

  ...sessionAndWalletEntries(),
  // ---- live rooms (realtime): members read; the teacher (or an admin) changes, only while the room is open ----
  ...roomEntries(),
  // ---- after class: a room's lesson documents and whiteboard (accessMatrixRoomRecord.ts) ----
  ...roomRecordEntries(),
  // ---- enrollment follow-up: homework, lesson library, schedule rules, next steps ----
  ...followUpEntries(),
  // ---- trainings: entries in trainingAccessMatrix.ts ----
  ...trainingEntries,
  ...trainingManageEntries,
  // ---- reports (admins only) ----
  ...reportEntries,
  // ---- lesson content and answers: entries in accessMatrixLessonContent.ts ----
  ...lessonContentEntries(),
  // ---- lesson analyses: entries in accessMatrixLessonAnalyses.ts ----
  ...lessonAnalysisEntries(),
  // ---- post-session summaries: entries in accessMatrixSessionSummaries.ts ----
  ...sessionSummaryEntries(),
  ...organisationSettingsEntries(),
};
