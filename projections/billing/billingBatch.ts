// The billing projection, a batch at a time: load the wallets and ledger lines a batch refers to (two
// queries), fold the batch in memory with the same rules as billing.ts, and write the result back (an upsert of
// the wallets, one insert of the new lines). Thousands of events cost a handful of round trips.
import { sql } from 'kysely';
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import type { ProjectionDb, RecordedOf } from '../projection.js';
import { rowsOf } from '../setBased.js';
import type { BillingLedgerTable, BillingWalletsTable } from './billing.table.js';

export const BILLING_BATCH_TYPES = new Set([
  'WalletOpened',
  'WalletCredited',
  'WalletDebited',
  'WalletEntryReversed',
] as const);
type WalletEventType = typeof BILLING_BATCH_TYPES extends Set<infer T> ? T : never;
type WalletRecorded = RecordedOf<WalletEventType>;

type Fold = {
  wallets: Map<string, BillingWalletsTable>;
  dirty: Set<string>;
  /** Lines already in the read model: their entry id, session and (possibly updated) reversal. */
  stored: Map<string, { live_session_id: string | null; reversed_by: string | null; changed: boolean }>;
  added: Map<string, BillingLedgerTable>;
};

const entryIdsOf = (events: WalletRecorded[]) =>
  events.flatMap((e) => {
    if (e.type === 'WalletOpened') return [];
    const reversed = e.type === 'WalletEntryReversed' ? e.data.reversedEntryId : undefined;
    return [e.data.entryId, reversed].filter((x): x is string => Boolean(x));
  });

export async function applyBillingBatch(db: ProjectionDb, events: WalletRecorded[]) {
  const walletIds = [...new Set(events.map((e) => e.data.walletId))];
  const entryIds = [...new Set(entryIdsOf(events))];
  const wallets = await db
    .selectFrom('billing_wallets')
    .selectAll()
    .where('wallet_id', '=', sql<string>`any(${walletIds}::uuid[])`)
    .execute();
  const lines =
    entryIds.length === 0
      ? []
      : await db
          .selectFrom('billing_ledger')
          .select(['entry_id', 'live_session_id', 'reversed_by'])
          .where('entry_id', '=', sql<string>`any(${entryIds}::text[])`)
          .execute();
  const fold: Fold = {
    wallets: new Map(wallets.map((w) => [w.wallet_id, w])),
    dirty: new Set(),
    stored: new Map(lines.map((l) => [l.entry_id, { ...l, changed: false }])),
    added: new Map(),
  };
  for (const event of events) apply(fold, event);
  await write(db, fold);
}

function apply(fold: Fold, event: WalletRecorded) {
  if (event.type === 'WalletOpened') {
    const d = event.data;
    if (fold.wallets.has(d.walletId)) return;
    fold.wallets.set(d.walletId, {
      wallet_id: d.walletId,
      org_id: d.orgId,
      owner: d.owner,
      owner_id: d.ownerId,
      balance: 0,
      last_revision: event.streamRevision,
    });
    fold.dirty.add(d.walletId);
    return;
  }
  const d = event.data;
  const base = { walletId: d.walletId, entryId: d.entryId, balanceAfter: d.balanceAfter };
  switch (event.type) {
    case 'WalletCredited':
      return addLine(fold, event, {
        ...base,
        cause: 'credit',
        change: event.data.tokens,
        reason: event.data.reason,
      });
    case 'WalletDebited': {
      const cause = event.data.cause;
      const liveSessionId = cause.kind === 'session' ? cause.liveSessionId : null;
      return addLine(fold, event, {
        ...base,
        cause: cause.kind,
        change: -event.data.tokens,
        liveSessionId,
      });
    }
    case 'WalletEntryReversed': {
      const { reversedEntryId, change, reason } = event.data;
      const reversed = fold.added.get(reversedEntryId) ?? fold.stored.get(reversedEntryId);
      const liveSessionId = reversed?.live_session_id ?? null;
      addLine(fold, event, { ...base, cause: 'reversal', change, reason, liveSessionId, reversedEntryId });
      if (reversed) {
        reversed.reversed_by = d.entryId;
        if ('changed' in reversed) reversed.changed = true;
      }
      return;
    }
  }
}

type Line = {
  walletId: string;
  entryId: string;
  cause: string;
  change: number;
  balanceAfter: number;
  liveSessionId?: string | null;
  reversedEntryId?: string | null;
  reason?: string | null;
};

function addLine(fold: Fold, event: RecordedEvent, line: Line) {
  if (!fold.stored.has(line.entryId) && !fold.added.has(line.entryId)) {
    fold.added.set(line.entryId, {
      entry_id: line.entryId,
      wallet_id: line.walletId,
      org_id: event.metadata.orgId,
      revision: event.streamRevision,
      cause: line.cause,
      change: line.change,
      balance_after: line.balanceAfter,
      live_session_id: line.liveSessionId ?? null,
      reversed_entry_id: line.reversedEntryId ?? null,
      reversed_by: null,
      reason: line.reason ?? null,
      actor_id: event.metadata.actorId,
      at: event.metadata.at,
    });
  }
  const wallet = fold.wallets.get(line.walletId);
  if (wallet && wallet.last_revision < event.streamRevision) {
    wallet.balance = line.balanceAfter;
    wallet.last_revision = event.streamRevision;
    fold.dirty.add(line.walletId);
  }
}

const CHUNK = 5000;

async function write(db: ProjectionDb, fold: Fold) {
  const wallets = [...fold.dirty].map((id) => fold.wallets.get(id)!);
  for (let i = 0; i < wallets.length; i += CHUNK) {
    await db
      .insertInto('billing_wallets')
      .expression((eb) => eb.selectFrom(rowsOf('billing_wallets', wallets.slice(i, i + CHUNK))).selectAll())
      .onConflict((oc) =>
        oc.column('wallet_id').doUpdateSet((eb) => ({
          balance: eb.ref('excluded.balance'),
          last_revision: eb.ref('excluded.last_revision'),
        })),
      )
      .execute();
  }
  const lines = [...fold.added.values()];
  for (let i = 0; i < lines.length; i += CHUNK) {
    await db
      .insertInto('billing_ledger')
      .expression((eb) => eb.selectFrom(rowsOf('billing_ledger', lines.slice(i, i + CHUNK))).selectAll())
      .onConflict((oc) => oc.column('entry_id').doNothing())
      .execute();
  }
  for (const [entryId, line] of fold.stored) {
    if (!line.changed) continue;
    await db
      .updateTable('billing_ledger')
      .set({ reversed_by: line.reversed_by })
      .where('entry_id', '=', entryId)
      .execute();
  }
}
