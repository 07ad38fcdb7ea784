// For the post-session summary tests: a student group with the Post-Session Summary switch on, and a group
// session of the course's second lesson that is started, worked in and ended on the test clock.
import type { TestApp } from '../support/app.js';
import type { School } from '../support/fixtures.js';
import { status } from '../support/assert.js';

/** A group of all the school's students, its Post-Session Summary switched on by the admin. */
export async function summaryGroup(t: TestApp, s: School, name: string) {
  const groupId = await t.group(
    s.orgId,
    name,
    s.students.map((p) => p.id),
  );
  status(await s.admin.request('PUT', `/api/groups/${groupId}/post-session-summary`, { enabled: true }), 200);
  return groupId;
}

/** A group session at `start` for `who`, started 5 minutes before, `during` it, then ended; returns its id. */
export async function endedSession(
  { t, s }: { t: TestApp; s: School },
  start: string,
  who: { studentGroupId?: string; studentIds?: string[] },
  during: (id: string) => Promise<void> = async () => {},
) {
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    courseLessonId: s.lessonIds[1],
    studentIds: who.studentIds ?? [],
    studentGroupId: who.studentGroupId ?? null,
    start,
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  const id = res.json().id as string;
  t.clock.set(new Date(Date.parse(start) - 5 * 60_000).toISOString());
  status(await s.teacher.post(`/api/live-sessions/${id}/start`), 200);
  await during(id);
  status(await s.teacher.post(`/api/live-sessions/${id}/end`), 200);
  await t.settle();
  return id;
}
