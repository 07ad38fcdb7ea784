// How long a create takes to answer with its resource: with nothing else running, with a transaction held open in
// another database of the same Postgres server (which must not matter), and with one held open in this database
// (which holds the projectors back, so the answer must come from the write's decided state, not a read model).
import pg from 'pg';
import { freshDatabase, load, percentile, row, type BenchContext, type Section } from './lib.js';

type Reply = { status: number; body: string };

async function hold(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT pg_current_xact_id()');
  return async () => {
    await client.query('ROLLBACK');
    await client.end();
  };
}

export async function createLatencies(
  s: Section,
  ctx: BenchContext,
  create: (n: number) => Promise<Reply>,
  databaseUrl: string,
) {
  let n = 0;
  const total = ctx.tiny ? 10 : 300;
  const measure = async () => {
    const r = await load({ concurrency: 8, total }, async () => {
      const res = await create(n++);
      if (res.status !== 201 || !JSON.parse(res.body).id)
        throw new Error(`create: ${res.status} ${res.body}`);
    });
    return r.latencies;
  };
  const free = await measure();
  const other = await freshDatabase();
  const releaseOther = await hold(other.url);
  const elsewhere = await measure().finally(async () => {
    await releaseOther();
    await other.drop();
  });
  const releaseHere = await hold(databaseUrl);
  const here = await measure().finally(releaseHere);
  const base = { label: 'nothing held, p99', value: percentile(free, 99) };
  row(s, {
    measure: 'schedule a live session (8 connections): p50',
    value: percentile(free, 50),
    unit: 'ms',
  });
  row(s, {
    measure: 'schedule a live session (8 connections): p99',
    value: percentile(free, 99),
    unit: 'ms',
  });
  for (const [label, latencies] of [
    ['a transaction held open in another database', elsewhere],
    ['a transaction held open in this database', here],
  ] as const) {
    row(s, {
      measure: `schedule a live session, ${label}: p50`,
      value: percentile(latencies, 50),
      unit: 'ms',
    });
    row(s, {
      measure: `schedule a live session, ${label}: p99`,
      value: percentile(latencies, 99),
      unit: 'ms',
      baseline: base,
      target: '< 200 ms, answered with its resource',
      met: percentile(latencies, 99) < 200,
    });
  }
  s.notes.push(
    `Creates: ${total} per case at 8 connections, each answered 201 with the session it created (checked), sent as the web client sends them (Lectern-Consistency: token: the client brings the position to its next reads, so the write does not wait for the read models).`,
  );
}
