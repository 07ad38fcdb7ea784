// Access-matrix entries for post-session summaries (api/routes/sessionSummaries.ts, sessionSummaryTab.ts,
// summarySettings.ts) and the speaking time they report (api/routes/roomSpeaking.ts). Format: see
// accessMatrix.entries.ts. The matrix world's sessions have no summaries (none ended with the switch on), so the
// summary reads answer 404 once access passes; test/api/sessionSummary.int.test.ts reads real ones.
import { adminOnly, per, signedIn, type Entry } from './accessMatrix.format.js';
import type { World, Scope } from './accessMatrix.world.js';

const enrollmentOf = (w: World, scope: Scope) =>
  scope === 'own' ? w.a.enrollmentIds[0]! : w.org(scope).otherEnrollmentId;
const enrollment = (ok: number) => ({
  own: per(ok, ok, 403, 401),
  other: per(ok, 404, 403, 401),
  foreign: per(404, 404, 403, 401),
});
const group = { own: per(200, 403, 403, 401), foreign: per(404, 403, 403, 401) };

/** A student group of the scope's organisation, made once. */
async function groupIn(w: World, scope: Scope) {
  const key = `summaryGroup:${scope}`;
  const o = w.org(scope);
  return (w.ids[key] ??= await w.t.group(o.orgId, `Matrix summaries ${scope}`, [o.students[0]!.id]));
}

export function sessionSummaryEntries(): Record<string, Entry> {
  const sessionOf = (w: World, scope: Scope) =>
    scope === 'own' ? w.a.liveSessionId : w.org(scope).otherLiveSessionId;
  const studentOf = (w: World, scope: Scope) =>
    scope === 'own' ? w.a.students[0]! : w.org(scope).otherStudent;
  return {
    'GET /api/enrollments/:id/post-session-summary': {
      request: (w, scope) => ({ url: `/api/enrollments/${enrollmentOf(w, scope)}/post-session-summary` }),
      expect: enrollment(200),
    },
    'PUT /api/enrollments/:id/post-session-summary': {
      request: (w, scope) => ({
        url: `/api/enrollments/${enrollmentOf(w, scope)}/post-session-summary`,
        body: { enabled: false },
      }),
      expect: enrollment(200),
    },
    'GET /api/groups/:id/post-session-summary': {
      request: async (w, scope) => ({ url: `/api/groups/${await groupIn(w, scope)}/post-session-summary` }),
      expect: group,
      note: 'student groups belong to the organisation: admins only',
    },
    'PUT /api/groups/:id/post-session-summary': {
      request: async (w, scope) => ({
        url: `/api/groups/${await groupIn(w, scope)}/post-session-summary`,
        body: { enabled: false },
      }),
      expect: group,
    },
    'GET /api/people/me/preferences': {
      request: () => ({ url: '/api/people/me/preferences' }),
      expect: { own: signedIn(200) },
    },
    'PUT /api/people/me/preferences': {
      request: () => ({ url: '/api/people/me/preferences', body: { lessonSummary: true } }),
      expect: { own: signedIn(200) },
    },
    'GET /api/live-sessions/:id/summary': {
      request: (w, scope) => ({ url: `/api/live-sessions/${sessionOf(w, scope)}/summary` }),
      expect: { own: per(404, 403, 403, 401), foreign: per(404, 403, 403, 401) },
      note: 'admins only (the teacher of the session gets 403); no summary was made in the matrix world: 404',
    },
    'GET /api/live-sessions/:id/summaries/:studentId': {
      request: (w, scope) => ({
        url: `/api/live-sessions/${sessionOf(w, scope)}/summaries/${studentOf(w, scope).id}`,
      }),
      expect: {
        own: per(404, 404, 404, 401),
        other: per(404, 404, 404, 401),
        foreign: per(404, 404, 404, 401),
      },
      note: 'the student (own), the teacher of the session, admins; no summary was made in the matrix world: 404',
    },
    'GET /api/live-sessions/:id/summaries': {
      request: (w, scope) => ({ url: `/api/live-sessions/${sessionOf(w, scope)}/summaries` }),
      expect: {
        own: per(404, 404, 404, 401),
        other: per(404, 404, 404, 401),
        foreign: per(404, 404, 404, 401),
      },
      note: 'the Summary tab: what the viewer may read; no summary was made in the matrix world: 404',
    },
    'POST /api/live-sessions/:id/summaries': {
      request: (w, scope) => ({ url: `/api/live-sessions/${sessionOf(w, scope)}/summaries`, body: {} }),
      expect: {
        own: per(404, 404, 403, 401),
        other: per(404, 404, 403, 401),
        foreign: per(404, 404, 403, 401),
      },
      note: "making the summaries again: admins and the session's teacher; no summary was made in the matrix world: 404",
    },
    'GET /api/summary-settings': {
      request: () => ({ url: '/api/summary-settings' }),
      expect: { own: per(200, 200, 403, 401) },
      note: 'the summary cost: staff (the recipients only for admins)',
    },
    'PUT /api/summary-settings': {
      request: () => ({ url: '/api/summary-settings', body: { summaryCostTokens: 10 } }),
      expect: { own: adminOnly(200) },
    },
    'GET /api/rooms/:roomId/speaking': {
      request: (w, scope) => ({ url: `/api/rooms/ls-${sessionOf(w, scope)}/speaking` }),
      expect: {
        own: per(200, 200, 200, 401),
        other: per(200, 404, 404, 401),
        foreign: per(404, 404, 404, 401),
      },
      note: "the room's members (the host everyone's balance, a student their own); strangers 404",
    },
    'POST /api/rooms/:roomId/speaking': {
      request: (w, scope) => ({ url: `/api/rooms/ls-${sessionOf(w, scope)}/speaking`, body: { seconds: 3 } }),
      expect: {
        own: per(409, 409, 409, 401),
        other: per(409, 404, 404, 401),
        foreign: per(404, 404, 404, 401),
      },
      note: "the room's members report their own speaking time while it is open: the world's sessions lie in the future, 409 room_closed",
    },
  };
}
