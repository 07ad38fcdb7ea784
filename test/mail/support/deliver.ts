// Drives delivery in tests: projections caught up, then sender rounds until the inbox shows what is expected.
// On a timeout it reports the deliveries' states, so a failure says whether a mail was never enqueued, is
// waiting for a retry, or was skipped.
import type { TestApp } from '../../support/app.js';

export async function deliver(t: TestApp) {
  await t.settle();
  await t.runtime.mailer.runOnce();
}

export async function deliverUntil(t: TestApp, condition: () => boolean, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  await deliver(t);
  while (!condition()) {
    if (Date.now() > until) {
      const rows = await t.deps.db
        .selectFrom('mail_deliveries')
        .select(['id', 'template', 'status', 'attempts', 'last_error'])
        .orderBy('created_at')
        .execute();
      const outbox = await t.deps.db.selectFrom('mail_outbox').select('id').execute();
      throw new Error(
        `timed out waiting for mail; outbox rows ${outbox.length}; deliveries:\n` +
          rows.map((r) => `  ${r.template} ${r.status} x${r.attempts} ${r.last_error ?? ''}`).join('\n'),
      );
    }
    await new Promise((r) => setTimeout(r, 50));
    await deliver(t);
  }
}
