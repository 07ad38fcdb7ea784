// Access-matrix entries for the live-session lifecycle, completion, feedback and wallets. Format: see
// accessMatrix.entries.ts.
import {
  per,
  signedIn,
  adminOnly,
  adminOnlyForeign,
  manageSession,
  type Entry,
} from './accessMatrix.format.js';
import { type World, type Scope } from './accessMatrix.world.js';

export function sessionAndWalletEntries(): Record<string, Entry> {
  return {
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
    'GET /api/admin/invariants': {
      request: () => ({ url: '/api/admin/invariants' }),
      expect: { own: adminOnly(200) },
      note: "replays the admin's organisation's events; test/api/invariants.int.test.ts checks what it finds",
    },
    'PUT /api/live-sessions/:id/participants/:studentId/price': {
      request: async (w, scope) => {
        const o = w.org(scope);
        const student = scope === 'own' ? o.students[0]! : o.otherStudent;
        return {
          url: `/api/live-sessions/${await w.freshLiveSession(scope)}/participants/${student.id}/price`,
          body: { lessonCostTokens: 3 },
        };
      },
      expect: manageSession(200),
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
  };
}
