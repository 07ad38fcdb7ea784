// Access-matrix entries for what a training section's managers choose from (api/routes/trainingChoices.ts):
// section managers (admins, trainers whose trainer group reaches the section) read them; learners never.
import type { Entry } from './accessMatrix.format.js';
import { cached, per } from './trainingAccessMatrix.setup.js';

const managers = {
  own: per(200, 200, 403, 401),
  other: per(200, 404, 403, 401),
  foreign: per(404, 404, 403, 401),
};

export const trainingManageEntries: Record<string, Entry> = {
  'GET /api/trainings/:id/participant-groups': {
    request: async (w, scope) => ({
      url: `/api/trainings/${(await cached(w, scope)).trainingId}/participant-groups`,
    }),
    expect: managers,
  },
  'GET /api/trainings/:id/sections/:sectionId/groups': {
    request: async (w, scope) => {
      const c = await cached(w, scope);
      return { url: `/api/trainings/${c.trainingId}/sections/${c.sectionId}/groups` };
    },
    expect: managers,
  },
  'GET /api/trainings/:id/sections/:sectionId/candidates': {
    request: async (w, scope) => {
      const c = await cached(w, scope);
      return { url: `/api/trainings/${c.trainingId}/sections/${c.sectionId}/candidates` };
    },
    expect: managers,
  },
};
