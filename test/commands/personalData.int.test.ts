// Personal text in the log: sealed with its person's key on append, opened on read, "[erased]" once the key is
// destroyed, for either adapter (EventStoreDB where EVENTSTORE_URL is set; keys always live in the database).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Db } from '../../db/schema.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import type { EventMetadata, EventStore } from '../../commands/eventStore/port.js';
import { withPersonalData } from '../../commands/eventStore/personalData/store.js';
import { destroyKey } from '../../commands/eventStore/personalData/keys.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';
import { open, seal } from '../../commands/eventStore/personalData/cipher.js';

type Harness = { store: EventStore; db: Db; raw(streamId: string): Promise<string>; close(): Promise<void> };

const AT = '2026-11-02T10:00:00.000Z';
const meta = (actorId: string | null = null): EventMetadata => ({
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actorId,
  orgId: randomUUID(),
  at: AT,
});

async function pglite(): Promise<Harness> {
  const conn = await connectDatabase({});
  await migrateToLatest(conn.db);
  const store = withPersonalData(await postgresEventStore(conn.db, { kind: 'pglite' }), conn.db);
  return {
    store,
    db: conn.db,
    async raw(streamId) {
      const { rows } = await sql<{ data: string }>`
        SELECT data::text AS data FROM events WHERE stream_id = ${streamId} ORDER BY stream_revision`.execute(
        conn.db,
      );
      return rows.map((r) => r.data).join('\n');
    },
    async close() {
      await store.close();
      await conn.close();
    },
  };
}

async function eventStoreDbHarness(url: string): Promise<Harness> {
  const { eventStoreDb } = await import('../../commands/eventStore/eventStoreDb.js');
  const keys = await connectDatabase({});
  await migrateToLatest(keys.db);
  const inner = eventStoreDb(url);
  const store = withPersonalData(inner, keys.db);
  return {
    store,
    db: keys.db,
    async raw(streamId) {
      return JSON.stringify((await inner.readStream(streamId)).map((e) => e.data));
    },
    async close() {
      await store.close();
      await keys.close();
    },
  };
}

function sealing(name: string, openHarness: () => Promise<Harness>) {
  const test = suite<{ h: Harness }>(`personal data in the log: ${name}`);
  test.before.each(async (ctx) => {
    ctx.h = await openHarness();
  });
  test.after.each(async ({ h }) => h.close());

  test('chat text is sealed in the log, read back as written, and "[erased]" once the key is gone', async ({
    h,
  }) => {
    const [anna, ben, roomId] = [randomUUID(), randomUUID(), randomUUID()];
    const stream = `room-${roomId}`;
    const posted = (personId: string, text: string) => ({
      type: 'RoomChatMessagePosted',
      data: { roomId, at: AT, messageId: randomUUID(), personId, text },
      metadata: meta(personId),
    });
    await h.store.appendToStream(stream, [posted(anna, 'Anna’s secret plan'), posted(ben, 'Ben says hi')], {
      expectedRevision: 'no_stream',
    });
    const raw = await h.raw(stream);
    assert.not.ok(raw.includes('secret plan'), 'no plaintext in the stored event');
    assert.not.ok(raw.includes('Ben says hi'));
    assert.ok(raw.includes('"$pii"'), 'sealed fields are marked with their person');
    assert.equal(
      (await h.store.readStream(stream)).map((e) => (e.data as { text: string }).text),
      ['Anna’s secret plan', 'Ben says hi'],
    );

    await destroyKey(h.db, anna, new Date(AT));
    const texts = async (events: { streamId: string; data: unknown }[]) =>
      events.filter((e) => e.streamId === stream).map((e) => (e.data as { text: string }).text);
    assert.equal(await texts(await h.store.readStream(stream)), [ERASED_TEXT, 'Ben says hi']);
    assert.equal(await texts(await h.store.readAll({ limit: 10_000 })), [ERASED_TEXT, 'Ben says hi']);

    // Text about an erased person is never sealed under a new key: it is stored as the placeholder.
    await h.store.appendToStream(stream, [posted(anna, 'written after erasure')], { expectedRevision: 1 });
    assert.not.ok((await h.raw(stream)).includes('written after erasure'));
    assert.equal((await texts(await h.store.readStream(stream, { fromRevision: 2 })))[0], ERASED_TEXT);
  });

  test('arrays and nested items are sealed per person; numbers and ids stay readable', async ({ h }) => {
    const [sessionId, anna, ben, teacher] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const record = (studentId: string, reason: string | null) => ({
      studentId,
      status: 'present',
      reason,
      minutesPresent: 50,
      late: false,
      firstJoinedAt: null,
    });
    const data = {
      liveSessionId: sessionId,
      action: 'finish_and_deduct',
      notes: { covered: 'Past tense', struggled: null, next: 'Irregular verbs' },
      attendance: [record(anna, 'joined by phone from the hospital'), record(ben, null)],
      charges: [{ studentId: anna, enrollmentId: null, tokens: 3 }],
      refused: [],
      at: AT,
    };
    const stream = `liveSession-${sessionId}`;
    await h.store.appendToStream(stream, [{ type: 'LiveSessionCompleted', data, metadata: meta(teacher) }], {
      expectedRevision: 'any',
    });
    const raw = await h.raw(stream);
    for (const text of ['hospital', 'Past tense', 'Irregular verbs']) assert.not.ok(raw.includes(text), text);
    assert.equal((await h.store.readStream(stream))[0]!.data, data);

    await destroyKey(h.db, anna, new Date(AT));
    const read = (await h.store.readStream(stream))[0]!.data as typeof data;
    assert.is(read.attendance[0]!.reason, ERASED_TEXT);
    assert.is(read.attendance[1]!.reason, null);
    assert.equal(read.notes, data.notes, "the teacher's notes are the teacher's");
    assert.equal(read.charges, data.charges, 'charges intact');
  });

  return test;
}

const seals = suite('personal data: the seal');
seals('opens only with its key and for its person', () => {
  const key = Buffer.alloc(32, 7);
  const sealed = seal(key, 'a', 'hello');
  assert.is(open(key, sealed), 'hello');
  assert.throws(() => open(Buffer.alloc(32, 8), sealed));
  assert.throws(() => open(key, { ...sealed, $pii: 'b' }));
});
seals.run();

sealing('pglite', pglite).run();
if (process.env.EVENTSTORE_URL)
  sealing('eventstoredb', () => eventStoreDbHarness(process.env.EVENTSTORE_URL!)).run();
else console.log('  (EventStoreDB sealing checks skipped: EVENTSTORE_URL is not set)');
