// Where each log consumer (projector, process manager) has got to in the event log, stored beside its read model
// (table projection_checkpoints; process managers' names start with `process:`).
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/schema.js';

export async function readCheckpoint(db: DbOrTrx, name: string): Promise<string | null> {
  const { rows } = await sql<{ position: string | null }>`
    SELECT position FROM projection_checkpoints WHERE name = ${name}`.execute(db);
  return rows[0]?.position ?? null;
}

/** Locks the checkpoint row for the rest of the transaction and returns it. */
export async function lockCheckpoint(db: DbOrTrx, name: string): Promise<string | null> {
  const select = () =>
    sql<{ position: string | null }>`
    SELECT position FROM projection_checkpoints WHERE name = ${name} FOR UPDATE`.execute(db);
  let { rows } = await select();
  if (rows.length === 0) {
    // The first time only: a consumer that has never stored where it is.
    await sql`INSERT INTO projection_checkpoints (name, position) VALUES (${name}, NULL) ON CONFLICT (name) DO NOTHING`.execute(
      db,
    );
    ({ rows } = await select());
  }
  return rows[0]?.position ?? null;
}

export async function writeCheckpoint(db: DbOrTrx, name: string, position: string | null): Promise<void> {
  await sql`
    INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (${name}, ${position}, now())
    ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`.execute(
    db,
  );
}

/** Orders positions of either store (`a:b`, two unsigned integers), without losing precision. */
export function comparePositions(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const [a1, a2] = a.split(':').map(BigInt) as [bigint, bigint];
  const [b1, b2] = b.split(':').map(BigInt) as [bigint, bigint];
  if (a1 !== b1) return a1 < b1 ? -1 : 1;
  return a2 === b2 ? 0 : a2 < b2 ? -1 : 1;
}
