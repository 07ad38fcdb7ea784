// A training event's live room on one node with the in-process bus: trainers and registered learners of an
// online or hybrid event may join; others and in-person events are refused. The trainings read model is
// written directly here (it is the trainings feature's to fill); the access rule is roomAccess.ts's.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cluster, organisation, RoomClient, type Cluster, type Person } from './support/cluster.js';
import { postgresAvailable } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';

type Ctx = {
  c: Cluster;
  trainer: Person;
  learners: Person[];
  stranger: Person;
  online: string;
  inPerson: string;
  clients: RoomClient[];
};

const names = [
  'the trainer hosts, registered learners take part, a stranger is refused',
  'an in-person event has no live room',
  'chat and a poll in the training room; the non-responders are the registered learners',
];
const test = suite<Ctx>('training event room');

test.before(async (ctx) => {
  try {
    ctx.c = await cluster();
    await ctx.c.start(1);
    const orgId = await organisation(ctx.c);
    ctx.trainer = await ctx.c.person(orgId, 'teacher', 'Tina Trainer');
    ctx.learners = [await ctx.c.person(orgId, 'student', 'Lea'), await ctx.c.person(orgId, 'student', 'Leo')];
    ctx.stranger = await ctx.c.person(orgId, 'student', 'Sam Stranger');
    const db = ctx.c.nodes[0]!.runtime.deps.db;
    const trainingId = randomUUID();
    const sectionId = randomUUID();
    const now = ctx.c.clock.now().getTime();
    await db
      .insertInto('training_sections')
      .values({
        id: sectionId,
        training_id: trainingId,
        org_id: orgId,
        name: 'Morning',
        registration_opens: new Date(now - 86_400_000),
        registration_closes: new Date(now + 86_400_000),
        capacity: 10,
        trainer_ids: JSON.stringify([ctx.trainer.id]) as never,
        attendance_confirmation_required: false,
        approval_required: false,
        waitlist_enabled: false,
        waitlist_cutoff_minutes: 0,
        position: 0,
      })
      .execute();
    const event = (format: 'online' | 'in-person') => ({
      id: randomUUID(),
      training_id: trainingId,
      section_id: sectionId,
      org_id: orgId,
      starts_at: new Date(now + 5 * 60_000),
      ends_at: new Date(now + 65 * 60_000),
      time_zone: 'UTC',
      format,
      trainer_id: ctx.trainer.id,
      status: 'scheduled' as const,
    });
    const online = event('online');
    const inPerson = event('in-person');
    await db.insertInto('training_events').values([online, inPerson]).execute();
    await db
      .insertInto('training_registrations')
      .values(
        ctx.learners.map((l, i) => ({
          training_id: trainingId,
          learner_id: l.id,
          section_id: sectionId,
          org_id: orgId,
          status: 'registered' as const,
          via: 'self',
          since_revision: i,
        })),
      )
      .execute();
    ctx.online = `te-${online.id}`;
    ctx.inPerson = `te-${inPerson.id}`;
    ctx.clients = [];
  } catch (error) {
    console.error('setting up failed:', error);
    throw error;
  }
});
test.after.each(({ clients }) => {
  for (const client of clients.splice(0)) client.close();
});
test.after(async ({ c }) => c.close());

const connect = async (ctx: Ctx, who: Person) => {
  const client = await RoomClient.connect(ctx.c.nodes[0]!.url, who.cookie);
  ctx.clients.push(client);
  return client;
};

test(names[0]!, async (ctx) => {
  const trainer = await connect(ctx, ctx.trainer);
  const t = await trainer.join(ctx.online);
  assert.is(t.self.roomRole, 'host');
  const lea = await connect(ctx, ctx.learners[0]!);
  const l = await lea.join(ctx.online);
  assert.is(l.self.roomRole, 'participant');
  assert.ok(
    l.peers.some((p) => p.peerId === t.peerId),
    'the in-process bus carries presence',
  );
  const stranger = await connect(ctx, ctx.stranger);
  stranger.send({ type: 'join', roomId: ctx.online });
  assert.is((await stranger.next('error')).code, 'not_found');
});

test(names[1]!, async (ctx) => {
  const trainer = await connect(ctx, ctx.trainer);
  trainer.send({ type: 'join', roomId: ctx.inPerson });
  assert.is((await trainer.next('error')).code, 'not_found');
});

test(names[2]!, async (ctx) => {
  const trainer = await connect(ctx, ctx.trainer);
  await trainer.join(ctx.online);
  const lea = await connect(ctx, ctx.learners[0]!);
  await lea.join(ctx.online);
  lea.send({ type: 'chat.post', text: 'Good morning' });
  assert.is((await trainer.next('chat.message')).message.name, 'Lea');
  trainer.send({ type: 'poll.open', question: 'Coffee?', options: ['yes', 'no'], anonymous: false });
  const opened = await lea.next('poll.opened');
  lea.send({ type: 'poll.answer', pollId: opened.poll.pollId, option: 0 });
  const tally = await trainer.next('poll.tally');
  assert.equal(tally.poll.nonResponders, [ctx.learners[1]!.id]);
  trainer.send({ type: 'lesson.switch', lessonId: 'anything' });
  assert.is((await trainer.next('error')).code, 'not_found', 'no course lessons to switch to in a training');
});

if (await postgresAvailable()) test.run();
else skippedSuite('training event room', 'no Postgres server answers (a served node needs one)', names);
