// The teacher's calendar and the session never disagree: a reschedule the session refuses (a stale If-Match, a
// start in the past) leaves the slot where it was, so nothing else can be booked into the session's time.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

type Ctx = { t: TestApp; s: School };
const test = suite<Ctx>('rescheduling keeps the calendar');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 1 });
});
test.after(async ({ t }) => t.close());

const lesson = (s: School, start: string) =>
  s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[0],
    start,
    durationMinutes: 60,
    timeZone: 'UTC',
  });

for (const [name, start, headers, code] of [
  ['a stale If-Match', '2026-12-20T12:00:00.000Z', { 'if-match': '"99"' }, 412],
  ['a start in the past', '2026-01-01T12:00:00.000Z', {}, 409],
] as const) {
  test(`a reschedule refused for ${name} moves no slot`, async ({ t, s }) => {
    const day = name.includes('past') ? '2026-12-21' : '2026-12-20';
    const old = `${day}T09:00:00.000Z`;
    const first = await lesson(s, old);
    status(first, 201);
    const target = start.startsWith('2026-12-20') ? `${day}T12:00:00.000Z` : start;
    problem(
      await s.teacher.request(
        'POST',
        `/api/live-sessions/${first.json().id}/reschedule`,
        { start: target, durationMinutes: 60, timeZone: 'UTC' },
        headers,
      ),
      code,
    );
    const detail = (await s.teacher.get(`/api/live-sessions/${first.json().id}`)).json();
    assert.is(new Date(detail.start).toISOString(), old, 'the session did not move');
    problem(await lesson(s, old), 409);
    if (code === 412) status(await lesson(s, target), 201);
    await t.settle();
  });
}

test.run();
