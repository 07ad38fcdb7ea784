// What the set-based batch paths of the read models share: rows sent as one JSON parameter, plain inserts of
// them, and the event that opens a stream (before it, nothing of the stream can be in a read model).
import { sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ProjectionDb } from './projection.js';

type Table = keyof Database & string;

/**
 * Rows as a table source aliased `r`, unpacked by jsonb_populate_recordset: one bind parameter per statement
 * instead of one per column per row, which is what makes big batches cheap.
 */
export const rowsOf = <T>(table: Table, rows: T[]) =>
  sql<T>`jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)`.as('r');

/** Inserts rows that cannot exist yet (no conflict handling). */
export async function insertRows<T>(db: ProjectionDb, table: Table, rows: T[]) {
  if (rows.length === 0) return;
  await db
    .insertInto(table)
    .expression((eb) => eb.selectFrom(rowsOf(table, rows)).selectAll())
    .execute();
}

/**
 * A stream's first event. What it starts (a live session, say) cannot have rows in a read model before it, so a
 * batch neither looks it up nor replaces its rows.
 */
export const opensStream = (event: { streamRevision: number }) => event.streamRevision === 0;
