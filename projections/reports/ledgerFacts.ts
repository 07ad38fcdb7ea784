// How wallet events become ledger report rows: every credit, debit (per cause) and reversal, with the balance
// after it, so "balance at period end" is the last row before the end.
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import type { Handlers, ProjectionDb } from '../projection.js';

async function entry(
  db: ProjectionDb,
  event: RecordedEvent,
  walletId: string,
  values: {
    entry_id: string;
    kind: 'credit' | 'debit' | 'reversal';
    cause: string;
    live_session_id: string | null;
    tokens: number;
    balance_after: number;
  },
) {
  const wallet = await db
    .selectFrom('report_wallets')
    .selectAll()
    .where('wallet_id', '=', walletId)
    .executeTakeFirst();
  if (!wallet) return;
  await db
    .insertInto('report_ledger')
    .values({
      ...values,
      wallet_id: walletId,
      org_id: wallet.org_id,
      owner_kind: wallet.owner_kind,
      owner_id: wallet.owner_id,
      at: event.metadata.at,
      seq: event.streamRevision,
    })
    .onConflict((oc) => oc.column('entry_id').doNothing())
    .execute();
}

export const ledgerFacts = {
  async WalletOpened(db, event) {
    const d = event.data;
    await db
      .insertInto('report_wallets')
      .values({ wallet_id: d.walletId, org_id: d.orgId, owner_kind: d.owner, owner_id: d.ownerId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async WalletCredited(db, event) {
    const d = event.data;
    await entry(db, event, d.walletId, {
      entry_id: d.entryId,
      kind: 'credit',
      cause: 'credit',
      live_session_id: null,
      tokens: d.tokens,
      balance_after: d.balanceAfter,
    });
  },
  async WalletDebited(db, event) {
    const d = event.data;
    const sessionId = d.cause.kind === 'session' ? d.cause.liveSessionId : null;
    await entry(db, event, d.walletId, {
      entry_id: d.entryId,
      kind: 'debit',
      cause: d.cause.kind,
      live_session_id: sessionId,
      tokens: -d.tokens,
      balance_after: d.balanceAfter,
    });
  },
  async WalletEntryReversed(db, event) {
    const d = event.data;
    await entry(db, event, d.walletId, {
      entry_id: d.entryId,
      kind: 'reversal',
      cause: 'reversal',
      live_session_id: null,
      tokens: d.change,
      balance_after: d.balanceAfter,
    });
  },
} satisfies Handlers;
