// Access-matrix entries for the reports: admins of the organisation only; the report names no single resource,
// so organisation isolation is checked by the reports' own tests (every query is filtered by the actor's org).
import type { Entry } from './accessMatrix.format.js';

const query = 'from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z&groupBy=month';
const adminOnly = { admin: 200, teacher: 403, student: 403, anonymous: 401 } as const;

export const reportEntries: Record<string, Entry> = Object.fromEntries(
  ['attendance', 'no-shows', 'teaching-hours', 'tokens', 'trainings', 'scores'].flatMap((name) => [
    [
      `GET /api/reports/${name}`,
      { request: () => ({ url: `/api/reports/${name}?${query}` }), expect: { own: adminOnly } },
    ],
    [
      `GET /api/reports/${name}.csv`,
      { request: () => ({ url: `/api/reports/${name}.csv?${query}` }), expect: { own: adminOnly } },
    ],
  ]),
);
