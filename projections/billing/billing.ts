// The billing read model: each wallet's balance and its ledger lines, each with its cause.
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import { batched, projection, type ProjectionDb } from '../projection.js';
import { applyBillingBatch, BILLING_BATCH_TYPES } from './billingBatch.js';

type Line = {
  entryId: string;
  walletId: string;
  cause: string;
  change: number;
  balanceAfter: number;
  liveSessionId?: string | null;
  reversedEntryId?: string | null;
  reason?: string | null;
};

/** One round trip per line: the ledger insert and the balance update travel as one statement. */
async function addLine(db: ProjectionDb, event: RecordedEvent, line: Line) {
  await db
    .with('line', (q) =>
      q
        .insertInto('billing_ledger')
        .values({
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
        })
        .onConflict((oc) => oc.column('entry_id').doNothing())
        .returning('entry_id'),
    )
    .updateTable('billing_wallets')
    .set({ balance: line.balanceAfter, last_revision: event.streamRevision })
    .where('wallet_id', '=', line.walletId)
    .where('last_revision', '<', event.streamRevision)
    .execute();
}

const perEvent = projection('billing', ['billing_wallets', 'billing_ledger'], {
  async WalletOpened(db, event) {
    const d = event.data;
    await db
      .insertInto('billing_wallets')
      .values({
        wallet_id: d.walletId,
        org_id: d.orgId,
        owner: d.owner,
        owner_id: d.ownerId,
        balance: 0,
        last_revision: event.streamRevision,
      })
      .onConflict((oc) => oc.column('wallet_id').doNothing())
      .execute();
  },
  async WalletCredited(db, event) {
    const d = event.data;
    await addLine(db, event, { ...d, cause: 'credit', change: d.tokens });
  },
  async WalletDebited(db, event) {
    const d = event.data;
    const liveSessionId = d.cause.kind === 'session' ? d.cause.liveSessionId : null;
    await addLine(db, event, { ...d, cause: d.cause.kind, change: -d.tokens, liveSessionId });
  },
  /** A charge the billing process could not make: a line of 0 tokens with the reason, for admins to act on. */
  async WalletChargeRefused(db, event) {
    const d = event.data;
    const liveSessionId = d.cause.kind === 'session' ? d.cause.liveSessionId : null;
    await addLine(db, event, {
      walletId: d.walletId,
      entryId: d.entryId,
      cause: 'charge_refused',
      change: 0,
      balanceAfter: d.balance,
      liveSessionId,
      reason: `${d.tokens} tokens not charged (${d.code}): ${d.reason}`,
    });
  },
  async WalletEntryReversed(db, event) {
    const d = event.data;
    const reversed = await db
      .selectFrom('billing_ledger')
      .select('live_session_id')
      .where('entry_id', '=', d.reversedEntryId)
      .executeTakeFirst();
    await addLine(db, event, {
      ...d,
      cause: 'reversal',
      liveSessionId: reversed?.live_session_id ?? null,
    });
    await db
      .updateTable('billing_ledger')
      .set({ reversed_by: d.entryId })
      .where('entry_id', '=', d.reversedEntryId)
      .execute();
  },
});

/** One event at a time where that is simpler (tests, a single write), a batch at a time when replaying. */
export const billingProjection = batched(perEvent, BILLING_BATCH_TYPES, applyBillingBatch);

/** For tests that hold the batch path to the per-event rules. */
export const billingProjectionPerEvent = perEvent;
