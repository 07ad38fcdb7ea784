// A projection: one read model, fed by the event types it handles. `apply` must use the query builder given to
// it (never a table name in raw SQL), so a rebuild can point it at fresh tables in another schema.
import type { QueryCreator } from 'kysely';
import type { Database } from '../db/schema.js';
import type { RecordedEvent } from '../commands/eventStore/port.js';

export type ProjectionDb = QueryCreator<Database>;

export type Projection = {
  name: string;
  /** The tables this read model owns: truncated and rebuilt together, summed into its checksum. */
  tables: readonly string[];
  handles: ReadonlySet<string>;
  /** Fed every event whatever its type (the audit log); `handles` is then ignored. */
  handlesAll?: boolean;
  apply(db: ProjectionDb, event: RecordedEvent): Promise<void>;
  /**
   * Optional: applies a whole batch (only events it handles, in log order) with a few set-based statements
   * instead of a round trip per event. Must leave exactly the rows `apply` would, one event at a time; the
   * rebuild checksum and test/projections/*Batch* hold it to that.
   */
  applyBatch?(db: ProjectionDb, events: RecordedEvent[]): Promise<void>;
};

/** Builds `handles` and `apply` from one function per event type. */
export function projection<
  Handlers extends Record<string, (db: ProjectionDb, event: RecordedEvent) => Promise<void>>,
>(name: string, tables: readonly string[], handlers: Handlers): Projection {
  return {
    name,
    tables,
    handles: new Set(Object.keys(handlers)),
    async apply(db, event) {
      await handlers[event.type]?.(db, event);
    },
  };
}

/** A projection fed every event, whatever its type. */
export function projectionOfAll(
  name: string,
  tables: readonly string[],
  apply: (db: ProjectionDb, event: RecordedEvent) => Promise<void>,
): Projection {
  return { name, tables, handles: new Set(), handlesAll: true, apply };
}

/** The typed data of an event whose type the projection handles. */
export const dataOf = <T>(event: RecordedEvent) => event.data as T;

/**
 * Gives a projection a batch path for the event types `types`: consecutive events of those types are applied
 * by `applyBatch`, any other handled event one at a time by `apply`, so the log order is kept.
 */
export function batched(
  inner: Projection,
  types: ReadonlySet<string>,
  applyBatch: (db: ProjectionDb, events: RecordedEvent[]) => Promise<void>,
): Projection {
  return {
    ...inner,
    async applyBatch(db, events) {
      let run: RecordedEvent[] = [];
      const flush = async () => {
        if (run.length > 0) await applyBatch(db, run);
        run = [];
      };
      for (const event of events) {
        if (types.has(event.type)) run.push(event);
        else {
          await flush();
          await inner.apply(db, event);
        }
      }
      await flush();
    },
  };
}
