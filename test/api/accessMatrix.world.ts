// The world the access matrix runs in: two organisations (A, where every actor lives, and B, the foreign one),
// each a school with an "own" and an "other" live session and enrollment. Entries build their requests from it.
import { PASSWORD, type Session, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';

export type Scope = 'own' | 'other' | 'foreign';
export type Role = 'admin' | 'teacher' | 'student' | 'anonymous';
export const ROLES: readonly Role[] = ['admin', 'teacher', 'student', 'anonymous'];
export const SCOPES: readonly Scope[] = ['own', 'other', 'foreign'];

export type Org = School & {
  /** A student with no tie to `teacher` or `students[0]`: enrolled with `otherTeacher`. */
  otherStudent: Session;
  /** Individual session: `teacher` teaching `students[0]`. */
  liveSessionId: string;
  /** Individual session: `otherTeacher` teaching `otherStudent`. */
  otherLiveSessionId: string;
  /** Enrollment of `otherStudent` with `otherTeacher`. */
  otherEnrollmentId: string;
};

export type World = {
  t: TestApp;
  /** The actors' organisation. Actors: admin = a.admin, teacher = a.teacher, student = a.students[0]. */
  a: Org;
  /** Another organisation: nothing of it may be visible from A (404, never 403). */
  b: Org;
  password: string;
  /** The organisation a scope's resource lives in (own/other: A, foreign: B). */
  org(scope: Scope): Org;
  /** A fresh individual live session in the scope's organisation (own: teacher+students[0]; other/foreign:
   * otherTeacher+otherStudent), for routes that change or end a session. */
  freshLiveSession(scope: Scope, kind?: 'individual' | 'group'): Promise<string>;
  /** A new person of a role in the scope's organisation (e.g. a target to deactivate, or a cookie to log out). */
  throwaway(scope: Scope, role: Exclude<Role, 'anonymous'>): Promise<Session>;
  /** A unique, non-overlapping start time for anything scheduled. */
  slot(): string;
  /** Free-form ids other entries may stash (e.g. a training created once in `setup`). */
  ids: Record<string, string>;
};

export const actorOf = (w: World, role: Role): Session | null =>
  role === 'admin'
    ? w.a.admin
    : role === 'teacher'
      ? w.a.teacher
      : role === 'student'
        ? w.a.students[0]!
        : null;

async function org(t: TestApp, name: string, nextSlot: () => string): Promise<Org> {
  const s = await school(t, { name, students: 3 });
  const otherStudent = await t.person(s.orgId, 'student', `${name} other student`);
  const enrolled = await s.admin.post('/api/enrollments', {
    courseId: s.courseId,
    studentId: otherStudent.id,
    teacherId: s.otherTeacher.id,
    defaultLessonMinutes: 30,
    lessonCostTokens: 1,
  });
  if (enrolled.statusCode !== 201) throw new Error(`enrollment: ${enrolled.body}`);
  const partial = { ...s, otherStudent, otherEnrollmentId: enrolled.json().id as string };
  const schedule = async (teacherId: string, enrollmentId: string) => {
    const res = await s.admin.post('/api/live-sessions', {
      kind: 'individual',
      courseId: s.courseId,
      enrollmentId,
      teacherId,
      start: nextSlot(),
      durationMinutes: 30,
      timeZone: 'UTC',
    });
    if (res.statusCode !== 201) throw new Error(`live session: ${res.body}`);
    return res.json().id as string;
  };
  return {
    ...partial,
    liveSessionId: await schedule(s.teacher.id, s.enrollmentIds[0]!),
    otherLiveSessionId: await schedule(s.otherTeacher.id, partial.otherEnrollmentId),
  };
}

export async function buildWorld(t: TestApp): Promise<World> {
  let n = 0;
  // Every scheduled thing gets its own hour, far in the future, so nothing double-books.
  const slot = () => new Date(Date.UTC(2027, 0, 4, 0, 0) + n++ * 3_600_000).toISOString();
  const a = await org(t, 'Org A', slot);
  const b = await org(t, 'Org B', slot);
  const orgOf = (scope: Scope) => (scope === 'foreign' ? b : a);
  return {
    t,
    a,
    b,
    password: PASSWORD,
    org: orgOf,
    slot,
    ids: {},
    async freshLiveSession(scope, kind = 'individual') {
      const o = orgOf(scope);
      const own = scope === 'own';
      // Under load the read model may lag past the write's wait (the answer is then 404): settle, try again.
      let res = await schedule();
      if (res.statusCode !== 201) {
        await t.settle();
        res = await schedule();
      }
      if (res.statusCode !== 201) throw new Error(`fresh live session: ${res.body}`);
      return res.json().id as string;

      function schedule() {
        return o.admin.post('/api/live-sessions', {
          kind,
          courseId: o.courseId,
          ...(kind === 'individual'
            ? { enrollmentId: own ? o.enrollmentIds[0] : o.otherEnrollmentId }
            : { studentIds: [own ? o.students[0]!.id : o.otherStudent.id] }),
          teacherId: own ? o.teacher.id : o.otherTeacher.id,
          start: slot(),
          durationMinutes: 30,
          timeZone: 'UTC',
        });
      }
    },
    throwaway: (scope, role) => t.person(orgOf(scope).orgId, role),
  };
}
