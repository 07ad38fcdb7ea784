// Access-matrix entries for lesson analyses (api/routes/lessonAnalyses.ts). Format: see accessMatrix.entries.ts.
// Teachers (of the enrollment) and admins request and read analyses; students never (403 before the resource);
// another teacher's enrollment or analysis is 404, as is anything of another organisation.
import { per, type Entry } from './accessMatrix.format.js';
import type { World, Scope } from './accessMatrix.world.js';

const enrollmentOf = (w: World, scope: Scope) =>
  scope === 'own' ? w.a.enrollmentIds[0]! : w.org(scope).otherEnrollmentId;

const manage = (ok: number) => ({
  own: per(ok, ok, 403, 401),
  other: per(ok, 404, 403, 401),
  foreign: per(404, 404, 403, 401),
});

export function lessonAnalysisEntries(): Record<string, Entry> {
  let lessons = 0;
  const ok = <R extends { statusCode: number; body: string }>(res: R, code: number, what: string): R => {
    if (res.statusCode !== code) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return res;
  };

  /** A passed homework lesson on the scope's enrollment with an analysis of it (paid with 70 tokens credited). */
  const analysisIn = async (w: World, scope: Scope) => {
    const key = `lessonAnalysis:${scope}`;
    if (w.ids[key]) return w.ids[key];
    const o = w.org(scope);
    const enrollmentId = enrollmentOf(w, scope);
    const title = `Matrix analysis ${++lessons}`;
    const added = ok(
      await o.admin.post(`/api/courses/${o.courseId}/lessons`, { title, kind: 'homework' }),
      201,
      'lesson',
    );
    const lessonId = (added.json().lessons as { id: string; title: string }[]).find(
      (l) => l.title === title,
    )!.id;
    const hw = ok(
      await o.admin.post(`/api/enrollments/${enrollmentId}/homework`, { courseLessonId: lessonId }),
      201,
      'homework',
    );
    ok(await o.admin.post(`/api/enrollments/${enrollmentId}/homework/${hw.json().id}/pass`), 200, 'pass');
    ok(
      await o.admin.post(`/api/wallets/${o.orgId}/credits`, { tokens: 70, reason: 'matrix analysis' }),
      201,
      'credit',
    );
    const res = ok(
      await o.admin.post(`/api/enrollments/${enrollmentId}/lesson-analyses`, {
        scope: 'single',
        courseLessonId: lessonId,
      }),
      202,
      'analysis',
    );
    return (w.ids[key] = res.json().id as string);
  };

  return {
    'POST /api/enrollments/:id/lesson-analyses': {
      request: (w, scope) => ({
        url: `/api/enrollments/${enrollmentOf(w, scope)}/lesson-analyses`,
        body: { scope: 'single', courseLessonId: w.org(scope).lessonIds[0] },
      }),
      expect: manage(409),
      note: 'access passes for the teacher and admins, then the rule answers: the lesson is not passed or verified (409, nothing paid)',
    },
    'GET /api/enrollments/:id/lesson-analyses': {
      request: (w, scope) => ({ url: `/api/enrollments/${enrollmentOf(w, scope)}/lesson-analyses` }),
      expect: manage(200),
    },
    'GET /api/enrollments/:id/lesson-analyses/quote': {
      request: (w, scope) => ({ url: `/api/enrollments/${enrollmentOf(w, scope)}/lesson-analyses/quote` }),
      expect: manage(200),
      note: 'the price, the balance and the analysable lessons: for whoever may request an analysis',
    },
    'GET /api/enrollments/:id/lesson-analyses/events': {
      request: (w, scope) => ({
        url: `/api/enrollments/${enrollmentOf(w, scope)}/lesson-analyses/events`,
        headers: { accept: 'application/json' },
      }),
      expect: manage(406),
      note: 'a stream never ends, so the matrix asks for JSON: whoever may read the analyses passes the checks and is told the route only speaks text/event-stream (406); test/api/languages.int.test.ts reads the stream',
    },
    'GET /api/lesson-analyses/:id': {
      request: async (w, scope) => ({ url: `/api/lesson-analyses/${await analysisIn(w, scope)}` }),
      expect: manage(200),
    },
  };
}
