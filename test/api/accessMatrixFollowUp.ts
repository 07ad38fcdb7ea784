// Access-matrix entries for the live-room routes and the enrollment follow-up (homework, lesson library,
// schedule rules, next steps). Format: see accessMatrix.entries.ts.
import { per, type Entry, type Expected } from './accessMatrix.format.js';
import type { World, Scope } from './accessMatrix.world.js';

const signedIn = (status: Expected) => per(status, status, status, 401);
// Live-session routes only teachers (of the session) and admins may change.
const manageSession = (ok: Expected) => ({
  own: per(ok, ok, 403, 401),
  other: per(ok, 404, 403, 401),
  foreign: per(404, 404, 403, 401),
});

/** The live-room routes. The world's sessions lie in the future, so a permitted change meets 409 room_closed. */
export function roomEntries(): Record<string, Entry> {
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
    'GET /api/rooms/:roomId/ice-servers': {
      request: (w, s) => ({ url: `/api/rooms/${room(w, s)}/ice-servers` }),
      expect: { own: signedIn(409), other: per(409, 404, 404, 401), foreign: per(404, 404, 404, 401) },
      note: 'members only (strangers 404); TURN credentials only while the room is open: 409 room_closed',
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
export function followUpEntries(): Record<string, Entry> {
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
    'POST /api/live-sessions/:id/follow-up': {
      request: (w, scope) => ({
        url: `/api/live-sessions/${session(w, scope)}/follow-up`,
        body: { keyPoints: 'Matrix key points' },
      }),
      expect: manageSession(409),
      note: 'access passes for the teacher of the session and admins, then the rule answers: the session has not ended (409, nothing recorded); test/api/followUp.int.test.ts sends one',
    },
    'GET /api/live-sessions/:id/follow-up': {
      request: (w, scope) => ({ url: `/api/live-sessions/${session(w, scope)}/follow-up` }),
      expect: {
        own: per(404, 404, 404, 401),
        other: per(404, 404, 404, 401),
        foreign: per(404, 404, 404, 401),
      },
      note: "no follow-up was sent for the world's sessions: 404 once the session may be seen; test/api/followUp.int.test.ts reads one as each role",
    },
  };
}
