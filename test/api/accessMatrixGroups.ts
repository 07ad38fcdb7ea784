// Access-matrix entries for student groups (api/routes/groups.ts). Format: see accessMatrix.entries.ts.
import type { World, Scope } from './accessMatrix.world.js';
import { signedIn, adminOnly, adminOnlyForeign, per, type Entry } from './accessMatrix.format.js';

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

export const groupEntries = (): Record<string, Entry> => ({
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
    expect: {
      own: per(200, 404, 200, 401),
      other: per(200, 404, 404, 401),
      foreign: per(404, 404, 404, 401),
    },
    note: 'teachers read the groups they teach (a session of theirs names it; none here); students the groups they are in',
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
});
