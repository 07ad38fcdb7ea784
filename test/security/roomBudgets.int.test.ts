// Room budgets over the WebSocket, against a started server with small figures: a connection's stored document
// updates are refused past its message and byte budgets, a document stops growing at its size cap, a room holds
// a capped number of documents, and a browser that does not read what it is sent is closed with a reason (4408)
// instead of growing the server's memory.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { cluster, organisation, liveSession, RoomClient } from '../realtime/support/cluster.js';
import type { Cluster, Person } from '../realtime/support/cluster.js';
import { postgresAvailable } from '../support/services.js';

type Ctx = { c: Cluster; teacher: Person; students: Person[]; roomId: string; clients: RoomClient[] };
const test = suite<Ctx>('room budgets');
const enabled = await postgresAvailable();
const KiB = 1024;

test.before(async (ctx) => {
  if (!enabled) return;
  ctx.c = await cluster({
    env: {
      ROOM_UPDATES_PER_SECOND: '1',
      ROOM_UPDATES_BURST: '5',
      ROOM_UPDATE_BYTES_PER_SECOND: '1024',
      ROOM_UPDATE_BYTES_BURST: String(64 * KiB),
      ROOM_DOC_MAX_BYTES: String(48 * KiB),
      ROOM_MAX_DOCS: '4',
      ROOM_SEND_QUEUE_BYTES: String(256 * KiB),
    },
  });
  await ctx.c.start(1);
  const orgId = await organisation(ctx.c);
  const admin = await ctx.c.person(orgId, 'admin', 'Ada Admin');
  ctx.teacher = await ctx.c.person(orgId, 'teacher', 'Tereza Teacher');
  ctx.students = [];
  for (let i = 1; i <= 2; i++) ctx.students.push(await ctx.c.person(orgId, 'student', `Student ${i}`));
  ctx.roomId = (await liveSession(ctx.c, admin, ctx.teacher, ctx.students)).roomId;
  ctx.clients = [];
});
test.after(async (ctx) => {
  if (!enabled) return;
  for (const client of ctx.clients) client.close();
  await ctx.c.close();
});

/** A new connection (so a budget of its own) of `who`, joined to the room. */
const enter = async (ctx: Ctx, who: Person) => {
  const client = await RoomClient.connect(ctx.c.nodes[0]!.url, who.cookie);
  ctx.clients.push(client);
  const joined = await client.join(ctx.roomId);
  return { client, peerId: joined.peerId };
};

/** A y-protocols update message adding `size` bytes of text to a fresh document. */
const update = (size: number) => {
  const doc = new Y.Doc();
  let bytes: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (bytes = u));
  doc.getText('body').insert(0, randomBytes(size / 2).toString('hex'));
  const e = encoding.createEncoder();
  syncProtocol.writeUpdate(e, bytes!);
  return Buffer.from(encoding.toUint8Array(e)).toString('base64');
};
const stepOne = () => {
  const e = encoding.createEncoder();
  syncProtocol.writeSyncStep1(e, new Y.Doc());
  return Buffer.from(encoding.toUint8Array(e)).toString('base64');
};

/** Waits until the server has handled everything sent before (one connection's messages go in order). */
const handled = async (client: RoomClient) => {
  const ref = `ping-${Math.random()}`;
  client.send({ type: 'ping', ref });
  await client.next('pong', (m) => m.ref === ref, 15_000);
};
const errorsOf = (client: RoomClient) => client.all('error');

const storedUpdates = async (ctx: Ctx, doc: string) =>
  (
    await ctx.c.nodes[0]!.runtime.deps.db.selectFrom('room_doc_updates')
      .select('seq')
      .where('room_id', '=', ctx.roomId)
      .where('doc', '=', doc)
      .execute()
  ).length;

test('stored document updates past the message budget are refused and not stored', async (ctx) => {
  if (!enabled) return console.log('SKIPPED room budgets: no Postgres server');
  const { client } = await enter(ctx, ctx.teacher);
  for (let i = 0; i < 12; i++)
    client.send({ type: 'yjs.sync', doc: 'whiteboard', data: update(16), ref: `m${i}` });
  await handled(client);
  const refused = errorsOf(client).filter((e) => e.code === 'rate_limited');
  assert.ok(refused.length >= 1, 'a burst of 12 updates with a burst budget of 5 is refused in part');
  assert.ok(
    refused.every((e) => e.details?.budget === 'messages' && e.details?.doc === 'whiteboard'),
    JSON.stringify(refused[0]),
  );
  assert.match(refused[0]!.message, /not kept/);
  assert.is(await storedUpdates(ctx, 'whiteboard'), 12 - refused.length, 'only the accepted ones are stored');
});

