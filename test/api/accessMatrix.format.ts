// The access matrix's format and its shared helpers, apart from accessMatrix.entries.ts so that the files of
// entries per area (accessMatrixSessions.ts, accessMatrixFollowUp.ts, ...) can use them without importing the
// file that imports them (an import cycle).
import type { World, Scope, Role } from './accessMatrix.world.js';

export type Expected = number | readonly number[];
export type PerRole = Record<Role, Expected>;
export type MatrixRequest = {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send this cookie instead of the role's own (undefined: the role's session; '' for none). */
  cookie?: string;
};
export type Entry = {
  request: (w: World, scope: Scope, role: Role) => MatrixRequest | Promise<MatrixRequest>;
  expect: { own: PerRole; other?: PerRole; foreign?: PerRole };
  /** Why this route behaves as it does, when it is not obvious. */
  note?: string;
};

/** Expected statuses in the order admin, teacher, student, anonymous. */
export const per = (admin: Expected, teacher: Expected, student: Expected, anonymous: Expected): PerRole => ({
  admin,
  teacher,
  student,
  anonymous,
});
export const signedIn = (status: Expected) => per(status, status, status, 401);
export const adminOnly = (ok: Expected) => per(ok, 403, 403, 401);
export const adminOnlyForeign = per(404, 403, 403, 401);

// Live-session routes only teachers (of the session) and admins may change.
export const manageSession = (ok: Expected) => ({
  own: per(ok, ok, 403, 401),
  other: per(ok, 404, 403, 401),
  foreign: per(404, 404, 403, 401),
});
