// The log consumers of a node (every projector and process manager) mostly stand at the same position: woken by
// the same append, each would read the same page of the log. Reading it once for all of them saves a database
// round trip (and the decoding of every event) per consumer. A read is shared only while it is in flight and
// only with reads of the same page asked for before anything new was appended, so no consumer is handed a page
// older than it would have read itself.
import type { EventStore, ReadAllOptions, RecordedEvent } from '../eventStore/port.js';

export function sharedReads(store: EventStore): EventStore {
  const inFlight = new Map<string, Promise<RecordedEvent[]>>();
  // Something new may be readable: reads started before this must not answer reads asked for after it.
  store.onAppended(() => inFlight.clear());
  const readAll = (options: ReadAllOptions = {}) => {
    const key = `${options.after ?? ''}|${options.limit ?? ''}|${options.types?.join(',') ?? '*'}`;
    const shared = inFlight.get(key);
    if (shared) return shared;
    const read = store.readAll(options);
    inFlight.set(key, read);
    const done = () => {
      if (inFlight.get(key) === read) inFlight.delete(key);
    };
    read.then(done, done);
    return read;
  };
  return new Proxy(store, {
    get: (target, property, receiver) =>
      property === 'readAll' ? readAll : Reflect.get(target, property, receiver),
  });
}
