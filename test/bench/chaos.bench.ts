// The long chaos run (`npm run bench -- chaos`): the scenario of test/ops/support/chaosRun.ts (two server nodes
// on a throwaway Postgres cluster and a NATS server of their own, a mixed load over HTTP; the billing node killed
// with SIGKILL twice, NATS restarted, Postgres restarted) for 10 minutes of load (CHAOS_SECONDS sets another
// length), then the invariant checker and the check that every acknowledged command is in the log. It reports
// what was sent, accepted and refused, the faults injected, the invariants checked and what broke: the targets
// are 0 violations and 0 acknowledged commands lost. Not part of the default benches (it is correctness under
// faults, not speed); `npm test` runs the same scenario for 25 s.
import { chaosMissing, describeChaos, runChaos } from '../ops/support/chaosRun.js';
import { row, section, type BenchContext, type Section } from './lib.js';

export async function run(ctx: BenchContext): Promise<Section> {
  const seconds = Number(process.env.CHAOS_SECONDS || (ctx.tiny ? 25 : 600));
  const s = section('Chaos run');
  const missing = await chaosMissing();
  if (missing) {
    s.notes.push(`Not run: ${missing}.`);
    ctx.log(`chaos: not run: ${missing}`);
    return s;
  }
  const r = await runChaos({ seconds, log: (line) => ctx.log(`chaos: ${line}`) });
  console.log(describeChaos(r));
  const c = r.counts;
  row(s, {
    measure: 'load',
    value: r.loadSeconds,
    unit: 's',
    note: `${r.rounds} rounds (${seconds} s asked)`,
  });
  row(s, {
    measure: 'commands sent',
    value: c.requests,
    unit: 'requests',
    note: 'over HTTP, to either node at random (setup included)',
  });
  row(s, { measure: 'accepted (2xx)', value: c.accepted, unit: 'requests' });
  row(s, {
    measure: 'refused (4xx)',
    value: c.refused,
    unit: 'requests',
    note: 'rule refusals: stale previews, full section, unknown registration',
  });
  row(s, {
    measure: 'failed (5xx or no answer)',
    value: c.failed,
    unit: 'requests',
    note: 'while a node, NATS or Postgres was down',
  });
  row(s, {
    measure: 'acknowledged commands checked in the log',
    value: r.acknowledged,
    unit: 'commands',
    note: `${r.completions} lesson completions among them`,
  });
  row(s, {
    measure: 'faults injected',
    value: r.faults.length,
    unit: 'faults',
    target: '4',
    met: r.allFaults,
  });
  row(s, { measure: 'events checked', value: r.events, unit: 'events' });
  row(s, {
    measure: 'invariant violations',
    value: r.violations.length,
    unit: '',
    target: '0',
    met: r.violations.length === 0,
  });
  row(s, {
    measure: 'acknowledged commands lost',
    value: r.lost.length,
    unit: '',
    target: '0',
    met: r.lost.length === 0,
  });
  row(s, {
    measure: 'training section over its seats',
    value: r.overbooked.length,
    unit: 'times',
    target: '0',
    met: r.overbooked.length === 0,
  });
  row(s, {
    measure: 'billing caught up with the log after the load',
    value: r.catchUpSeconds,
    unit: 's',
    note: r.caughtUp ? '' : '**not caught up**',
  });
  s.notes.push(
    `Faults, in order: ${r.faults.join('; ')}.`,
    `Invariants checked (npm run check-invariants, subjects in brackets): ${r.invariants.map((i) => `${i.invariant} (${i.subjects})`).join(', ')}.`,
    ...r.violations.map((v) => `Violation ${v.invariant}: ${v.message}`),
    ...r.lost.slice(0, 20).map((l) => `Lost: ${l}`),
    'The load: scheduling, two lessons with the same students completed at once on both nodes, credits and ' +
      'reversals, training registrations into a two-seat section. Writes ask for `Prefer: return=minimal` (they do ' +
      "not wait for the read models). Postgres is a cluster of the run's own (initdb into a temp dir), restarted with " +
      'a fast shutdown and started again on the same port; killed nodes start again 3 s later.',
  );
  return s;
}
