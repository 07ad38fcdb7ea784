// Access-matrix entries for the trainings routes (spread into accessMatrix.entries.ts). In each organisation:
// trainings switched on; students[0] in the "own" participant group, reached by `teacher`'s trainer group;
// otherStudent in the "other" group, reached by otherTeacher's trainer group. `own` trainings are for the own
// group, `other` and `foreign` ones for the other group (in A and B), so `teacher` and students[0] do not see them.
import type { Entry } from './accessMatrix.format.js';
import type { Role } from './accessMatrix.world.js';

import {
  per,
  setupOf,
  sectionFor,
  freshTraining,
  cached,
  adminOnly,
  manage,
  read,
  eventUrl,
  learnerOf,
} from './trainingAccessMatrix.setup.js';

export const trainingEntries: Record<string, Entry> = {
  'GET /api/training-settings': {
    request: async (w) => (await setupOf(w, w.a), { url: '/api/training-settings' }),
    expect: { own: per(200, 200, 200, 401) },
  },
  'PUT /api/training-settings': {
    request: () => ({ url: '/api/training-settings', body: { trainingsEnabled: true } }),
    expect: { own: per(200, 403, 403, 401) },
  },
  'GET /api/trainer-groups/:id/participant-groups': {
    request: async (w, scope) => ({
      url: `/api/trainer-groups/${(await setupOf(w, w.org(scope))).trainerGroup}/participant-groups`,
    }),
    expect: { own: per(200, 200, 403, 401), foreign: per(404, 404, 403, 401) },
  },
  'PUT /api/trainer-groups/:id/participant-groups': {
    request: async (w, scope) => {
      const s = await setupOf(w, w.org(scope));
      return {
        url: `/api/trainer-groups/${s.trainerGroup}/participant-groups`,
        body: { participantGroupIds: [s.ownGroup, s.extraGroup] },
      };
    },
    expect: { own: per(200, 403, 403, 401), foreign: per(404, 403, 403, 401) },
  },
  'GET /api/trainings': {
    request: async (w) => (await setupOf(w, w.a), { url: '/api/trainings' }),
    expect: { own: per(200, 200, 200, 401) },
  },
  'POST /api/trainings': {
    request: async (w) => (await setupOf(w, w.a), { url: '/api/trainings', body: { name: 'Matrix' } }),
    expect: { own: per(201, 403, 403, 401) },
  },
  'GET /api/trainings/:id': {
    request: async (w, scope) => ({ url: `/api/trainings/${(await cached(w, scope)).trainingId}` }),
    expect: read,
  },
  'PATCH /api/trainings/:id': {
    request: async (w, scope) => ({
      url: `/api/trainings/${(await cached(w, scope)).trainingId}`,
      body: { name: 'Renamed' },
    }),
    expect: adminOnly(200),
  },
  'POST /api/trainings/:id/publish': {
    request: async (w, scope) => ({ url: `/api/trainings/${(await cached(w, scope)).trainingId}/publish` }),
    expect: adminOnly(200),
  },
  'POST /api/trainings/:id/unpublish': {
    request: async (w, scope) => ({
      url: `/api/trainings/${(await freshTraining(w, scope)).trainingId}/unpublish`,
    }),
    expect: adminOnly(200),
  },
  'POST /api/trainings/:id/sections': {
    request: async (w, scope) => {
      const o = w.org(scope);
      const s = await setupOf(w, o);
      const { trainingId } = await cached(w, scope);
      const own = scope === 'own';
      return {
        url: `/api/trainings/${trainingId}/sections`,
        body: sectionFor(w, own ? [s.ownGroup] : [s.otherGroup], own ? o.teacher.id : o.otherTeacher.id),
      };
    },
    expect: {
      own: per(201, 201, 403, 401),
      other: per(201, 404, 403, 401),
      foreign: per(404, 404, 403, 401),
    },
  },
  'PATCH /api/trainings/:id/sections/:sectionId': {
    request: async (w, scope) => {
      const f = await freshTraining(w, scope);
      return {
        url: `/api/trainings/${f.trainingId}/sections/${f.sectionIds[0]}`,
        body: {
          name: 'Renamed',
          registrationOpens: '2026-11-01T00:00:00Z',
          registrationCloses: '2027-06-01T00:00:00Z',
          capacity: 9,
        },
      };
    },
    expect: manage(200),
  },
  'DELETE /api/trainings/:id/sections/:sectionId': {
    request: async (w, scope) => {
      const f = await freshTraining(w, scope);
      return { url: `/api/trainings/${f.trainingId}/sections/${f.sectionIds[0]}` };
    },
    expect: manage(200),
  },
  'POST /api/trainings/:id/sections/:sectionId/groups': {
    request: async (w, scope) => {
      const f = await freshTraining(w, scope);
      const s = await setupOf(w, w.org(scope));
      return {
        url: `/api/trainings/${f.trainingId}/sections/${f.sectionIds[0]}/groups`,
        body: { groupId: scope === 'own' ? s.extraGroup : s.otherGroup },
      };
    },
    expect: manage(200),
  },
  'DELETE /api/trainings/:id/sections/:sectionId/groups/:groupId': {
    request: async (w, scope) => {
      const f = await freshTraining(w, scope);
      const s = await setupOf(w, w.org(scope));
      return {
        url: `/api/trainings/${f.trainingId}/sections/${f.sectionIds[0]}/groups/${scope === 'own' ? s.extraGroup : s.otherGroup}`,
      };
    },
    expect: {
      own: per(200, 200, 403, 401),
      other: per(409, 404, 403, 401),
      foreign: per(404, 404, 403, 401),
    },
    note: 'the other section has one group only: removing it is refused as a rule (409) for those who may manage it',
  },
  'POST /api/trainings/:id/sections/:sectionId/events': {
    request: async (w, scope) => {
      const o = w.org(scope);
      const f = await freshTraining(w, scope);
      const start = w.slot();
      return {
        url: `/api/trainings/${f.trainingId}/sections/${f.sectionIds[0]}/events`,
        body: {
          start,
          end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
          timeZone: 'UTC',
          format: 'in-person',
          location: 'Room 1',
          trainerId: scope === 'own' ? o.teacher.id : o.otherTeacher.id,
        },
      };
    },
    expect: manage(201),
  },
  'POST /api/trainings/:id/events/:trainingEventId/reschedule': {
    request: async (w, scope) => {
      const start = w.slot();
      return {
        url: await eventUrl(w, scope, '/reschedule'),
        body: {
          start,
          end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
          timeZone: 'Europe/Paris',
        },
      };
    },
    expect: manage(200),
  },
  'PATCH /api/trainings/:id/events/:trainingEventId': {
    request: async (w, scope) => {
      const o = w.org(scope);
      return {
        url: await eventUrl(w, scope, ''),
        body: {
          format: 'hybrid',
          trainerId: scope === 'own' ? o.teacher.id : o.otherTeacher.id,
          link: 'https://meet.example.com/h',
          location: 'Room 2',
        },
      };
    },
    expect: manage(200),
  },
  'POST /api/trainings/:id/events/:trainingEventId/cancel': {
    request: async (w, scope) => ({ url: await eventUrl(w, scope, '/cancel'), body: { reason: 'matrix' } }),
    expect: manage(200),
  },
  'POST /api/trainings/:id/sections/:sectionId/registrations': {
    request: async (w, scope) => {
      const f = await freshTraining(w, scope);
      return { url: `/api/trainings/${f.trainingId}/sections/${f.sectionIds[0]}/registrations` };
    },
    expect: {
      own: per(403, 403, 201, 401),
      other: per(403, 404, 404, 401),
      foreign: per(404, 404, 404, 401),
    },
    note: 'with no learnerId it registers the caller: only learners register themselves',
  },
  'POST /api/trainings/:id/switch': {
    request: async (w, scope) => {
      const f = await freshTraining(w, scope, { sections: 2, register: true });
      return { url: `/api/trainings/${f.trainingId}/switch`, body: { sectionId: f.sectionIds[1] } };
    },
    expect: {
      own: per(403, 403, 200, 401),
      other: per(403, 404, 404, 401),
      foreign: per(404, 404, 404, 401),
    },
    note: 'with no learnerId it switches the caller: only learners switch themselves',
  },
  'DELETE /api/trainings/:id/registrations/:learnerId': {
    request: async (w, scope) => {
      const f = await freshTraining(w, scope, { register: true });
      return { url: `/api/trainings/${f.trainingId}/registrations/${learnerOf(w, scope).id}` };
    },
    expect: {
      own: per(200, 200, 200, 401),
      other: per(200, 404, 404, 401),
      foreign: per(404, 404, 404, 401),
    },
  },
  'POST /api/trainings/:id/registrations/:learnerId/approve': {
    request: async (w, scope) => {
      const f = await freshTraining(w, scope, { register: true, approval: true });
      return { url: `/api/trainings/${f.trainingId}/registrations/${learnerOf(w, scope).id}/approve` };
    },
    expect: manage(200),
  },
  'POST /api/trainings/:id/registrations/:learnerId/decline': {
    request: async (w, scope) => {
      const f = await freshTraining(w, scope, { register: true, approval: true });
      return {
        url: `/api/trainings/${f.trainingId}/registrations/${learnerOf(w, scope).id}/decline`,
        body: { reason: null },
      };
    },
    expect: manage(200),
  },
  'POST /api/trainings/:id/events/:trainingEventId/attendance': {
    request: async (w, scope) => {
      const c = await cached(w, scope);
      return {
        url: `/api/trainings/${c.trainingId}/events/${c.eventId}/attendance`,
        body: { learnerId: learnerOf(w, scope).id, attended: true },
      };
    },
    expect: {
      own: per(409, 409, 409, 401),
      other: per(409, 404, 404, 401),
      foreign: per(404, 404, 404, 401),
    },
    note: 'the matrix world’s events are in the future: whoever may mark gets 409 training_event_not_started',
  },
  'POST /api/trainings/:id/events/:trainingEventId/attendance/confirm': {
    request: async (w, scope) => {
      const c = await cached(w, scope);
      return {
        url: `/api/trainings/${c.trainingId}/events/${c.eventId}/attendance/confirm`,
        body: { marks: [{ learnerId: learnerOf(w, scope).id, attended: true }] },
      };
    },
    expect: manage(409),
    note: 'the matrix world’s events are in the future: whoever may confirm gets 409 training_event_not_started',
  },
  'GET /api/trainings/:id/sections/:sectionId/roster': {
    request: async (w, scope) => {
      const c = await cached(w, scope);
      return { url: `/api/trainings/${c.trainingId}/sections/${c.sectionId}/roster` };
    },
    expect: {
      own: per(200, 200, 403, 401),
      other: per(200, 404, 404, 401),
      foreign: per(404, 404, 404, 401),
    },
  },
  'GET /api/trainings/:id/completion': {
    request: async (w, scope) => ({
      url: `/api/trainings/${(await cached(w, scope)).trainingId}/completion`,
    }),
    expect: read,
  },
  'GET /api/me/training-events': {
    request: async (w) => (await setupOf(w, w.a), { url: '/api/me/training-events' }),
    expect: { own: per(200, 200, 200, 401) },
  },
};

export type { Role };
