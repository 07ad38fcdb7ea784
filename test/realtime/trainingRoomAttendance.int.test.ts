// Attendance from presence in a training event's live room: a registered learner in the room once the event has
// started is marked as attended with source `presence` (by the process trainingPresence), once however often
// they join; a trainer or someone not registered is not; where the section requires it, the mark counts only
// once the trainer confirms it. Over a served node (the WebSocket gateway) with the HTTP API of the same app.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type Session, type TestApp } from '../support/app.js';
import { status } from '../support/assert.js';
import { testClock } from '../support/clock.js';
import { RoomClient } from './support/cluster.js';
import { publishedTraining, eventBody, trainingSchool, type TrainingSchool } from '../api/trainingFixture.js';
import { recordTrainingRoomPresence } from '../../commands/trainingPresence.js';
import { trainingPresenceProcess } from '../../commands/processes/trainingPresence.js';
import { PRESENCE_RECHECK_MS } from '../../realtime/trainingPresence.js';
import type { RecordedDomainEvent } from '../../commands/logConsumer/domainEvents.js';

type Training = { trainingId: string; sectionId: string; eventId: string };
type Ctx = {
  t: TestApp;
  s: TrainingSchool;
  url: string;
  open: Training;
  confirmed: Training;
  clients: RoomClient[];
};

const test = suite<Ctx>('attendance from presence in the training room');

/** A published training with one section of one online event (5 December, 09:00-12:00 UTC). */
async function training(s: TrainingSchool, learners: Session[], confirmation: boolean): Promise<Training> {
  const { trainingId, sectionId, eventIds } = await publishedTraining(s, {
    events: [eventBody(s, 5)],
    attendanceConfirmationRequired: confirmation,
  });
  for (const learner of learners)
    status(await learner.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`), 201);
  return { trainingId, sectionId, eventId: eventIds[0]! };
}

test.before(async (ctx) => {
  ctx.t = (await testApp({ clock: testClock('2026-11-23T08:00:00.000Z') }))!;
  ctx.s = await trainingSchool(ctx.t, 3);
  const [lea, leo, lia] = ctx.s.learners as [Session, Session, Session];
  ctx.open = await training(ctx.s, [lea, leo], false);
  ctx.confirmed = await training(ctx.s, [lia], true);
  await ctx.t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = ctx.t.app.server.address() as { port: number };
  ctx.url = `ws://127.0.0.1:${port}/rt`;
  ctx.clients = [];
  await ctx.t.settle();
});
test.after.each(({ clients }) => {
  for (const client of clients.splice(0)) client.close();
});
test.after(async ({ t }) => t.close());

const connect = async (ctx: Ctx, who: Session) => {
  const client = await RoomClient.connect(ctx.url, who.cookie);
  ctx.clients.push(client);
  return client;
};

const events = async (ctx: Ctx, trainingId: string, type: string, learnerId: string) =>
  (await ctx.t.deps.eventStore.readStream(`training-${trainingId}`)).filter(
    (e) => e.type === type && (e.data as { learnerId?: string }).learnerId === learnerId,
  );

const presences = async (ctx: Ctx, eventId: string) =>
  ctx.t.deps.eventStore.readStream(`trainingRoomPresence-${eventId}`);

