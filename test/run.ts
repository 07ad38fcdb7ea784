// `npm test`: runs every test file (each in its own process, a few at a time), prints their output, and ends
// with one line `N passed, N failed, N skipped`. Fails when a test failed, a file crashed, or no test ran.
// Arguments narrow the run to paths containing them: `npm test -- test/domain liveSession`.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
// Most suites wait on Postgres, NATS or a browser rather than the CPU: one lane more than there are cores.
const concurrency = Number(process.env.TEST_CONCURRENCY ?? Math.max(2, availableParallelism() + 1));
// Suites known to take longest start first, so they do not end the run alone.
const HEAVY = [
  'chaos',
  'accessMatrix',
  'trainingCapacity',
  'fuzz',
  'eventStore.int',
  'bench.smoke',
  'billingRebuild',
  'server.int',
];
const weight = (f: string) => {
  const i = HEAVY.findIndex((h) => f.includes(h));
  return i === -1 ? HEAVY.length : i;
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'support') return [];
    return statSync(path).isDirectory() ? walk(path) : name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = walk(join(root, 'test'))
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort((a, b) => weight(a) - weight(b) || a.localeCompare(b));

// Suites that need the machine to themselves (several browsers encoding video through the SFU): they run after
// everything else, one at a time, with nothing beside them.
const ALONE = ['roomSfu.e2e'];
const alone = (f: string) => ALONE.some((a) => f.includes(a));
const lastSuites = files.filter(alone);
// Browser suites each drive several Chromium processes: they run one at a time, in a lane of their own.
const browserSuites = files.filter((f) => f.includes('.e2e.') && !alone(f));
const otherSuites = files.filter((f) => !f.includes('.e2e.'));

type Outcome = {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  output: string;
  code: number | null;
};

// eslint-disable-next-line no-control-regex -- matching the ESC of ANSI colour codes is the point
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const count = (text: string, label: string) =>
  [...text.matchAll(new RegExp(`${label}:\\s+(\\d+)`, 'g'))].reduce((n, m) => n + Number(m[1]), 0);

function runFile(file: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    // Its own process group: what the file started (servers, browsers) goes with it when it ends or times out.
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    };
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const limitMs = Number(process.env.TEST_FILE_TIMEOUT_MS ?? 1_200_000);
    const timeout = setTimeout(() => {
      output += `\nkilled: still running after ${limitMs / 1000} s\n`;
      killGroup();
    }, limitMs);
    let ended = false;
    const end = (code: number | null) => {
      if (ended) return;
      ended = true;
      clearTimeout(timeout);
      killGroup(); // a process the file left behind would otherwise hold its output open for ever
      const text = strip(output);
      const total = count(text, 'Total');
      const passed = count(text, 'Passed');
      const skipped = count(text, 'Skipped');
      let failed = Math.max(0, total - passed - skipped);
      if (code !== 0 && failed === 0) failed = 1; // crashed, or failed outside a test
      resolve({
        file,
        passed,
        failed,
        skipped,
        seconds: (performance.now() - started) / 1000,
        output: text,
        code,
      });
    };
    child.on('close', end);
    // The file's own process ended: its output is complete within moments, even if a child still holds it.
    child.on('exit', (code) => setTimeout(() => end(code), 5000));
  });
}

const outcomes: Outcome[] = [];
function report(o: Outcome) {
  outcomes.push(o);
  const mark = o.failed > 0 ? 'FAIL' : 'ok  ';
  console.log(
    `${mark} ${o.file}  (${o.passed} passed, ${o.failed} failed, ${o.skipped} skipped, ${o.seconds.toFixed(1)} s)`,
  );
  const notices = o.output.split('\n').filter((l) => /^(SKIPPED|NOTE|BENCH)\b/.test(l));
  for (const line of notices) console.log(`     ${line}`);
  if (o.failed > 0)
    console.log(
      o.output
        .split('\n')
        .map((l) => `     | ${l}`)
        .join('\n'),
    );
}
await Promise.all(
  Array.from({ length: Math.min(concurrency, files.length) }, async (_, lane) => {
    // Lane 0 takes the browser suites first; every lane then takes whatever is left.
    const next = () => (lane === 0 ? (browserSuites.shift() ?? otherSuites.shift()) : otherSuites.shift());
    for (let file = next(); file; file = next()) report(await runFile(file));
  }),
);
for (const file of lastSuites) report(await runFile(file));

const sum = (k: 'passed' | 'failed' | 'skipped') => outcomes.reduce((n, o) => n + o[k], 0);
const passed = sum('passed');
const failed = sum('failed');
const skipped = sum('skipped');
console.log(`\n${files.length} files`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
