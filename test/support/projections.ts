// Waiting for projectors in tests. A reader's horizon waits behind the oldest running transaction of the whole
// Postgres cluster, so "nothing to read right now" does not mean "caught up": wait for the last written event.
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { EventStore } from '../../commands/eventStore/port.js';
import type { Projection } from '../../projections/projection.js';
import { projectionRunner } from '../../projections/runner.js';

export async function lastWrittenPosition(db: Db): Promise<string | null> {
  const { rows } = await sql<{ position: string }>`
    SELECT tx_id::text || ':' || global_position::text AS position FROM events
    ORDER BY tx_id DESC, global_position DESC LIMIT 1`.execute(db);
  return rows[0]?.position ?? null;
}

/** Runs the projectors until they have applied every event written so far. */
export async function projectAll(
  db: Db,
  store: EventStore,
  projections: Projection[],
  batchSize = 500,
  timeoutMs = 120_000,
) {
  const runner = projectionRunner(db, store, projections, { batchSize, pollMs: 20 });
  runner.start();
  try {
    const last = await lastWrittenPosition(db);
    if (last && !(await runner.waitFor(last, timeoutMs)))
      throw new Error(`projectors did not catch up within ${timeoutMs / 1000} s`);
  } finally {
    await runner.stop();
  }
}