test('stored document updates past the byte budget are refused', async (ctx) => {
  if (!enabled) return;
  // Students may draw on the whiteboard; each connection has a budget of its own.
  const { client } = await enter(ctx, ctx.students[0]!);
  const before = await storedUpdates(ctx, 'whiteboard');
  client.send({ type: 'yjs.sync', doc: 'whiteboard', data: update(40 * KiB), ref: 'b1' });
  client.send({ type: 'yjs.sync', doc: 'whiteboard', data: update(40 * KiB), ref: 'b2' });
  await handled(client);
  const errors = errorsOf(client);
  assert.is(errors.length, 1, JSON.stringify(errors));
  assert.is(errors[0]!.ref, 'b2');
  assert.is(errors[0]!.code, 'rate_limited');
  assert.is(errors[0]!.details?.budget, 'bytes');
  assert.is(await storedUpdates(ctx, 'whiteboard'), before + 1);
});

test('a document stops growing at its size cap; what was kept is what a joining peer gets', async (ctx) => {
  if (!enabled) return;
  const first = await enter(ctx, ctx.teacher);
  first.client.send({ type: 'yjs.sync', doc: 'lesson:size', data: update(30 * KiB), ref: 's1' });
  await handled(first.client);
  assert.equal(errorsOf(first.client), []);
  const second = await enter(ctx, ctx.teacher);
  second.client.send({ type: 'yjs.sync', doc: 'lesson:size', data: update(30 * KiB), ref: 's2' });
  await handled(second.client);
  const [full] = errorsOf(second.client);
  assert.is(full?.code, 'too_large', JSON.stringify(full));
  assert.is(full?.ref, 's2');
  assert.is(full?.details?.doc, 'lesson:size');
  assert.is(full?.details?.limitBytes, 48 * KiB);
  assert.match(full!.message, /lesson:size is full/);
  assert.is(await storedUpdates(ctx, 'lesson:size'), 1, 'the refused change is not stored');
});

test('a room holds a capped number of documents; another name is refused', async (ctx) => {
  if (!enabled) return;
  const { client } = await enter(ctx, ctx.teacher);
  // whiteboard and lesson:size exist; two more fit under the cap of 4.
  for (const doc of ['lesson', 'lesson:n1'] as const) {
    client.send({ type: 'yjs.sync', doc, data: stepOne(), ref: doc });
    await client.next('yjs.sync', (m) => m.doc === doc);
  }
  client.send({ type: 'yjs.sync', doc: 'lesson:n2', data: stepOne(), ref: 'n2' });
  await handled(client);
  const [refused] = errorsOf(client);
  assert.is(refused?.code, 'rule', JSON.stringify(refused));
  assert.is(refused?.ref, 'n2');
  assert.is(refused?.details?.code, 'too_many_documents');
  assert.is(refused?.details?.limit, 4);
  assert.is(client.all('yjs.sync').filter((m) => m.doc === 'lesson:n2').length, 0);
  // A name the room already has still works.
  client.send({ type: 'yjs.sync', doc: 'whiteboard', data: stepOne(), ref: 'wb' });
  await client.next('yjs.sync', (m) => m.doc === 'whiteboard');
});

test('a browser that does not read is closed with a reason (4408) and leaves the room', async (ctx) => {
  if (!enabled) return;
  const slow = await enter(ctx, ctx.students[1]!);
  const sender = await enter(ctx, ctx.teacher);
  // The slow browser stops reading; the kernel's socket buffers fill first, then the server's send queue.
  slow.client.ws.pause();
  const chunk = randomBytes(30 * KiB).toString('hex');
  for (let i = 0; i < 300; i++)
    sender.client.send({ type: 'signal', to: slow.peerId, data: { candidate: chunk, i } });
  await handled(sender.client);
  assert.equal(
    errorsOf(sender.client).filter((e) => e.code === 'rate_limited'),
    [],
    'signals are within their budget',
  );
  slow.client.ws.resume();
  const deadline = Date.now() + 30_000;
  while (!slow.client.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.is(slow.client.closed?.code, 4408, 'closed as a slow consumer');
  assert.match(slow.client.closed!.reason, /too slow: \d+ bytes were waiting to be sent \(at most 262144\)/);
  assert.ok(
    slow.client.all('signal').length < 300,
    'the signals after the limit were never queued for the slow browser',
  );
  await sender.client.next('peer.left', (m) => m.peerId === slow.peerId, 15_000);
});

test.run();
