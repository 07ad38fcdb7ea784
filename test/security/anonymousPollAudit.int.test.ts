// The audit log does not tell who answered an anonymous poll: the answer is there (when, which room), but with no
// actor and not under the person's name, in the list and in the CSV export; a named poll's answer keeps its actor.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cluster, organisation, liveSession, RoomClient, http } from '../realtime/support/cluster.js';
import type { Cluster, Person } from '../realtime/support/cluster.js';
import { postgresAvailable } from '../support/services.js';

type Ctx = { c: Cluster; admin: Person; teacher: Person; student: Person; roomId: string };
const test = suite<Ctx>('anonymous polls in the audit log');
const enabled = await postgresAvailable();

type AuditRow = { type: string; actorId: string | null; actorName: string | null; streamId: string };

test.before(async (ctx) => {
  if (!enabled) return;
  ctx.c = await cluster();
  await ctx.c.start(1);
  const orgId = await organisation(ctx.c);
  ctx.admin = await ctx.c.person(orgId, 'admin', 'Ada Admin');
  ctx.teacher = await ctx.c.person(orgId, 'teacher', 'Tereza Teacher');
  ctx.student = await ctx.c.person(orgId, 'student', 'Sofia Student');
  ctx.roomId = (await liveSession(ctx.c, ctx.admin, ctx.teacher, [ctx.student])).roomId;
});
test.after(async (ctx) => {
  if (enabled) await ctx.c.close();
});

/** The audit rows of poll answers, once the audit log has `count` of them (it follows the log). */
async function answersInAudit(ctx: Ctx, count: number, query = '') {
  for (let i = 0; ; i++) {
    const res = await http(ctx.c.nodes[0]!, ctx.admin, 'GET', `/api/audit?type=RoomPollAnswered${query}`);
    assert.is(res.status, 200, JSON.stringify(res.body));
    const rows = res.body.events as AuditRow[];
    if (rows.length >= count || i >= 300) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('an answer to an anonymous poll has no actor and is not listed under the person', async (ctx) => {
  if (!enabled) return console.log('SKIPPED anonymous polls in the audit log: no Postgres server');
  const teacher = await RoomClient.connect(ctx.c.nodes[0]!.url, ctx.teacher.cookie);
  const student = await RoomClient.connect(ctx.c.nodes[0]!.url, ctx.student.cookie);
  try {
    await teacher.join(ctx.roomId);
    await student.join(ctx.roomId);
    for (const anonymous of [true, false]) {
      teacher.send({
        type: 'poll.open',
        question: `anonymous ${anonymous}?`,
        options: ['a', 'b'],
        anonymous,
      });
      const { poll } = await student.next('poll.opened', (m) => m.poll.anonymous === anonymous);
      student.send({ type: 'poll.answer', pollId: poll.pollId, option: 1 });
      await teacher.next('poll.tally', (m) => m.poll.pollId === poll.pollId && m.poll.responded === 1);
    }
  } finally {
    teacher.close();
    student.close();
  }

  const rows = await answersInAudit(ctx, 2);
  assert.is(rows.length, 2, JSON.stringify(rows));
  // Newest first: the named poll's answer, then the anonymous one.
  const [named, anonymous] = rows as [AuditRow, AuditRow];
  assert.is(named.actorId, ctx.student.id, "a named poll's answer keeps who answered");
  assert.is(named.actorName, 'Sofia Student');
  assert.is(anonymous.actorId, null, "an anonymous poll's answer has no actor");
  assert.is(anonymous.actorName, null);
  assert.is(anonymous.streamId, named.streamId, 'both are answers in the same room');

  const hers = await answersInAudit(ctx, 1, `&personId=${ctx.student.id}`);
  assert.is(hers.length, 1, 'only the named answer is listed under the student');
  assert.is(hers[0]!.actorId, ctx.student.id);

  const csv = await ctx.c.nodes[0]!.app.inject({
    method: 'GET',
    url: '/api/audit.csv?type=RoomPollAnswered',
    headers: { cookie: ctx.admin.cookie },
  });
  assert.is(csv.statusCode, 200, csv.body);
  const lines = csv.body.trim().split(/\r?\n/).slice(1);
  assert.is(lines.length, 2, csv.body);
  assert.is(
    lines.filter((l) => l.includes(ctx.student.id)).length,
    1,
    'the export names her once, for the named poll',
  );
});

test.run();
