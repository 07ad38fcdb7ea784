// Who may change a live session is judged on the state the change is decided on. A node that folded the session
// earlier (its cache) must not let a teacher change it after another node removed it: the change is refused as
// not found, and nothing is appended.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cluster, http, liveSession, organisation, type Cluster } from '../realtime/support/cluster.js';
import { postgresAvailable } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';
import { streamId as streamIdOf } from '../../commands/eventStore/streams.js';

if (!(await postgresAvailable())) {
  skippedSuite('access judged on the decided state', 'needs a Postgres server shared by two nodes', [
    'a teacher cannot change a session another node removed, though this node folded it before',
  ]);
} else {
  const test = suite<{ c: Cluster }>('access judged on the decided state');
  test.before(async (ctx) => {
    ctx.c = await cluster();
    await ctx.c.start(2);
  });
  test.after(async (ctx) => ctx.c.close());

  test('a teacher cannot change a session another node removed, though this node folded it before', async ({
    c,
  }) => {
    const [a, b] = c.nodes as [(typeof c.nodes)[0], (typeof c.nodes)[0]];
    const orgId = await organisation(c);
    const admin = await c.person(orgId, 'admin', 'Ada Admin');
    const teacher = await c.person(orgId, 'teacher', 'Tom Teacher');
    const other = await c.person(orgId, 'teacher', 'Olga Other');
    const student = await c.person(orgId, 'student', 'Sam Student');
    const { liveSessionId } = await liveSession(c, admin, teacher, [student]);
    const change = (who: typeof teacher, title: string) =>
      http(b, who, 'PATCH', `/api/live-sessions/${liveSessionId}`, {
        title,
        notes: null,
        courseLessonId: null,
      });

    // Node b folds the session while changing it; another teacher is refused there, as on any node.
    assert.is((await change(teacher, 'Warm-up')).status, 200);
    assert.is((await change(other, 'Not mine')).status, 404);

    // Node a removes it; node b's fold is now stale.
    const removed = await http(a, admin, 'POST', `/api/live-sessions/${liveSessionId}/deletion`, {
      reason: 'created by mistake',
    });
    assert.is(removed.status, 204);
    const stream = streamIdOf('liveSession', liveSessionId);
    const before = (await a.runtime.deps.eventStore.readStream(stream)).length;

    const late = await change(teacher, 'Too late');
    assert.is(late.status, 404, 'refused on the state it would have been appended after');
    assert.is((await a.runtime.deps.eventStore.readStream(stream)).length, before, 'nothing appended');
  });

  test.run();
}
