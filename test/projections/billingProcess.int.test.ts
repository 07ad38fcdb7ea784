// The billing process manager is at-least-once but effectively once: replaying a completed lesson (a crash
// before its checkpoint moved) debits nobody twice, and a debit the domain refuses does not block the log.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { streamId } from '../../commands/eventStore/streams.js';
import { loadAggregate } from '../../commands/handleCommand.js';
import { wallets } from '../../commands/aggregates.js';
import { billingProcess } from '../../commands/processes/billing.js';
import { processRunner } from '../../commands/processes/runner.js';
import { writeCheckpoint } from '../../commands/logConsumer/checkpoints.js';

/**
 * The log is readable up to the oldest transaction running anywhere on the server, so on a busy shared server
 * a projector may be idle and still behind: poll for the outcome itself (up to a minute).
 */
async function eventually(done: () => Promise<boolean>) {
  for (let i = 0; i < 600 && !(await done()); i++) await new Promise((r) => setTimeout(r, 100));
}

const test = suite<{ t: TestApp }>('the billing process');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
});
test.after(async ({ t }) => t.close());

test('a completed lesson debits each charged student once, even when replayed', async ({ t }) => {
  const { eventStore, db } = t.deps;
  const { orgId } = await t.organisation();
  const [s1, s2, liveSessionId] = [randomUUID(), randomUUID(), randomUUID()];
  const metadata = {
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actorId: null,
    orgId,
    at: '2026-11-24T17:00:00.000Z',
  };
  const completed = {
    type: 'LiveSessionCompleted',
    data: {
      liveSessionId,
      action: 'finish_and_deduct',
      notes: { covered: null, struggled: null, next: null },
      attendance: [],
      charges: [
        { studentId: s1, enrollmentId: null, tokens: 4 },
        { studentId: s2, enrollmentId: null, tokens: 0 },
      ],
      refused: [],
      at: metadata.at,
    },
    metadata,
  };
  await eventStore.appendToStream(streamId('liveSession', liveSessionId), [completed], {
    expectedRevision: 'any',
  });
  const balance = async (id: string) => {
    const { state } = await loadAggregate(eventStore, wallets, id);
    return state.status === 'open' ? state.balance : null;
  };
  // The log is readable up to the server's oldest running transaction: on a busy server, wait for it.
  await eventually(async () => (await balance(s1)) !== null);
  assert.is(await balance(s1), -4, 'debited (overdraft was decided in the confirmed preview)');
  assert.is(await balance(s2), null, 'a free lesson touches no wallet');
  const events = await t.countEvents();

  // A second runner that starts from the beginning of the log, as after a lost checkpoint.
  await writeCheckpoint(db, 'process:billing-replay', null);
  const replay = processRunner(db, eventStore, [
    { ...billingProcess({ eventStore }), name: 'billing-replay' },
  ]);
  await replay.catchUp();
  assert.is(await t.countEvents(), events, 'nothing appended');
  assert.is(await balance(s1), -4);
  const row = () =>
    db.selectFrom('billing_wallets').select('balance').where('wallet_id', '=', s1).executeTakeFirst();
  await eventually(async () => (await row()) !== undefined);
  assert.is((await row())?.balance, -4, 'the billing read model shows the debit');
});

test.run();
