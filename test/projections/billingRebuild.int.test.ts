// The billing read model replays exactly: 100,000 generated wallet events (credits, lesson debits, reversals)
// are projected live, then rebuilt from the log into fresh tables; the balances and the checksum must match.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from '../support/app.js';
import { loadConfig } from '../../kernel/config.js';
import { openRuntime, type Runtime } from '../../main/runtime.js';
import {
  walletDecider,
  type WalletCommand,
  type WalletEvent,
  type WalletState,
} from '../../domain/wallet/wallet.js';
import { billingProjection } from '../../projections/billing/billing.js';
import { rebuildProjection, checksum } from '../../projections/rebuild.js';
import { streamId } from '../../commands/eventStore/streams.js';

const EVENTS = Number(process.env.BILLING_REBUILD_EVENTS ?? 100_000);
const PER_WALLET = 100;

/** A small deterministic PRNG, so a failing run can be repeated. */
function prng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** One wallet's history, produced by the real decider (so every event is one the domain could have made). */
function walletHistory(orgId: string, walletId: string, random: () => number) {
  let state: WalletState = walletDecider.initialState();
  const events: WalletEvent[] = [];
  const owner = { walletId, orgId, owner: 'student' as const, ownerId: walletId };
  const entryIds: string[] = [];
  const run = (command: WalletCommand) => {
    const produced = walletDecider.decide(command, state);
    for (const e of produced) state = walletDecider.evolve(state, e);
    events.push(...produced);
  };
  run({ type: 'CreditWallet', ...owner, entryId: randomUUID(), tokens: 50, reason: 'Starter pack' });
  while (events.length < PER_WALLET) {
    const roll = random();
    const entryId = randomUUID();
    entryIds.push(entryId);
    if (roll < 0.3)
      run({
        type: 'CreditWallet',
        ...owner,
        entryId,
        tokens: 1 + Math.floor(random() * 20),
        reason: 'Top-up',
      });
    else if (roll < 0.85) {
      const cause = { kind: 'session' as const, liveSessionId: randomUUID() };
      run({
        type: 'DebitWallet',
        ...owner,
        entryId,
        tokens: 1 + Math.floor(random() * 6),
        cause,
        allowOverdraft: true,
      });
    } else {
      const target = entryIds[Math.floor(random() * (entryIds.length - 1))];
      if (!target) continue;
      try {
        run({
          type: 'ReverseWalletEntry',
          walletId,
          entryId,
          reversedEntryId: target,
          reason: 'Correction',
          allowOverdraft: true,
        });
      } catch {
        // already reversed, or a reversal itself: the domain refuses, and so the generator moves on
      }
    }
  }
  return { events: events.slice(0, PER_WALLET), state };
}

type Target = { deps: Runtime['deps']; kind: string; close(): Promise<void> };

/**
 * Where the events go: the test database (Postgres when it answers, as every integration test), or with
 * BILLING_REBUILD_PGLITE=1 an embedded PGlite database of the test's own, away from a shared server.
 */
async function target(): Promise<Target> {
  if (!process.env.BILLING_REBUILD_PGLITE) {
    const t = (await testApp())!;
    return { deps: t.deps, kind: t.dbKind, close: () => t.close() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'lectern-billing-rebuild-'));
  const runtime = await openRuntime(loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'http://localhost:3000' }));
  return {
    deps: runtime.deps,
    kind: 'pglite',
    async close() {
      await runtime.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const test = suite<{ t: Target }>('billing rebuild');
test.before(async (ctx) => {
  ctx.t = await target();
});
test.after(async ({ t }) => t.close());

test(`a rebuild of ${EVENTS} wallet events reproduces the live balances exactly`, async ({ t }) => {
  const { eventStore, db } = t.deps;
  const orgId = randomUUID();
  const random = prng(42);
  const expected = new Map<string, number>();
  const generating = performance.now();
  const wallets = Math.ceil(EVENTS / PER_WALLET);
  for (let i = 0; i < wallets; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, wallets - i) }, async () => {
        const walletId = randomUUID();
        const { events } = walletHistory(orgId, walletId, random);
        const last = events[events.length - 1]!;
        expected.set(walletId, (last.data as { balanceAfter?: number }).balanceAfter ?? 0);
        const at = '2026-11-24T16:00:00.000Z';
        const metadata = {
          commandId: randomUUID(),
          correlationId: randomUUID(),
          causationId: randomUUID(),
          actorId: null,
          orgId,
          at,
        };
        await eventStore.appendToStream(
          streamId('wallet', walletId),
          events.map((e) => ({ type: e.type, data: e.data, metadata })),
          { expectedRevision: 'no_stream' },
        );
      }),
    );
  }
  const generated = (performance.now() - generating) / 1000;

  // The log's readable horizon is the oldest running transaction of the whole server (other databases
  // included), so wait until the live read model holds every wallet, not just until the projector is idle.
  const projecting = performance.now();
  const liveWallets = () =>
    db.selectFrom('billing_wallets').select(['wallet_id', 'balance']).where('org_id', '=', orgId).execute();
  const ledgerLines = async () =>
    Number(
      (
        await db
          .selectFrom('billing_ledger')
          .select(db.fn.countAll<number>().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  while ((await ledgerLines()) < EVENTS - expected.size && performance.now() - projecting < 900_000)
    await t.deps.projections.waitFor(undefined, 5_000);
  const live = await liveWallets();
  const projected = (performance.now() - projecting) / 1000;
  assert.is(live.length, expected.size);
  for (const row of live)
    assert.is(row.balance, expected.get(row.wallet_id), `live balance of ${row.wallet_id}`);
  assert.is(await ledgerLines(), EVENTS - expected.size, 'one ledger line per event but the openings');

  const before = await checksum(db, 'public', billingProjection.tables);
  const result = await rebuildProjection(db, eventStore, billingProjection);
  assert.is(result.rebuiltChecksum, result.liveChecksum, 'the rebuilt read model equals the live one');
  assert.is(result.liveChecksum, before);
  // The operator is told where the time went: the replay, the checksums and the swap make up the rebuild.
  const { replaySeconds, checksumSeconds, swapSeconds } = result.phases;
  assert.ok(replaySeconds > 0 && checksumSeconds > 0 && swapSeconds >= 0, JSON.stringify(result.phases));
  assert.is(result.replaced, false, 'equal models: the live rows stay');
  assert.ok(replaySeconds + checksumSeconds + swapSeconds <= result.seconds, JSON.stringify(result));
  const rebuilt = await db
    .selectFrom('billing_wallets')
    .select(['wallet_id', 'balance'])
    .where('org_id', '=', orgId)
    .execute();
  for (const row of rebuilt)
    assert.is(row.balance, expected.get(row.wallet_id), `rebuilt balance of ${row.wallet_id}`);
  console.log(
    `BENCH billing rebuild (${t.kind}): ${result.events} events in ${result.seconds.toFixed(2)} s = ` +
      `${Math.round(result.events / result.seconds)} events/s (appended in ${generated.toFixed(1)} s, ` +
      `projected live in ${projected.toFixed(1)} s)`,
  );
});

test.run();
