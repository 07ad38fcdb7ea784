// Personal data in the log: wraps an event store (either adapter) so personal free text (fields.ts) is sealed
// with its person's key on the way in and opened on the way out. Every reader (command folds, projectors,
// process managers, rebuilds, the room's history) reads through this, so once erasure destroys a person's key
// they all see ERASED_TEXT in its place, and nobody else has to know.
import type { Db } from '../../../db/schema.js';
import type { EventStore, NewEvent, RecordedEvent } from '../port.js';
import { ERASED_TEXT, PERSONAL_TEXT, isSealed, mapPersonalText, openSeals, sealedOwners } from './fields.js';
import { keysForSealing, readKeys, type Keys } from './keys.js';
import { open, seal } from './cipher.js';

async function sealEvents(db: Db, events: NewEvent[]): Promise<NewEvent[]> {
  const owners = new Set<string>();
  for (const e of events)
    mapPersonalText(e.type, e.data, e.metadata.actorId, (value, personId) => owners.add(personId) && value);
  if (owners.size === 0) return events;
  const keys = await keysForSealing(db, owners, new Date(events[0]!.metadata.at));
  return events.map((e) => ({
    ...e,
    data: mapPersonalText(e.type, e.data, e.metadata.actorId, (value, personId) => {
      if (typeof value !== 'string' || isSealed(value)) return value;
      const key = keys.get(personId);
      return key ? seal(key, personId, value) : ERASED_TEXT;
    }),
  }));
}

const opener = (keys: Keys) => (sealed: { $pii: string; ct: string }) => {
  const key = keys.get(sealed.$pii);
  if (!key) return ERASED_TEXT;
  try {
    return open(key, sealed);
  } catch {
    return ERASED_TEXT;
  }
};

async function openEvents(db: Db, events: RecordedEvent[]): Promise<RecordedEvent[]> {
  const owners = new Set<string>();
  for (const e of events) if (PERSONAL_TEXT[e.type]) sealedOwners(e.data, owners);
  if (owners.size === 0) return events;
  const openSeal = opener(await readKeys(db, owners));
  return events.map((e) => (PERSONAL_TEXT[e.type] ? { ...e, data: openSeals(e.data, openSeal) } : e));
}

/** The event store `inner` with personal text sealed in the log; keys live in `db` (personal_data_keys). */
export function withPersonalData(inner: EventStore, db: Db): EventStore {
  const store: EventStore = {
    kind: inner.kind,
    async appendToStream(streamId, events, options) {
      return inner.appendToStream(streamId, await sealEvents(db, events), options);
    },
    idempotentResult: (key) => inner.idempotentResult(key),
    readStream: async (streamId, options) => openEvents(db, await inner.readStream(streamId, options)),
    readAll: async (options) => openEvents(db, await inner.readAll(options)),
    headPosition: () => inner.headPosition(),
    onAppended: (listener) => inner.onAppended(listener),
    close: () => inner.close(),
  };
  if (inner.countEvents) store.countEvents = (options) => inner.countEvents!(options);
  if (inner.readyForReplay) store.readyForReplay = () => inner.readyForReplay!();
  return store;
}
