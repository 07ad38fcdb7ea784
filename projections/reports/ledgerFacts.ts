// How wallet events become ledger report rows: every credit, debit (per cause) and reversal, with the balance
// after it, so "balance at period end" is the last row before the end.
import type { WalletEvent } from '../../domain/wallet/events.js';
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import type { ProjectionDb } from '../projection.js';
import './reports.table.js';

type Handler = (db: ProjectionDb, event: RecordedEvent) => Promise<void>;
type D<T extends WalletEvent['type']> = Extract<WalletEvent, { type: T }>['data'];
const data = <T>(event: RecordedEvent) => event.data as T;

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

export const ledgerFacts: Record<string, Handler> = {
  async WalletOpened(db, event) {
    const d = data<D<'WalletOpened'>>(event);
    await db
      .insertInto('report_wallets')
      .values({ wallet_id: d.walletId, org_id: d.orgId, owner_kind: d.owner, owner_id: d.ownerId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async WalletCredited(db, event) {
    const d = data<D<'WalletCredited'>>(event);
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
    const d = data<D<'WalletDebited'>>(event);
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
    const d = data<D<'WalletEntryReversed'>>(event);
    await entry(db, event, d.walletId, {
      entry_id: d.entryId,
      kind: 'reversal',
      cause: 'reversal',
      live_session_id: null,
      tokens: d.change,
      balance_after: d.balanceAfter,
    });
  },
};
