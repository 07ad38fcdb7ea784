// Leases (table process_leases): every node runs the same process managers, but only the node holding a
// process's lease consumes the log for it, so one runner at a time carries out its effects. The holder renews
// well before the lease lapses; a node that dies stops renewing and another takes the lease over once it lapses
// (seconds). Times are the database's, so the nodes' clocks need not agree.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../db/schema.js';
import { writeCheckpoint } from '../logConsumer/checkpoints.js';

/** This node's name as a lease holder: unique per process start. */
export const nodeHolder = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Takes the lease `name` for `holder` for `ttlMs`, or renews it when `holder` already has it (unless
 * `renew: false`: then only a lapsed lease is taken, which makes a lease a once-per-period claim). True when
 * `holder` holds it now.
 */
export async function takeLease(
  db: DbOrTrx,
  name: string,
  holder: string,
  ttlMs: number,
  options: { renew?: boolean } = {},
): Promise<boolean> {
  const renew = options.renew ?? true;
  const { rows } = await sql<{ holder: string }>`
    INSERT INTO process_leases (name, holder, expires_at)
    VALUES (${name}, ${holder}, clock_timestamp() + ${ttlMs} * interval '1 millisecond')
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE process_leases.expires_at <= clock_timestamp()
       OR (${renew} AND process_leases.holder = excluded.holder)
    RETURNING holder`.execute(db);
  return rows[0]?.holder === holder;
}

/** Gives the lease up at once (a node stopping cleanly), so another node need not wait for it to lapse. */
export async function releaseLease(db: DbOrTrx, name: string, holder: string): Promise<void> {
  await sql`DELETE FROM process_leases WHERE name = ${name} AND holder = ${holder}`.execute(db);
}

/** Who holds the lease now (null: nobody, or it lapsed). */
export async function leaseHolder(db: DbOrTrx, name: string): Promise<string | null> {
  const { rows } = await sql<{ holder: string }>`
    SELECT holder FROM process_leases WHERE name = ${name} AND expires_at > clock_timestamp()`.execute(db);
  return rows[0]?.holder ?? null;
}

/**
 * Moves a process's checkpoint only while `holder` still holds its lease (the lease row locked meanwhile, so no
 * node takes it over in between): a node that lost the lease while it hung never moves the new holder's
 * checkpoint back. False when the lease is gone.
 */
export async function writeCheckpointHeld(
  db: Db,
  name: string,
  holder: string,
  position: string | null,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ holder: string }>`
      SELECT holder FROM process_leases
      WHERE name = ${name} AND holder = ${holder} AND expires_at > clock_timestamp() FOR UPDATE`.execute(trx);
    if (rows.length === 0) return false;
    await writeCheckpoint(trx, name, position);
    return true;
  });
}

/** Thrown when a runner finds, mid-batch, that its lease went to another node: it stops where it is. */
export class LeaseLost extends Error {
  constructor(name: string) {
    super(`the lease of ${name} went to another node`);
  }
}

export type HeldLease = {
  /** True when this node holds the lease (taking or renewing it when due). */
  hold(): Promise<boolean>;
  release(): Promise<void>;
};

/**
 * A lease this node keeps: renewed when a third of its time has passed; while another node holds it, asked for
 * again at most every quarter of its time (at most every second), so a lapsed lease is taken over soon after.
 */
export function heldLease(db: DbOrTrx, name: string, holder: string, ttlMs: number): HeldLease {
  const askEveryMs = Math.min(1000, ttlMs / 4);
  let renewedAt = 0;
  let askedAt = -Infinity;
  let held = false;
  return {
    async hold() {
      const now = Date.now();
      if (held && now - renewedAt < ttlMs / 3) return true;
      if (!held && now - askedAt < askEveryMs) return false;
      askedAt = now;
      held = await takeLease(db, name, holder, ttlMs);
      if (held) renewedAt = now;
      return held;
    },
    async release() {
      if (!held) return;
      held = false;
      await releaseLease(db, name, holder);
    },
  };
}
