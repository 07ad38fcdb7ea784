// Shared pieces of the benchmarks: sizes, a fresh database, machine facts, percentiles and the report rows.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { testDatabase, type TestDatabase } from '../support/services.js';

export type Row = {
  measure: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  /** value / baseline, or as the row defines it */
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
};

export type Section = { title: string; rows: Row[]; notes: string[] };

export type BenchContext = {
  /** the full sizes of the issue (1M events and more); otherwise a few minutes in all */
  full: boolean;
  /** a correctness-only run for `npm test`: tiny sizes, nothing timed asserted */
  tiny: boolean;
  /** ceilings measured by the calibration, by name (e.g. `insert.c8` rows/s) */
  ceilings: Map<string, number>;
  log: (line: string) => void;
};

export function context(args: { full?: boolean; tiny?: boolean } = {}): BenchContext {
  return { full: !!args.full, tiny: !!args.tiny, ceilings: new Map(), log: (l) => console.log(`BENCH ${l}`) };
}

export async function freshDatabase(): Promise<TestDatabase & { url: string }> {
  const db = await testDatabase({ requirePostgres: true });
  if (!db?.url) throw new Error('benchmarks need a Postgres server (DATABASE_URL or 127.0.0.1:5432)');
  return db as TestDatabase & { url: string };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `worker(i)` on `concurrency` loops until `seconds` pass or `total` operations are done. */
export async function load(
  opts: { concurrency: number; seconds?: number; total?: number },
  op: (worker: number, n: number) => Promise<number | void>,
) {
  const deadline = opts.seconds ? performance.now() + opts.seconds * 1000 : Infinity;
  let issued = 0;
  let units = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async (_, worker) => {
      for (
        let n = 0;
        performance.now() < deadline && (opts.total === undefined || issued < opts.total);
        n++
      ) {
        issued++;
        const t0 = performance.now();
        const done = await op(worker, n);
        latencies.push(performance.now() - t0);
        units += typeof done === 'number' ? done : 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, operations: latencies.length, units, perSecond: units / seconds, latencies };
}

/** A measured value: whole numbers (counts) without decimals, small fractions with two. */
export const fmtValue = (n: number) => fmt(n, Number.isInteger(n) || Math.abs(n) >= 100 ? 0 : 2);

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';

export async function machine(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const version = (await client.query('SHOW server_version')).rows[0].server_version as string;
  const sync = (await client.query('SHOW synchronous_commit')).rows[0].synchronous_commit as string;
  await client.end();
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: version,
    synchronousCommit: sync,
    fsyncPerSecond: fsyncRate(),
  };
}

/** fdatasync rate of one 8 kB write, from pg_test_fsync (Postgres's own tool). */
export function fsyncRate(): number | null {
  const candidates = [
    '/usr/lib/postgresql/15/bin/pg_test_fsync',
    '/usr/lib/postgresql/16/bin/pg_test_fsync',
    'pg_test_fsync',
  ];
  const bin = candidates.find((c) => c === 'pg_test_fsync' || existsSync(c))!;
  try {
    const out = execFileSync(bin, ['-s', '1', '-f', '/tmp/lectern_fsync.test'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const line = out.split('\n').find((l) => l.trim().startsWith('fdatasync'));
    const m = line && /([\d.]+) ops\/sec/.exec(line);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export function section(title: string): Section {
  return { title, rows: [], notes: [] };
}

export function row(s: Section, r: Row) {
  if (r.baseline && r.ratio === undefined) r.ratio = r.value / r.baseline.value;
  s.rows.push(r);
  const base = r.baseline
    ? `  baseline ${r.baseline.label} ${fmt(r.baseline.value)}  ratio ${fmt(r.ratio ?? NaN, 2)}`
    : '';
  const target = r.target
    ? `  target ${r.target} ${r.met === undefined ? '' : r.met ? 'MET' : 'MISSED'}`
    : '';
  console.log(`BENCH ${s.title} | ${r.measure}: ${fmtValue(r.value)} ${r.unit}${base}${target}`);
}
