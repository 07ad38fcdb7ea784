// recordPresence, the entry point the realtime gateway calls: repeats are harmless, strangers are refused,
// another organisation's session does not exist.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { rejects, status } from '../support/assert.js';
import { recordPresence } from '../../commands/presence.js';
import { ForbiddenError, NotFoundError, RuleViolation } from '../../domain/shared/errors.js';

type Ctx = { t: TestApp; s: School; sessionId: string };
const test = suite<Ctx>('presence from the realtime gateway');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
  const res = await ctx.s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: ctx.s.courseId,
    enrollmentId: ctx.s.enrollmentIds[0],
    start: '2026-11-24T09:00:00Z',
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  ctx.sessionId = res.json().id;
});
test.after(async ({ t }) => t.close());

const presence = (ctx: Ctx, personId: string, p: 'joined' | 'left', at: string, orgId = ctx.s.orgId) =>
  recordPresence(ctx.t.deps, { orgId, liveSessionId: ctx.sessionId, personId, presence: p, at });

test('joining twice and leaving twice append one event each', async (ctx) => {
  const { t, s } = ctx;
  const student = s.students[0]!.id;
  const before = await t.countEvents();
  await presence(ctx, student, 'joined', '2026-11-24T08:55:00.000Z');
  await presence(ctx, student, 'joined', '2026-11-24T08:56:00.000Z');
  await presence(ctx, student, 'left', '2026-11-24T09:30:00.000Z');
  await presence(ctx, student, 'left', '2026-11-24T09:31:00.000Z');
  assert.is(await t.countEvents(), before + 2);
  await presence(ctx, s.teacher.id, 'joined', '2026-11-24T08:58:00.000Z');
  assert.is(await t.countEvents(), before + 3, 'the teacher is in the room too');
});

test('a stranger is forbidden; another organisation sees no such session', async (ctx) => {
  const { s } = ctx;
  await rejects(
    () => presence(ctx, s.students[1]!.id, 'joined', '2026-11-24T09:00:00.000Z'),
    (e) => e instanceof ForbiddenError,
  );
  await rejects(
    () => presence(ctx, s.admin.id, 'joined', '2026-11-24T09:00:00.000Z'),
    (e) => e instanceof ForbiddenError,
  );
  const other = await ctx.t.organisation('Elsewhere');
  await rejects(
    () => presence(ctx, s.students[0]!.id, 'joined', '2026-11-24T09:00:00.000Z', other.orgId),
    (e) => e instanceof NotFoundError,
  );
});

test('the room opens 10 minutes before the start', async (ctx) => {
  await rejects(
    () => presence(ctx, ctx.s.students[0]!.id, 'joined', '2026-11-24T08:49:00.000Z'),
    (e) => e instanceof RuleViolation && e.code === 'room_not_open',
  );
});

test.run();
