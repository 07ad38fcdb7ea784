// `npm run rebuild -- <name>`: replays the whole history into a fresh copy of a read model, compares its
// checksum with the live one and swaps it in. Shows a progress bar.
import { loadConfig } from '../kernel/config.js';
import { openRuntime } from '../main/runtime.js';
import { projectionByName, projections } from '../projections/index.js';
import { rebuildProjection } from '../projections/rebuild.js';

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (names.length === 0) {
  console.error(
    `usage: npm run rebuild -- <name> [...]   (names: ${projections.map((p) => p.name).join(', ')}, or all)`,
  );
  process.exit(2);
}
const selected = names.includes('all')
  ? projections
  : names.map((n) => projectionByName(n) ?? (console.error(`no read model named ${n}`), process.exit(2)));

const runtime = await openRuntime(loadConfig(), { startProjections: false });
let failed = false;
for (const projection of selected) {
  const result = await rebuildProjection(runtime.deps.db, runtime.deps.eventStore, projection, {
    pool: runtime.pool,
    onProgress: ({ applied, total, eventsPerSecond }) => {
      const ratio = total ? Math.min(1, applied / total) : 0;
      const bar = '#'.repeat(Math.round(ratio * 30)).padEnd(30, '.');
      process.stderr.write(
        `\r${projection.name.padEnd(12)} [${bar}] ${total ? `${Math.round(ratio * 100)}%` : ''} ${applied} events ${Math.round(eventsPerSecond)} ev/s   `,
      );
    },
  });
  process.stderr.write('\n');
  const equal = result.liveChecksum === result.rebuiltChecksum;
  failed ||= !equal;
  console.log(
    `${projection.name}: ${result.events} events in ${result.seconds.toFixed(2)} s (${Math.round(result.events / Math.max(result.seconds, 0.001))} ev/s)`,
  );
  const { replaySeconds, checksumSeconds, swapSeconds } = result.phases;
  console.log(
    `  replay ${replaySeconds.toFixed(2)} s, checksums ${checksumSeconds.toFixed(2)} s, swap ${swapSeconds.toFixed(2)} s`,
  );
  if (result.liveCaughtUp > 0)
    console.log(
      `  the live model was more than a page behind: brought through ${result.liveCaughtUp} events of the log first`,
    );
  console.log(`  live checksum    ${result.liveChecksum}`);
  console.log(
    `  rebuilt checksum ${result.rebuiltChecksum}  ${equal ? 'EQUAL: the live model stays as it is' : `DIFFERENT: ${result.replaced ? 'the rebuilt model replaced the live one' : 'the live model was kept'}`}`,
  );
}
await runtime.close();
process.exit(failed ? 1 : 0);