/** Waits (up to `ms`) until the learner's attendance mark for the event is in the read model. */
async function markOf(ctx: Ctx, eventId: string, learnerId: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    await ctx.t.settle();
    const row = await ctx.t.deps.db
      .selectFrom('training_attendance')
      .select(['attended', 'confirmed', 'source'])
      .where('training_event_id', '=', eventId)
      .where('learner_id', '=', learnerId)
      .executeTakeFirst();
    if (row || Date.now() > deadline) return row ?? null;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const progress = async (ctx: Ctx, trainingId: string, learnerId: string) => {
  const res = await ctx.s.trainer.get(`/api/trainings/${trainingId}/completion`);
  status(res, 200);
  return (res.json() as { learnerId: string; attended: number; completed: boolean }[]).find(
    (p) => p.learnerId === learnerId,
  );
};

test('a learner who joins early is marked present once the event starts, if still in the room', async (ctx) => {
  const leo = ctx.s.learners[1]!;
  ctx.t.clock.set('2026-12-05T08:55:00.000Z'); // the room opens 10 minutes before 09:00
  const client = await connect(ctx, leo);
  await client.join(`te-${ctx.open.eventId}`);
  await new Promise((r) => setTimeout(r, 300));
  assert.is((await presences(ctx, ctx.open.eventId)).length, 0, 'nothing recorded before the start');
  ctx.t.clock.set('2026-12-05T09:01:00.000Z');
  const mark = await markOf(ctx, ctx.open.eventId, leo.id, PRESENCE_RECHECK_MS + 10_000);
  assert.equal(mark, { attended: true, confirmed: false, source: 'presence' });
});

test('a registered learner in the room is marked attended by presence, once however often they join', async (ctx) => {
  const lea = ctx.s.learners[0]!;
  ctx.t.clock.set('2026-12-05T09:10:00.000Z');
  const trainer = await connect(ctx, ctx.s.trainer);
  assert.is((await trainer.join(`te-${ctx.open.eventId}`)).self.roomRole, 'host');
  const first = await connect(ctx, lea);
  await first.join(`te-${ctx.open.eventId}`);
  assert.equal(await markOf(ctx, ctx.open.eventId, lea.id), {
    attended: true,
    confirmed: false,
    source: 'presence',
  });
  assert.equal(await progress(ctx, ctx.open.trainingId, lea.id), {
    learnerId: lea.id,
    attended: 1,
    total: 1,
    completed: true,
  });

  // Leaves, comes back, and opens a second tab.
  first.send({ type: 'leave' });
  await new Promise((r) => setTimeout(r, 200));
  ctx.t.clock.set('2026-12-05T09:30:00.000Z');
  await first.join(`te-${ctx.open.eventId}`);
  const second = await connect(ctx, lea);
  await second.join(`te-${ctx.open.eventId}`);
  await new Promise((r) => setTimeout(r, 500));
  await ctx.t.settle();
  const recorded = await events(ctx, ctx.open.trainingId, 'AttendanceRecorded', lea.id);
  assert.is(recorded.length, 1, 'one mark');
  assert.equal(recorded[0]!.data, {
    trainingId: ctx.open.trainingId,
    sectionId: ctx.open.sectionId,
    trainingEventId: ctx.open.eventId,
    learnerId: lea.id,
    attended: true,
    by: null,
    source: 'presence',
  });
  assert.is(
    (await presences(ctx, ctx.open.eventId)).filter(
      (e) => (e.data as { learnerId: string }).learnerId === lea.id,
    ).length,
    1,
    'one presence',
  );

  // The process is at least once: the same presence handed to it again marks nothing more.
  const presence = (await presences(ctx, ctx.open.eventId)).find(
    (e) => (e.data as { learnerId: string }).learnerId === lea.id,
  )!;
  await trainingPresenceProcess(ctx.t.deps).handle(presence as RecordedDomainEvent);
  assert.is((await events(ctx, ctx.open.trainingId, 'AttendanceRecorded', lea.id)).length, 1);
});

test('the trainer and people not registered for the event get no attendance from presence', async (ctx) => {
  const { trainer, outsider, learners } = ctx.s;
  const lia = learners[2]!; // registered in the other training only
  ctx.t.clock.set('2026-12-05T09:15:00.000Z');
  const before = await presences(ctx, ctx.open.eventId);
  const host = await connect(ctx, trainer);
  await host.join(`te-${ctx.open.eventId}`);
  for (const who of [outsider, lia]) {
    const client = await connect(ctx, who);
    client.send({ type: 'join', roomId: `te-${ctx.open.eventId}` });
    assert.is((await client.next('error')).code, 'not_found', 'not a member of the room');
  }
  // Asked directly, the command refuses too, and records nothing.
  for (const who of [outsider, lia, trainer])
    try {
      await recordTrainingRoomPresence(ctx.t.deps, {
        orgId: ctx.s.orgId,
        trainingEventId: ctx.open.eventId,
        learnerId: who.id,
        at: ctx.t.clock.now().toISOString(),
      });
      assert.unreachable('presence of someone not registered was recorded');
    } catch (error) {
      assert.is((error as { code?: string }).code, 'learner_not_registered');
    }
  await new Promise((r) => setTimeout(r, 300));
  assert.is((await presences(ctx, ctx.open.eventId)).length, before.length);
  for (const who of [outsider, lia, trainer]) assert.is(await markOf(ctx, ctx.open.eventId, who.id, 0), null);
});

test('where the section requires confirmation, a presence mark counts once the trainer confirms it', async (ctx) => {
  const lia = ctx.s.learners[2]!;
  ctx.t.clock.set('2026-12-05T09:20:00.000Z');
  const client = await connect(ctx, lia);
  await client.join(`te-${ctx.confirmed.eventId}`);
  assert.equal(await markOf(ctx, ctx.confirmed.eventId, lia.id), {
    attended: true,
    confirmed: false,
    source: 'presence',
  });
  assert.equal(await progress(ctx, ctx.confirmed.trainingId, lia.id), {
    learnerId: lia.id,
    attended: 0,
    total: 1,
    completed: false,
  });
  status(
    await ctx.s.trainer.post(
      `/api/trainings/${ctx.confirmed.trainingId}/events/${ctx.confirmed.eventId}/attendance/confirm`,
      { marks: [{ learnerId: lia.id, attended: true }] },
    ),
    200,
  );
  assert.equal(await markOf(ctx, ctx.confirmed.eventId, lia.id), {
    attended: true,
    confirmed: true,
    source: 'trainer',
  });
  assert.equal(await progress(ctx, ctx.confirmed.trainingId, lia.id), {
    learnerId: lia.id,
    attended: 1,
    total: 1,
    completed: true,
  });
});

test('a presence after the trainer confirmed the attendance leaves the confirmed mark alone', async (ctx) => {
  const lia = ctx.s.learners[2]!;
  status(
    await ctx.s.trainer.post(
      `/api/trainings/${ctx.confirmed.trainingId}/events/${ctx.confirmed.eventId}/attendance/confirm`,
      { marks: [{ learnerId: lia.id, attended: false }] },
    ),
    200,
  );
  const presence = (await presences(ctx, ctx.confirmed.eventId))[0]!;
  await trainingPresenceProcess(ctx.t.deps).handle(presence as RecordedDomainEvent);
  assert.equal(await markOf(ctx, ctx.confirmed.eventId, lia.id), {
    attended: false,
    confirmed: true,
    source: 'trainer',
  });
});

test.run();
