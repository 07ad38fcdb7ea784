// The gateway benchmark at a tiny size, for correctness only (no timing asserted): peers join on two nodes,
// every signal comes back, and the figures come out beside the NATS baseline.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { context } from './lib.js';
import { postgresAvailable } from '../support/services.js';
import { natsServerAvailable } from '../realtime/support/cluster.js';
import { skippedSuite } from '../support/suite.js';

const name = 'the gateway benchmark runs at a tiny size and reports its figures';

if (!(await postgresAvailable()) || !(await natsServerAvailable())) {
  skippedSuite('gateway benchmark (tiny)', 'needs a Postgres server and /usr/sbin/nats-server', [name]);
} else {
  const test = suite('gateway benchmark (tiny)');
  test(name, async () => {
    const { run } = await import('./gateway.bench.js');
    const s = await run(context({ tiny: true }));
    const value = (measure: string) => s.rows.find((r) => r.measure.startsWith(measure))?.value;
    assert.is(value('peers joined'), 8);
    for (const r of s.rows) assert.ok(Number.isFinite(r.value), `${r.measure} is a number`);
    const p50 = s.rows.find((r) => r.measure.endsWith('p50') && r.baseline)!;
    assert.ok(p50.baseline!.value > 0, 'the NATS baseline was measured in the same run');
  });
  test.run();
}
