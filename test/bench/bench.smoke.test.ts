// Every benchmark at a tiny size, for correctness only (no timing is asserted): the harness works, the
// figures come out, and the safety checks inside them hold.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { context, type Section } from './lib.js';
import { postgresAvailable } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';

const names = [
  'calibration',
  'append',
  'commands',
  'projectionLag',
  'rebuild',
  'embedded',
  'reports',
] as const;

if (!(await postgresAvailable())) {
  skippedSuite('benchmarks (tiny)', 'the benchmarks measure a Postgres server; none answers', [...names]);
} else {
  const test = suite('benchmarks (tiny)');
  const ctx = context({ tiny: true });
  const sections = new Map<string, Section>();
  for (const name of names) {
    test(name, async () => {
      const module = await import(`./${name}.bench.js`);
      const s: Section = await module.run(ctx);
      sections.set(name, s);
      assert.ok(s.rows.length > 0, 'it reports figures');
      for (const r of s.rows) assert.ok(Number.isFinite(r.value), `${r.measure} is a number`);
    });
  }
  test('the projection-lag run loses, doubles and resurrects nothing', () => {
    const check = (
      sections.get('projectionLag') as Section & {
        check: { missed: number; doubled: number; ghosts: number; committed: number };
      }
    ).check;
    assert.ok(check.committed > 0);
    assert.equal(
      { missed: check.missed, doubled: check.doubled, ghosts: check.ghosts },
      { missed: 0, doubled: 0, ghosts: 0 },
    );
  });
  test('every rebuild reproduces the live read model', () => {
    const rows = sections
      .get('rebuild')!
      .rows.filter((r) => r.measure.startsWith('rebuild') && r.unit === 'events/s');
    assert.ok(rows.length >= 1);
    for (const r of rows) assert.match(r.note ?? '', /equal to the live model/);
  });
  test.run();
}
