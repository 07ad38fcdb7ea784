// The consumers of a node share a read of the log while it is in flight, but never a read started before
// something new was appended with one asked for after it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sharedReads } from '../../commands/logConsumer/sharedReads.js';
import type { EventStore, ReadAllOptions, RecordedEvent } from '../../commands/eventStore/port.js';

function fakeStore() {
  const reads: ReadAllOptions[] = [];
  const listeners = new Set<() => void>();
  const pending: (() => void)[] = [];
  const store = {
    kind: 'fake',
    readAll: (options: ReadAllOptions = {}) => {
      reads.push(options);
      return new Promise<RecordedEvent[]>((resolve) => pending.push(() => resolve([])));
    },
    onAppended: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    headPosition: async () => null,
  } as unknown as EventStore;
  return {
    store,
    reads,
    appended: () => listeners.forEach((l) => l()),
    settle: () => pending.splice(0).forEach((r) => r()),
  };
}

test('consumers at one position asking at once share one read', async () => {
  const fake = fakeStore();
  const log = sharedReads(fake.store);
  const pages = Array.from({ length: 16 }, () => log.readAll({ after: '1:1', limit: 500 }));
  assert.is(fake.reads.length, 1);
  fake.settle();
  const results = await Promise.all(pages);
  assert.is(results.length, 16);
  // Another position, or the same one once the read is over, reads again.
  void log.readAll({ after: '1:2', limit: 500 });
  void log.readAll({ after: '1:1', limit: 500 });
  assert.is(fake.reads.length, 3);
  fake.settle();
});

test('a read started before an append is not shared with one asked for after it', async () => {
  const fake = fakeStore();
  const log = sharedReads(fake.store);
  void log.readAll({ after: null, limit: 500 });
  fake.appended();
  void log.readAll({ after: null, limit: 500 });
  assert.is(fake.reads.length, 2);
  fake.settle();
  // Everything else is the store's own.
  assert.is(await log.headPosition(), null);
});

test.run();
