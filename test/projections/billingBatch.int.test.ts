// The billing projection's batch path leaves exactly the rows its one-event-at-a-time rules leave: the live
// read model (projected in batches) and a rebuild through the per-event path have equal checksums, also when
// reversals refer to lines projected in an earlier batch.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import {
  walletDecider,
  type WalletCommand,
  type WalletEvent,
  type WalletState,
} from '../../domain/wallet/wallet.js';
import { billingProjectionPerEvent } from '../../projections/billing/billing.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { streamId } from '../../commands/eventStore/streams.js';

const test = suite<{ t: TestApp }>('billing projection in batches');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
});
test.after(async ({ t }) => t.close());

test('batched and per-event projection agree, across batches', async ({ t }) => {
  const { eventStore, db } = t.deps;
  const orgId = randomUUID();
  const metadata = {
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    actorId: null,
    orgId,
    at: '2026-11-24T16:00:00.000Z',
  };
  const walletIds = [randomUUID(), randomUUID(), randomUUID()];
  const states = new Map<string, WalletState>(walletIds.map((id) => [id, walletDecider.initialState()]));
  const entries = new Map<string, string[]>(walletIds.map((id) => [id, []]));
  // Many small appends, interleaved between wallets, so the runner's batches cut through every history.
  for (let round = 0; round < 60; round++) {
    for (const walletId of walletIds) {
      const owner = { walletId, orgId, owner: 'student' as const, ownerId: walletId };
      const entryId = randomUUID();
      const mine = entries.get(walletId)!;
      const command: WalletCommand =
        round % 3 === 0
          ? { type: 'CreditWallet', ...owner, entryId, tokens: 10, reason: 'Top-up' }
          : round % 3 === 1
            ? {
                type: 'DebitWallet',
                ...owner,
                entryId,
                tokens: 4,
                cause: { kind: 'session', liveSessionId: randomUUID() },
                allowOverdraft: true,
              }
            : {
                type: 'ReverseWalletEntry',
                walletId,
                entryId,
                reversedEntryId: mine[mine.length - 1]!,
                reason: 'Fix',
                allowOverdraft: true,
              };
      let state = states.get(walletId)!;
      const events: WalletEvent[] = walletDecider.decide(command, state);
      for (const e of events) state = walletDecider.evolve(state, e);
      states.set(walletId, state);
      mine.push(entryId);
      await eventStore.appendToStream(
        streamId('wallet', walletId),
        events.map((e) => ({ type: e.type, data: e.data, metadata })),
        { expectedRevision: 'any' },
      );
    }
  }
  const lines = async () =>
    (await db.selectFrom('billing_ledger').select('entry_id').where('org_id', '=', orgId).execute()).length;
  for (let i = 0; i < 300 && (await lines()) < 180; i++) await t.deps.projections.waitFor(undefined, 1000);
  assert.is(await lines(), 180);
  const result = await rebuildProjection(db, eventStore, billingProjectionPerEvent, { replace: false });
  assert.is(result.rebuiltChecksum, result.liveChecksum);
  const reversed = await db
    .selectFrom('billing_ledger')
    .select(['cause', 'live_session_id', 'reversed_by'])
    .where('org_id', '=', orgId)
    .where('cause', '=', 'session')
    .execute();
  assert.ok(
    reversed.every((l) => l.reversed_by !== null && l.live_session_id !== null),
    'every debit reversed',
  );
  const balances = await db
    .selectFrom('billing_wallets')
    .select(['wallet_id', 'balance'])
    .where('org_id', '=', orgId)
    .execute();
  for (const b of balances) {
    const s = states.get(b.wallet_id)!;
    assert.is(b.balance, s.status === 'open' ? s.balance : -1);
  }
});

test.run();
