// How a rebuild applies its pages to the fresh tables: each page in a transaction of its own. On Postgres, a
// projection whose code never reads what its writes return (`pipelinedReplay`) gets a pipelined connection:
// the page's writes are sent and the next page is folded while Postgres carries them out, at most two pages'
// writes being in flight; a page's reads still run after every write sent before them (db/pipelined.ts).
import type pg from 'pg';
import type { Db } from '../db/schema.js';
import { pipelinedConnection } from '../db/pipelined.js';
import type { RecordedEvent } from '../commands/eventStore/port.js';
import { ReplayMemory, type Projection, type ProjectionDb } from './projection.js';
import { applyEvents } from './runner.js';

export type ReplayWriter = {
  /** Applies a page; it may return before the page's writes are carried out. */
  apply(events: RecordedEvent[]): Promise<void>;
  /** Waits until every page applied so far is committed. */
  flush(): Promise<void>;
  close(): void;
};

export async function replayWriter(
  db: Db,
  schema: string,
  projection: Projection,
  pool: pg.Pool | undefined,
): Promise<ReplayWriter> {
  const into = (trx: Db) => trx.withSchema(schema) as unknown as ProjectionDb;
  // The replay alone writes the fresh tables, so what its batch paths remember of them holds (ReplayMemory).
  const memory = new ReplayMemory();
  if (!pool || !projection.pipelinedReplay) {
    return {
      apply: (events) =>
        db.transaction().execute((trx) => applyEvents(into(trx), projection, events, memory)),
      flush: async () => undefined,
      close: () => undefined,
    };
  }
  const pipe = await pipelinedConnection(pool);
  let inFlight: Promise<void> | null = null;
  return {
    async apply(events) {
      try {
        await pipe.db.transaction().execute((trx) => applyEvents(into(trx), projection, events, memory));
      } catch (error) {
        await pipe.settle(); // a write that failed earlier is the cause: report it rather than what followed
        throw error;
      }
      const sent = pipe.settle();
      sent.catch(() => undefined); // awaited when the next page is applied, or by flush
      const before = inFlight;
      inFlight = sent;
      await before;
    },
    async flush() {
      const last = inFlight;
      inFlight = null;
      await last;
    },
    close: () => pipe.release(),
  };
}
