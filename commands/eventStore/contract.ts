// The contract every EventStore adapter passes. Each adapter's test file calls `eventStoreContract` with a
// factory for a fresh, empty store.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConcurrencyError } from '../../domain/shared/errors.js';
import type { EventStore, RecordedEvent } from './port.js';
import { newEvents, stream, type ContractHarness, type ContractSuite } from './contractSupport.js';
export { newEvents, type ContractHarness } from './contractSupport.js';
import { idempotencyCases } from './contractIdempotency.js';

async function readEverything(
  store: EventStore,
  after: string | null = null,
  limit = 500,
): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for (let cursor = after; ;) {
    const page = await store.readAll({ after: cursor, limit });
    out.push(...page);
    if (page.length < limit) return out;
    cursor = page[page.length - 1]!.position;
  }
}

export function eventStoreContract(
  name: string,
  open: () => Promise<ContractHarness>,
  options: { concurrentWriters?: number } = {},
) {
  const test: ContractSuite = suite<{ h: ContractHarness }>(`event store contract: ${name}`);
  test.before.each(async (ctx) => {
    ctx.h = await open();
  });
  test.after.each(async (ctx) => {
    await ctx.h.close();
  });

  test('appends to a new stream and reads it back in order, data and metadata intact', async ({ h }) => {
    const s = stream();
    const events = newEvents(3);
    const result = await h.store.appendToStream(s, events, { expectedRevision: 'no_stream' });
    assert.is(result.nextRevision, 2);
    assert.is(result.replayed, false);
    const read = await h.store.readStream(s);
    assert.equal(
      read.map((e) => e.streamRevision),
      [0, 1, 2],
    );
    assert.equal(
      read.map((e) => e.data),
      events.map((e) => e.data),
    );
    assert.equal(read[0]!.metadata, events[0]!.metadata);
    assert.equal(
      read.map((e) => e.eventId),
      result.eventIds,
    );
  });

  test('a missing stream reads as empty', async ({ h }) => {
    assert.equal(await h.store.readStream(stream()), []);
  });

  test('expected revisions: no_stream, exact, stream_exists and any', async ({ h }) => {
    const s = stream();
    await rejects(
      () => h.store.appendToStream(s, newEvents(1), { expectedRevision: 0 }),
      (e: unknown) => e instanceof ConcurrencyError,
    );
    await rejects(
      () => h.store.appendToStream(s, newEvents(1), { expectedRevision: 'stream_exists' }),
      (e: unknown) => e instanceof ConcurrencyError,
    );
    await h.store.appendToStream(s, newEvents(1), { expectedRevision: 'no_stream' });
    await rejects(
      () => h.store.appendToStream(s, newEvents(1), { expectedRevision: 'no_stream' }),
      (e: unknown) => e instanceof ConcurrencyError,
    );
    await rejects(
      () => h.store.appendToStream(s, newEvents(1), { expectedRevision: 5 }),
      (e: unknown) => e instanceof ConcurrencyError,
    );
    assert.is((await h.store.appendToStream(s, newEvents(2), { expectedRevision: 0 })).nextRevision, 2);
    assert.is(
      (await h.store.appendToStream(s, newEvents(1), { expectedRevision: 'stream_exists' })).nextRevision,
      3,
    );
    assert.is((await h.store.appendToStream(s, newEvents(1), { expectedRevision: 'any' })).nextRevision, 4);
    assert.is((await h.store.readStream(s)).length, 5);
  });

  test('concurrent appends at the same revision: exactly one wins, the other gets a concurrency error', async ({
    h,
  }) => {
    const s = stream();
    await h.store.appendToStream(s, newEvents(1), { expectedRevision: 'no_stream' });
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, () => h.store.appendToStream(s, newEvents(2), { expectedRevision: 0 })),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    assert.is(won.length, 1);
    assert.ok(
      lost.every((a) => a.reason instanceof ConcurrencyError),
      String(lost.find((a) => !(a.reason instanceof ConcurrencyError))?.reason),
    );
    assert.is((await h.store.readStream(s)).length, 3);
  });

  idempotencyCases(test);

  test('full pages and the right head, whatever records lie between events', async ({ h }) => {
    const before = await h.store.headPosition();
    const s = stream();
    let last = '';
    // Each keyed append leaves a record of its key beside its events (where the store keeps one there).
    for (let i = 0; i < 12; i++)
      last = (
        await h.store.appendToStream(s, newEvents(1), {
          expectedRevision: 'any',
          idempotencyKey: randomUUID(),
        })
      ).position;
    // Refused keyed appends after the last event: records of keys, no events.
    for (let i = 0; i < 150; i++)
      await h.store
        .appendToStream(s, newEvents(1), { expectedRevision: 'no_stream', idempotencyKey: randomUUID() })
        .then(
          () => assert.unreachable('the stream exists'),
          (e: unknown) => assert.instance(e, ConcurrencyError),
        );
    await until(async () => comparePositionStrings((await h.store.headPosition()) ?? '0:0', last) >= 0);
    assert.is(await h.store.headPosition(), last, 'the head is the last event');
    const pages: number[] = [];
    for (let cursor = before; ;) {
      const page = await h.store.readAll({ after: cursor, limit: 5 });
      pages.push(page.length);
      if (page.length === 0) break;
      cursor = page[page.length - 1]!.position;
    }
    assert.equal(pages, [5, 5, 2, 0], 'pages are full until the end');
  });

  test('counts the events it holds (for progress), records of keys left out', async ({ h }) => {
    assert.type(h.store.countEvents, 'function');
    const before = await h.store.countEvents!();
    await h.store.appendToStream(stream(), newEvents(3), { expectedRevision: 'no_stream' });
    await h.store.appendToStream(stream(), newEvents(2), {
      expectedRevision: 'no_stream',
      idempotencyKey: randomUUID(),
    });
    assert.is(await h.store.countEvents!(), before + 5);
  });

  test('readAll pages after a checkpoint without gaps or repeats', async ({ h }) => {
    const before = await h.store.headPosition();
    const streams = [stream(), stream(), stream()];
    let last = '';
    for (let round = 0; round < 4; round++) {
      for (const s of streams)
        last = (await h.store.appendToStream(s, newEvents(2), { expectedRevision: 'any' })).position;
    }
    // Readers may lag behind a transaction still running elsewhere on the server (never skip past it): wait
    // until what we wrote is readable.
    await until(async () => comparePositionStrings((await h.store.headPosition()) ?? '0:0', last) >= 0);
    const all = await readEverything(h.store, before, 5);
    const ours = all.filter((e) => streams.includes(e.streamId));
    assert.is(ours.length, 24);
    assert.is(new Set(ours.map((e) => e.eventId)).size, 24);
    for (const s of streams) {
      assert.equal(
        ours.filter((e) => e.streamId === s).map((e) => e.streamRevision),
        [0, 1, 2, 3, 4, 5, 6, 7],
      );
    }
    const head = await h.store.headPosition();
    assert.is(head, all[all.length - 1]!.position);
    assert.equal(await h.store.readAll({ after: head }), []);
  });

  test('readAll with types returns only those types, in log order, paging past the others', async ({ h }) => {
    const before = await h.store.headPosition();
    const s = stream();
    const kinds = ['Kept', 'Other', 'Other', 'AlsoKept', 'Other', 'Kept', 'Other', 'Other', 'Other', 'Kept'];
    let last = '';
    for (const kind of kinds)
      last = (await h.store.appendToStream(s, newEvents(1, kind), { expectedRevision: 'any' })).position;
    await until(async () => comparePositionStrings((await h.store.headPosition()) ?? '0:0', last) >= 0);
    const filtered: RecordedEvent[] = [];
    for (let cursor = before; ;) {
      const page = await h.store.readAll({ after: cursor, limit: 2, types: ['Kept', 'AlsoKept'] });
      if (page.length === 0) break;
      filtered.push(...page);
      cursor = page[page.length - 1]!.position;
    }
    const ours = filtered.filter((e) => e.streamId === s);
    assert.equal(
      ours.map((e) => [e.type, e.streamRevision]),
      [
        ['Kept', 0],
        ['AlsoKept', 3],
        ['Kept', 5],
        ['Kept', 9],
      ],
    );
    assert.ok(filtered.every((e) => e.type === 'Kept' || e.type === 'AlsoKept'));
  });

  test('wakes subscribers when events are appended', async ({ h }) => {
    let woken = 0;
    const off = h.store.onAppended(() => woken++);
    await h.store.appendToStream(stream(), newEvents(1), { expectedRevision: 'no_stream' });
    await new Promise((r) => setTimeout(r, 300));
    off();
    assert.ok(woken >= 1);
  });

  test('a reader never skips an event that a slow transaction commits late', async ({ h }) => {
    const start = await h.store.headPosition();
    const slowStream = stream();
    const slow = await h.holdOpenAppend(slowStream, newEvents(1, 'Slow'));
    const writers = options.concurrentWriters ?? 8;
    const seen: RecordedEvent[] = [];
    let cursor = start;
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const page = await h.store.readAll({ after: cursor, limit: 100 });
        if (page.length > 0) {
          seen.push(...page);
          cursor = page[page.length - 1]!.position;
        } else await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const fast = await Promise.all(
      Array.from({ length: writers }, async () => {
        const s = stream();
        for (let i = 0; i < 5; i++)
          await h.store.appendToStream(s, newEvents(1), { expectedRevision: 'any' });
        return s;
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    await slow.commit();
    // Drain: keep reading until everything written is seen.
    const expected = writers * 5 + 1;
    for (
      let i = 0;
      i < 400 && seen.filter((e) => e.streamId === slowStream || fast.includes(e.streamId)).length < expected;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 10));
    }
    reading = false;
    await reader;
    const ours = seen.filter((e) => e.streamId === slowStream || fast.includes(e.streamId));
    assert.is(ours.length, expected, 'every event seen');
    assert.is(new Set(ours.map((e) => e.eventId)).size, expected, 'none seen twice');
    assert.ok(
      ours.some((e) => e.streamId === slowStream),
      'the late commit is seen',
    );
    const positions = seen.map((e) => e.position);
    const sorted = [...positions].sort(comparePositionStrings);
    assert.equal(positions, sorted, 'in order');
  });

  return test;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.unreachable(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function rejects(fn: () => Promise<unknown>, accept: (error: unknown) => boolean) {
  try {
    await fn();
  } catch (error) {
    assert.ok(accept(error), `rejected with an unexpected error: ${String(error)}`);
    return;
  }
  assert.unreachable('expected a rejection');
}

function comparePositionStrings(a: string, b: string) {
  const [a1, a2] = a.split(':').map(BigInt) as [bigint, bigint];
  const [b1, b2] = b.split(':').map(BigInt) as [bigint, bigint];
  return a1 !== b1 ? (a1 < b1 ? -1 : 1) : a2 === b2 ? 0 : a2 < b2 ? -1 : 1;
}
