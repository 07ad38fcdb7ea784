// Two per-store helpers for the command path, both in-process:
// - a small LRU of folded aggregate states, so a command reads only the events appended since the cached
//   revision instead of the whole stream (long streams such as a busy training or a teacher's calendar);
// - a queue per stream, so commands for one stream on this node run one after another instead of racing and
//   retrying on concurrency errors. Other nodes still race; the expected-revision check keeps that correct.
import type { EventStore } from './eventStore/port.js';

const MAX_ENTRIES = 5_000;

type Entry = { revision: number; state: unknown };

const caches = new WeakMap<EventStore, Map<string, Entry>>();
const queues = new WeakMap<EventStore, Map<string, Promise<unknown>>>();

export function cachedState(store: EventStore, streamId: string): Entry | undefined {
  const cache = caches.get(store);
  const entry = cache?.get(streamId);
  if (entry && cache) {
    cache.delete(streamId); // re-insert: Map order is the LRU order
    cache.set(streamId, entry);
  }
  return entry;
}

export function rememberState(store: EventStore, streamId: string, revision: number, state: unknown) {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  cache.delete(streamId);
  cache.set(streamId, { revision, state });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/** Forgets every folded state of this store (a person was erased: a cached state may hold their text). */
export function forgetStates(store: EventStore) {
  caches.get(store)?.clear();
}

/** Runs `work` after every earlier call for the same stream on this node has finished. */
export function serialized<T>(store: EventStore, streamId: string, work: () => Promise<T>): Promise<T> {
  let queue = queues.get(store);
  if (!queue) queues.set(store, (queue = new Map()));
  const previous = queue.get(streamId) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  queue.set(streamId, tail);
  void tail.then(() => {
    if (queue.get(streamId) === tail) queue.delete(streamId);
  });
  return run;
}
