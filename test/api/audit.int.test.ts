// The audit log: an admin answers "who changed this session, and when", filters, pages and exports CSV.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

type Row = { type: string; actorId: string; actorName: string; at: string; liveSessionId: string | null };

const test = suite<{ t: TestApp; s: School; sessionId: string }>('audit log');
test.before(async (ctx) => {
  const t = (ctx.t = (await testApp())!);
  const s = (ctx.s = await school(t));
  t.clock.set('2026-11-23T09:00:00Z');
  const created = await s.admin.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[0],
    teacherId: s.teacher.id,
    start: '2026-11-30T10:00:00Z',
    timeZone: 'UTC',
  });
  status(created, 201);
  ctx.sessionId = created.json().id;
  t.clock.set('2026-11-24T12:30:00Z');
  status(
    await s.teacher.post(`/api/live-sessions/${ctx.sessionId}/reschedule`, {
      start: '2026-11-30T11:00:00Z',
      durationMinutes: 45,
      timeZone: 'UTC',
    }),
    200,
  );
  t.clock.set('2026-11-25T08:15:00Z');
  status(await s.teacher.post(`/api/live-sessions/${ctx.sessionId}/cancel`, { reason: 'ill' }), 200);
  await t.settle();
});
test.after(async ({ t }) => t.close());

test('who changed this session, and when', async ({ s, sessionId }) => {
  const res = await s.admin.get(`/api/audit?liveSessionId=${sessionId}&order=asc`);
  status(res, 200);
  const rows = res.json().events as Row[];
  const story = rows
    .filter((r) => r.type.startsWith('LiveSession'))
    .map((r) => `${r.at} ${r.actorName} ${r.type}`);
  assert.equal(story, [
    '2026-11-23T09:00:00.000Z Admin LiveSessionScheduled',
    '2026-11-24T12:30:00.000Z Tereza Teacher LiveSessionRescheduled',
    '2026-11-25T08:15:00.000Z Tereza Teacher LiveSessionCanceled',
  ]);
  assert.ok(rows.every((r) => r.actorId === s.admin.id || r.actorId === s.teacher.id));
});

test('filters: person, event type and time range', async ({ s, sessionId }) => {
  const byTeacher = (
    await s.admin.get(`/api/audit?personId=${s.teacher.id}&type=LiveSessionCanceled`)
  ).json();
  assert.equal(
    byTeacher.events.map((r: Row) => r.liveSessionId),
    [sessionId],
  );
  const student = (await s.admin.get(`/api/audit?personId=${s.students[0]!.id}`)).json().events as Row[];
  assert.ok(
    student.some((r) => r.type === 'LiveSessionScheduled'),
    'the student is the subject of the scheduling, though not its actor',
  );
  assert.ok(student.some((r) => r.type === 'StudentEnrolled' || r.type.includes('Enroll')));
  const day = (
    await s.admin.get(`/api/audit?from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z&order=asc`)
  ).json().events as Row[];
  assert.ok(day.length > 0);
  assert.ok(day.every((r) => r.at.startsWith('2026-11-24')));
  problem(
    await s.admin.get('/api/audit?from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z'),
    400,
    'validation',
  );
  problem(await s.admin.get('/api/audit?type=DROP%20TABLE'), 400, 'validation');
});

test('a training filter finds events of the training stream and events that mention it', async ({ t, s }) => {
  const trainingId = randomUUID();
  const metadata = (at: string) => ({
    commandId: randomUUID(),
    correlationId: 'probe',
    causationId: 'probe',
    actorId: s.admin.id,
    orgId: s.orgId,
    at,
  });
  // Event types only the audit log handles, so no other read model sees these probes.
  await t.deps.eventStore.appendToStream(
    `training-${trainingId}`,
    [{ type: 'AuditProbeOnTraining', data: { trainingId }, metadata: metadata('2026-11-26T10:00:00Z') }],
    { expectedRevision: 'any' },
  );
  await t.deps.eventStore.appendToStream(
    `somethingElse-${randomUUID()}`,
    [
      {
        type: 'AuditProbeMentioningTraining',
        data: { nested: { trainingId }, learnerIds: [s.students[1]!.id] },
        metadata: metadata('2026-11-26T11:00:00Z'),
      },
    ],
    { expectedRevision: 'any' },
  );
  await t.settle();
  const rows = (await s.admin.get(`/api/audit?trainingId=${trainingId}&order=asc`)).json().events as {
    type: string;
    trainingId: string | null;
  }[];
  assert.equal(
    rows.map((r) => r.type),
    ['AuditProbeOnTraining', 'AuditProbeMentioningTraining'],
  );
  assert.is(rows[0]!.trainingId, trainingId);
  const learner = (
    await s.admin.get(`/api/audit?personId=${s.students[1]!.id}&type=AuditProbeMentioningTraining`)
  ).json();
  assert.is(learner.events.length, 1, 'a person named in a list of ids is a subject too');
});

test('keyset pages cover every event once, in order', async ({ t, s }) => {
  const all = (await s.admin.get('/api/audit?limit=500&order=asc')).json().events as { eventId: string }[];
  assert.ok(all.length >= 10, `${all.length} events`);
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/audit?limit=3&order=asc${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await s.admin.get(url)).json();
    seen.push(...page.events.map((e: { eventId: string }) => e.eventId));
    cursor = page.next;
    pages++;
  } while (cursor && pages < 1000);
  assert.equal(
    seen,
    all.map((e) => e.eventId),
  );
  problem(await s.admin.get('/api/audit?cursor=bm9wZQ'), 400, 'validation');
  assert.ok(t);
});

test('CSV export streams the same rows', async ({ s, sessionId }) => {
  const res = await s.admin.get(`/api/audit.csv?liveSessionId=${sessionId}&order=asc`);
  status(res, 200);
  assert.match(String(res.headers['content-type']), /text\/csv/);
  const lines = res.body.trim().split('\r\n');
  assert.is(
    lines[0],
    'at,type,actorId,actorName,streamId,streamRevision,liveSessionId,trainingId,correlationId,causationId,eventId',
  );
  assert.ok(
    lines.some(
      (l) => l.startsWith('2026-11-24T12:30:00.000Z,LiveSessionRescheduled,') && l.includes('Tereza Teacher'),
    ),
  );
  const json = (await s.admin.get(`/api/audit?liveSessionId=${sessionId}&limit=500`)).json().events;
  assert.is(lines.length - 1, json.length);
});

test('only admins read the audit log, and only their own organisation', async ({ t, s, sessionId }) => {
  problem(await s.teacher.get('/api/audit'), 403);
  problem(await s.students[0]!.get('/api/audit.csv'), 403);
  const other = await t.organisation('Elsewhere');
  const res = await other.admin.get(`/api/audit?liveSessionId=${sessionId}`);
  status(res, 200);
  assert.equal(res.json().events, []);
  const everything = await other.admin.get('/api/audit?limit=500');
  assert.not.ok(everything.body.includes(sessionId));
  assert.not.ok((await other.admin.get('/api/audit.csv')).body.includes(sessionId));
});

test.run();
