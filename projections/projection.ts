// A projection: one read model, fed by the event types it handles. `apply` must use the query builder given to
// it (never a table name in raw SQL), so a rebuild can point it at fresh tables in another schema.
import type { QueryCreator } from 'kysely';
import type { Database } from '../db/schema.js';
import type { RecordedEvent } from '../commands/eventStore/port.js';
import type {
  DomainEventType,
  EventData,
  RecordedDomainEvent,
  RecordedOf,
} from '../commands/logConsumer/domainEvents.js';

export type ProjectionDb = QueryCreator<Database>;

/** A named place in a ReplayMemory, holding a value of type T. */
export type MemorySlot<T> = { readonly name: string; readonly __value?: T };
export const memorySlot = <T>(name: string): MemorySlot<T> => ({ name });

/**
 * What a batch path keeps of the rows it wrote, for the next batch of the same replay: the sessions a page
 * boundary cut in two then need no read back (a read would also wait for every write sent before it). Only a
 * rebuild has one, because it alone writes its fresh tables: the rows it remembers are the rows in them. Any
 * write that does not go through the batch path (an erasure, an event applied one at a time) clears it.
 */
export class ReplayMemory {
  readonly #slots = new Map<MemorySlot<unknown>, unknown>();
  recall<T>(slot: MemorySlot<T>): T | undefined {
    return this.#slots.get(slot) as T | undefined;
  }
  remember<T>(slot: MemorySlot<T>, value: T) {
    this.#slots.set(slot, value);
  }
  forget() {
    this.#slots.clear();
  }
}
export type { DomainEventType, EventData, RecordedDomainEvent, RecordedOf };

type Common = {
  name: string;
  /** The tables this read model owns: truncated and rebuilt together, summed into its checksum. */
  tables: readonly string[];
  /**
   * For a read model that copies personal text out of events: replaces the text of an erased person in its
   * tables with ERASED_TEXT, exactly as a replay would now show it (the runner calls it on PersonalDataErased).
   */
  erasePersonalData?(db: ProjectionDb, personId: string): Promise<void>;
  /**
   * True when no statement of this projection reads what a write returns (no awaited RETURNING, no affected-row
   * count): a rebuild may then send its writes without waiting for them (projections/replayWriter.ts).
   */
  pipelinedReplay?: boolean;
};

/** A projection fed the domain events of the types it handles, typed (the runner narrows them). */
export type TypedProjection = Common & {
  handlesAll?: false;
  handles: ReadonlySet<DomainEventType>;
  apply(db: ProjectionDb, event: RecordedDomainEvent): Promise<void>;
  /**
   * Optional: applies a whole batch (only events it handles, in log order) with a few set-based statements
   * instead of a round trip per event. Must leave exactly the rows `apply` would, one event at a time; the
   * rebuild checksum and test/projections/*Batch* hold it to that. A replay passes its memory (see ReplayMemory).
   */
  applyBatch?(db: ProjectionDb, events: RecordedDomainEvent[], memory?: ReplayMemory): Promise<void>;
};

/** A projection fed every event, whatever its type, as recorded (the audit log). */
export type AllEventsProjection = Common & {
  handlesAll: true;
  apply(db: ProjectionDb, event: RecordedEvent): Promise<void>;
  applyBatch?(db: ProjectionDb, events: RecordedEvent[], memory?: ReplayMemory): Promise<void>;
};

export type Projection = TypedProjection | AllEventsProjection;

/** The handler of events of type `K`: it receives the event with its data typed for `K`. */
export type Handler<K extends DomainEventType> = (db: ProjectionDb, event: RecordedOf<K>) => Promise<void>;

/** One handler per event type, keyed by the domain's event type names (a misspelt key does not compile). */
export type Handlers = { [K in DomainEventType]?: Handler<K> };

/** Builds `handles` and `apply` from one function per event type. */
export function projection(
  name: string,
  tables: readonly string[],
  handlers: Handlers,
  options: Pick<Common, 'erasePersonalData'> = {},
): TypedProjection {
  return {
    ...options,
    name,
    tables,
    handles: new Set(Object.keys(handlers) as DomainEventType[]),
    async apply(db, event) {
      // `handlers[event.type]` is the handler of exactly this event's type; TS cannot correlate the two.
      const handler = handlers[event.type] as Handler<typeof event.type> | undefined;
      await handler?.(db, event);
    },
  };
}

/** A projection fed every event, whatever its type. */
export function projectionOfAll(
  name: string,
  tables: readonly string[],
  apply: (db: ProjectionDb, event: RecordedEvent) => Promise<void>,
): AllEventsProjection {
  return { name, tables, handlesAll: true, apply };
}

/**
 * Gives a projection a batch path for the event types `types`: consecutive events of those types are applied
 * by `applyBatch`, any other handled event one at a time by `apply`, so the log order is kept. With
 * `othersApart`, the other events read and write only tables the batch path never touches, so their order
 * against the batch does not matter: they are applied as they come and no longer split the batch into short runs.
 */
export function batched<K extends DomainEventType>(
  inner: TypedProjection,
  types: ReadonlySet<K>,
  applyBatch: (db: ProjectionDb, events: RecordedOf<K>[], memory?: ReplayMemory) => Promise<void>,
  options: { othersApart?: boolean } = {},
): TypedProjection {
  const inBatch = (event: RecordedDomainEvent): event is RecordedOf<K> => types.has(event.type as K);
  return {
    ...inner,
    async applyBatch(db, events, memory) {
      let run: RecordedOf<K>[] = [];
      const flush = async () => {
        if (run.length > 0) await applyBatch(db, run, memory);
        run = [];
      };
      for (const event of events) {
        if (inBatch(event)) run.push(event);
        else {
          if (!options.othersApart) {
            await flush();
            memory?.forget(); // it may write rows the batch path remembers
          }
          await inner.apply(db, event);
        }
      }
      await flush();
    },
  };
}
