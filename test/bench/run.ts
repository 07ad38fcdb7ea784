// `npm run bench [-- --full] [-- name ...]`: runs the benchmarks in order and writes docs/benchmarks.md, each
// figure beside a baseline measured in the same run on this machine, with the ratio between them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { context, fmt, fmtValue, machine, type BenchContext, type Section } from './lib.js';

type Bench = { name: string; load: () => Promise<{ run: (ctx: BenchContext) => Promise<Section> }> };

export const benches: Bench[] = [
  { name: 'calibration', load: () => import('./calibration.bench.js') },
  { name: 'append', load: () => import('./append.bench.js') },
  { name: 'commands', load: () => import('./commands.bench.js') },
  { name: 'projectionLag', load: () => import('./projectionLag.bench.js') },
  { name: 'rebuild', load: () => import('./rebuild.bench.js') },
  { name: 'embedded', load: () => import('./embedded.bench.js') },
];

/** Benchmarks contributed by feature work (gateway, reports), run when present. */
const optional = ['gateway', 'reports', 'sfu', 'roomJoin', 'chaos'];
/** Run only when named (`npm run bench -- chaos`): the chaos run is 10 minutes of correctness under faults. */
const onlyWhenNamed = ['chaos'];

async function main() {
  const args = process.argv.slice(2);
  const full = args.includes('--full');
  const names = args.filter((a) => !a.startsWith('--'));
  const ctx = context({ full });
  const info = await machine(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const sections: Section[] = [];
  const all = [...benches];
  for (const name of optional) all.push({ name, load: () => import(`./${name}.bench.js`) });
  for (const bench of all) {
    if (names.length > 0 && !names.includes(bench.name) && bench.name !== 'calibration') continue;
    if (names.length === 0 && onlyWhenNamed.includes(bench.name)) continue;
    let module;
    try {
      module = await bench.load();
    } catch (error) {
      if (optional.includes(bench.name)) continue;
      throw error;
    }
    if (typeof module.run !== 'function') continue;
    console.log(`\n== ${bench.name}`);
    sections.push(await module.run(ctx));
  }
  mkdirSync('docs', { recursive: true });
  // A partial run (`npm run bench -- append`) replaces its own sections and keeps the others.
  const previous =
    names.length > 0 && existsSync('docs/benchmarks.md') ? readFileSync('docs/benchmarks.md', 'utf8') : '';
  const analysis = readFileSync(new URL('./analysis.md', import.meta.url), 'utf8');
  const body = merge(markdown(sections, info, full), previous.split('## What bounds the rest')[0]!);
  writeFileSync('docs/benchmarks.md', `${body.trimEnd()}\n\n${analysis}`);
  console.log('\nwrote docs/benchmarks.md');
}

function merge(fresh: string, previous: string): string {
  if (!previous) return fresh;
  const split = (text: string) => text.split(/^(?=## )/m);
  const [head, ...freshSections] = split(fresh);
  const titles = new Set(freshSections.map((x) => x.split('\n')[0]));
  const kept = split(previous)
    .slice(1)
    .filter((x) => !titles.has(x.split('\n')[0]));
  const order = (x: string) => {
    const i = SECTION_ORDER.findIndex((t) => x.startsWith(`## ${t}`));
    return i === -1 ? SECTION_ORDER.length : i;
  };
  const sections = [...kept, ...freshSections].sort((a, b) => order(a) - order(b));
  return head + sections.map((x) => `${x.trimEnd()}\n\n`).join('');
}

const SECTION_ORDER = [
  'Calibration',
  'Append',
  'Commands',
  'Projection lag',
  'Rebuild',
  'Embedded',
  'Live-room',
  'Live room join',
  'Group video',
  'Reports',
  'Chaos run',
];

function markdown(sections: Section[], info: Awaited<ReturnType<typeof machine>>, full: boolean) {
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${full ? ' -- --full' : ''}\` on ${new Date().toISOString()}. Absolute numbers vary by machine; the ratios to the`,
    'baselines (measured in the same run, on the same machine) are what we track. A partial run (`npm run bench --',
    '<name>`) refreshes its own sections only; within a section, every figure and its baseline come from one run.',
    '',
    '| machine | |',
    '| --- | --- |',
    `| cores | ${info.cores} (${info.cpu}) |`,
    `| memory | ${info.memoryGiB} GiB |`,
    `| Node | ${info.node} |`,
    `| Postgres | ${info.postgres} (synchronous_commit ${info.synchronousCommit}) |`,
    `| fsync rate (pg_test_fsync, fdatasync, 8 kB) | ${info.fsyncPerSecond ? `${fmt(info.fsyncPerSecond)}/s` : 'n/a'} |`,
    `| size | ${full ? 'full (--full)' : 'default (time-bounded; --full for the issue sizes)'} |`,
    '',
  ];
  for (const s of sections) {
    lines.push(
      `## ${s.title}`,
      '',
      '| measure | value | baseline | ratio | target | note |',
      '| --- | ---: | --- | ---: | --- | --- |',
    );
    for (const r of s.rows) {
      const value = `${fmtValue(r.value)} ${r.unit}`;
      const base = r.baseline ? `${r.baseline.label}: ${fmtValue(r.baseline.value)}` : '';
      const ratio = r.ratio === undefined ? '' : fmt(r.ratio, 2);
      const target = r.target
        ? `${r.target}: ${r.met === undefined ? '' : r.met ? '**met**' : '**missed**'}`
        : '';
      lines.push(`| ${r.measure} | ${value} | ${base} | ${ratio} | ${target} | ${r.note ?? ''} |`);
    }
    if (s.notes.length) lines.push('', ...s.notes.map((n) => `- ${n}`));
    lines.push('');
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
