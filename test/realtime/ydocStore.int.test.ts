// The shared documents' storage: every update is kept, snapshots compact them, and a node that loads a
// document later (another node, or after a restart) sees every update any node stored.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as Y from 'yjs';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { roomDocs } from '../../realtime/docs.js';
import { testDatabase, type TestDatabase } from '../support/services.js';

type Ctx = { database: TestDatabase; connection: Awaited<ReturnType<typeof connectDatabase>> };
const test = suite<Ctx>('room documents storage');

test.before(async (ctx) => {
  ctx.database = (await testDatabase())!;
  ctx.connection = await connectDatabase({ url: ctx.database.url });
  await migrateToLatest(ctx.connection.db);
});
test.after(async (ctx) => {
  await ctx.connection.close();
  await ctx.database.drop();
});

const typing = (doc: Y.Doc, text: string) => {
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array) => updates.push(u);
  doc.on('update', collect);
  for (const ch of text) doc.getText('body').insert(doc.getText('body').length, ch);
  doc.off('update', collect);
  return updates;
};

test('updates stored by two nodes, compacted into a snapshot, reload as one document', async ({
  connection,
}) => {
  const db = connection.db;
  const nodeA = roomDocs(db);
  const nodeB = roomDocs(db);
  const roomId = 'ls-00000000-0000-4000-8000-000000000001';
  const alice = new Y.Doc();
  const bob = new Y.Doc();
  const fromAlice = typing(alice, 'a'.repeat(150));
  const fromBob = typing(bob, 'b'.repeat(60));
  for (const u of fromAlice) await nodeA.store(roomId, 'lesson', u, '00000000-0000-4000-8000-00000000000a');
  for (const u of fromBob) await nodeB.store(roomId, 'lesson', u, '00000000-0000-4000-8000-00000000000b');

  const snapshot = await db.selectFrom('room_doc_snapshots').selectAll().executeTakeFirst();
  assert.ok(snapshot, 'a snapshot was written after 100 updates');
  const count = await db.selectFrom('room_doc_updates').select(db.fn.countAll().as('n')).executeTakeFirst();
  assert.is(Number(count!.n), 210, 'every update is kept as it arrived');

  const later = roomDocs(db);
  const text = (await later.get(roomId, 'lesson')).getText('body').toString();
  assert.is(text.replace(/b/g, '').length, 150, "all of Alice's characters");
  assert.is(text.replace(/a/g, '').length, 60, "all of Bob's characters, stored by the other node");
  const other = await later.get(roomId, 'whiteboard');
  assert.is(other.getText('body').toString(), '', 'documents are separate');
});

test.run();
