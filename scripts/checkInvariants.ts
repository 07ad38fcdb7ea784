// `npm run check-invariants [-- --org <orgId>]`: replays the event log and checks the invariants of
// commands/invariants.ts; prints what it checked and each violation with its events; exits 1 on violations.
import { loadConfig } from '../kernel/config.js';
import { openRuntime } from '../main/runtime.js';
import { checkInvariants } from '../commands/invariants.js';

const orgAt = process.argv.indexOf('--org');
const orgId = orgAt >= 0 ? process.argv[orgAt + 1] : undefined;
const runtime = await openRuntime(loadConfig(), { startProjections: false });
try {
  const report = await checkInvariants(runtime.deps, { orgId });
  console.log(`replayed ${report.events} events${orgId ? ` of organisation ${orgId}` : ''}`);
  for (const c of report.checked) console.log(`  checked ${c.invariant} (${c.subjects}): ${c.rule}`);
  for (const v of report.violations) {
    console.log(`VIOLATION ${v.invariant}: ${v.message}`);
    for (const e of v.events)
      console.log(`    ${e.position} ${e.streamId} ${e.type} ${JSON.stringify(e.data)}`);
  }
  console.log(report.violations.length === 0 ? 'no violations' : `${report.violations.length} violation(s)`);
  process.exitCode = report.violations.length === 0 ? 0 : 1;
} finally {
  await runtime.close();
}
