// Access-matrix entries for lesson content and answers (api/routes/lessonContent.ts, lessonAnswers.ts,
// homeworkHandIn.ts). Format: see
// accessMatrix.entries.ts. Every context is fresh: a new lesson with content, then a live session or a homework
// item on it, in the scope's organisation (own: teacher + students[0]; other, foreign: otherTeacher +
// otherStudent). Roles are checked before the resource, so a role that may never do something gets 403
// everywhere; a resource the actor may not see is 404.
import { per, type Entry, type Expected } from './accessMatrix.format.js';
import type { World, Scope } from './accessMatrix.world.js';

const signedIn = (status: Expected) => per(status, status, status, 401);

const document = {
  schemaVersion: 1,
  blocks: [
    { type: 'trueFalse', id: 'tf', statement: 'Matrix', answer: true },
    { type: 'essay', id: 'essay', points: 3, prompt: 'Why?' },
  ],
};

export function lessonContentEntries(): Record<string, Entry> {
  let lessons = 0;
  const studentOf = (w: World, scope: Scope) =>
    scope === 'own' ? w.a.students[0]! : w.org(scope).otherStudent;

  const freshLesson = async (w: World, scope: Scope) => {
    const o = w.org(scope);
    const title = `Matrix content ${++lessons}`;
    const res = await o.admin.post(`/api/courses/${o.courseId}/lessons`, { title, kind: 'homework' });
    if (res.statusCode !== 201) throw new Error(`lesson: ${res.body}`);
    const lessonId = (res.json().lessons as { id: string; title: string }[]).find(
      (l) => l.title === title,
    )!.id;
    const put = await o.admin.request(
      'PUT',
      `/api/courses/${o.courseId}/lessons/${lessonId}/content`,
      document,
    );
    if (put.statusCode !== 200) throw new Error(`content: ${put.body}`);
    return lessonId;
  };

  const freshSession = async (w: World, scope: Scope) => {
    const o = w.org(scope);
    const own = scope === 'own';
    const res = await o.admin.post('/api/live-sessions', {
      kind: 'individual',
      courseId: o.courseId,
      courseLessonId: await freshLesson(w, scope),
      enrollmentId: own ? o.enrollmentIds[0] : o.otherEnrollmentId,
      teacherId: own ? o.teacher.id : o.otherTeacher.id,
      start: w.slot(),
      durationMinutes: 30,
      timeZone: 'UTC',
    });
    if (res.statusCode !== 201) throw new Error(`live session: ${res.body}`);
    return `/api/live-sessions/${res.json().id as string}`;
  };

  const freshHomework = async (w: World, scope: Scope) => {
    const o = w.org(scope);
    const url = `/api/enrollments/${scope === 'own' ? o.enrollmentIds[0] : o.otherEnrollmentId}/homework`;
    const res = await o.admin.post(url, { courseLessonId: await freshLesson(w, scope) });
    if (res.statusCode !== 201) throw new Error(`homework: ${res.body}`);
    return `${url}/${res.json().id as string}`;
  };

  /** The scope's student answers the essay first, so that there is something to grade or hand in. */
  const answered = async (w: World, scope: Scope, base: string) => {
    const res = await studentOf(w, scope).post(`${base}/answers`, {
      exerciseId: 'essay',
      answer: { type: 'essay', text: 'Because.' },
    });
    if (res.statusCode !== 201) throw new Error(`answer: ${res.body}`);
    return base;
  };

  const read = { own: signedIn(200), other: per(200, 404, 404, 401), foreign: per(404, 404, 404, 401) };
  const staff = (ok: Expected) => ({
    own: per(ok, ok, 403, 401),
    other: per(ok, 404, 403, 401),
    foreign: per(404, 404, 403, 401),
  });
  const studentOnly = (ok: Expected) => ({
    own: per(403, 403, ok, 401),
    other: per(403, 403, 404, 401),
    foreign: per(403, 403, 404, 401),
  });
  const answer = { exerciseId: 'tf', answer: { type: 'trueFalse', value: true } };

  const course = (w: World, scope: Scope) => {
    const o = w.org(scope);
    return `/api/courses/${o.courseId}/lessons/${o.lessonIds[0]}/content`;
  };

  const instant = (w: World, scope: Scope) =>
    `/api/rooms/ls-${scope === 'own' ? w.a.liveSessionId : w.org(scope).otherLiveSessionId}/instant-lessons/00000000-0000-4000-8000-000000000000`;

  const contextEntries = (prefix: string, fresh: (w: World, scope: Scope) => Promise<string>) => ({
    [`GET ${prefix}/content`]: {
      request: async (w: World, scope: Scope) => ({ url: `${await fresh(w, scope)}/content` }),
      expect: read,
    },
    [`GET ${prefix}/answers`]: {
      request: async (w: World, scope: Scope) => ({ url: `${await fresh(w, scope)}/answers` }),
      expect: read,
    },
    [`POST ${prefix}/answers`]: {
      request: async (w: World, scope: Scope) => ({ url: `${await fresh(w, scope)}/answers`, body: answer }),
      expect: studentOnly(201),
    },
    [`POST ${prefix}/answers/reveal`]: {
      request: async (w: World, scope: Scope) => ({ url: `${await fresh(w, scope)}/answers/reveal` }),
      expect: staff(200),
    },
    [`POST ${prefix}/students/:studentId/answers/:exerciseId/grade`]: {
      request: async (w: World, scope: Scope) => ({
        url: `${await answered(w, scope, await fresh(w, scope))}/students/${studentOf(w, scope).id}/answers/essay/grade`,
        body: { points: 2, comment: 'ok' },
      }),
      expect: staff(200),
    },
  });

  return {
    'GET /api/courses/:courseId/lessons/:lessonId/content': {
      request: (w, scope) => ({ url: course(w, scope) }),
      expect: { own: signedIn(200), foreign: per(404, 404, 404, 401) },
    },
    'GET /api/courses/:courseId/lessons/:lessonId/content/export': {
      request: (w, scope) => ({ url: `${course(w, scope)}/export` }),
      expect: { own: per(200, 200, 403, 401), foreign: per(404, 404, 403, 401) },
    },
    'PUT /api/courses/:courseId/lessons/:lessonId/content': {
      request: async (w, scope) => ({
        url: `/api/courses/${w.org(scope).courseId}/lessons/${await freshLesson(w, scope)}/content`,
        body: { ...document, title: 'Changed' },
      }),
      expect: { own: per(200, 200, 403, 401), foreign: per(404, 404, 403, 401) },
    },
    'POST /api/courses/:courseId/lessons/:lessonId/duplicate': {
      request: (w, scope) => ({
        url: `/api/courses/${w.org(scope).courseId}/lessons/${w.org(scope).lessonIds[0]}/duplicate`,
        body: { title: 'Matrix copy' },
      }),
      expect: { own: per(201, 201, 403, 401), foreign: per(404, 404, 403, 401) },
      note: 'teachers and admins of the organisation duplicate a lesson, like writing its content',
    },
    // Instant lessons are only made while a room is open and the world's sessions lie ahead, so these ask for a
    // lesson the room does not have: members get 404 (after the role check), strangers 404 as well. The way
    // with a real instant lesson is in lessonContentInstant.int.test.ts.
    'GET /api/rooms/:roomId/instant-lessons/:lessonId/content': {
      request: (w, scope) => ({ url: `${instant(w, scope)}/content` }),
      expect: { own: signedIn(404), other: signedIn(404), foreign: signedIn(404) },
    },
    'PUT /api/rooms/:roomId/instant-lessons/:lessonId/content': {
      request: (w, scope) => ({ url: `${instant(w, scope)}/content`, body: document }),
      expect: {
        own: per(404, 404, 403, 401),
        other: per(404, 404, 403, 401),
        foreign: per(404, 404, 403, 401),
      },
    },
    'GET /api/rooms/:roomId/instant-lessons/:lessonId/answers': {
      request: (w, scope) => ({ url: `${instant(w, scope)}/answers` }),
      expect: { own: signedIn(404), other: signedIn(404), foreign: signedIn(404) },
    },
    'POST /api/rooms/:roomId/instant-lessons/:lessonId/answers': {
      request: (w, scope) => ({ url: `${instant(w, scope)}/answers`, body: answer }),
      expect: {
        own: per(403, 403, 404, 401),
        other: per(403, 403, 404, 401),
        foreign: per(403, 403, 404, 401),
      },
    },
    'POST /api/rooms/:roomId/instant-lessons/:lessonId/answers/reveal': {
      request: (w, scope) => ({ url: `${instant(w, scope)}/answers/reveal` }),
      expect: {
        own: per(404, 404, 403, 401),
        other: per(404, 404, 403, 401),
        foreign: per(404, 404, 403, 401),
      },
    },
    'POST /api/rooms/:roomId/instant-lessons/:lessonId/students/:studentId/answers/:exerciseId/grade': {
      request: (w, scope) => ({
        url: `${instant(w, scope)}/students/${studentOf(w, scope).id}/answers/essay/grade`,
        body: { points: 2, comment: 'ok' },
      }),
      expect: {
        own: per(404, 404, 403, 401),
        other: per(404, 404, 403, 401),
        foreign: per(404, 404, 403, 401),
      },
    },
    ...contextEntries('/api/live-sessions/:id', freshSession),
    ...contextEntries('/api/enrollments/:id/homework/:homeworkId', freshHomework),
    'POST /api/enrollments/:id/homework/:homeworkId/hand-in': {
      request: async (w, scope) => ({
        url: `${await answered(w, scope, await freshHomework(w, scope))}/hand-in`,
      }),
      expect: studentOnly(200),
    },
  };
}
