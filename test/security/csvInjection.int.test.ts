// Every CSV export goes through one writer (api/csv.ts) that neutralizes spreadsheet formulas: with people named
// =HYPERLINK("http://x"), @SUM(1+1) and +cmd|' /C calc'!A0, no cell of any export starts a formula, while
// negative amounts stay numbers.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type Session, type TestApp } from '../support/app.js';
import { generateHistory, type History } from '../bench/history.js';
import { createPerson } from '../../db/people.js';

const STUDENT = '=HYPERLINK("http://x")';
const TEACHER = '@SUM(1+1)';
const ACTOR = "+cmd|' /C calc'!A0";
const from = '2026-01-01T00:00:00.000Z';
const to = '2026-07-01T00:00:00.000Z';

const test = suite<{ t: TestApp; admin: Session; csvRoutes: string[] }>('CSV exports neutralize formulas');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  const { orgId, admin } = await ctx.t.organisation('CSV School');
  ctx.admin = admin;
  const actorId = await createPerson(ctx.t.deps.db, {
    orgId,
    role: 'admin',
    name: ACTOR,
    email: 'actor@csv.example',
  });
  const gen = generateHistory({
    orgId,
    adminId: actorId,
    students: 4,
    teachers: 2,
    sessions: 40,
    trainings: 1,
    from: new Date(from),
    days: 120,
    now: new Date('2026-05-01T00:00:00Z'),
  });
  const streams = new Map<string, { type: string; data: unknown; metadata: never }[]>();
  let r = gen.next();
  for (; !r.done; r = gen.next())
    streams.set(r.value.stream, [
      ...(streams.get(r.value.stream) ?? []),
      { type: r.value.type, data: r.value.data, metadata: r.value.metadata as never },
    ]);
  const history = r.value as History;
  for (const [i, id] of history.students.entries())
    await createPerson(ctx.t.deps.db, {
      id,
      orgId,
      role: 'student',
      name: STUDENT,
      email: `s${i}@csv.example`,
    });
  for (const [i, id] of history.teachers.entries())
    await createPerson(ctx.t.deps.db, {
      id,
      orgId,
      role: 'teacher',
      name: TEACHER,
      email: `t${i}@csv.example`,
    });
  for (const [stream, events] of streams)
    await ctx.t.deps.eventStore.appendToStream(stream, events, { expectedRevision: 'no_stream' });
  await ctx.t.settle();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await ctx.t.settle();
  const doc = (await ctx.t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  ctx.csvRoutes = Object.entries(doc.paths)
    .filter(([path, ops]) => path.endsWith('.csv') && 'get' in ops)
    .map(([path]) => path);
});
test.after(async ({ t }) => t?.close());

/** RFC 4180: fields, quoted or not, of CRLF-separated records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

test('every CSV export: no cell starts a formula; the names are there, neutralized', async ({
  admin,
  csvRoutes,
}) => {
  assert.ok(csvRoutes.length >= 7, `CSV routes: ${csvRoutes.join(', ')}`);
  const seen = new Set<string>();
  for (const path of csvRoutes) {
    const query = path.startsWith('/api/reports/') ? `?from=${from}&to=${to}&groupBy=month` : '';
    const res = await admin.get(`${path}${query}`);
    assert.is(res.statusCode, 200, `${path}: ${res.body.slice(0, 300)}`);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    const records = parseCsv(res.body.replace(/^\uFEFF/, ''));
    assert.ok(records.length > 1, `${path} has rows`);
    for (const [n, record] of records.entries())
      for (const cell of record) {
        if (/^[=+\-@\t\r]/.test(cell))
          assert.ok(
            /^-\d+(\.\d+)?$/.test(cell),
            `${path} line ${n + 1}: the cell ${JSON.stringify(cell)} starts a formula`,
          );
        for (const name of [STUDENT, TEACHER, ACTOR]) if (cell === `'${name}`) seen.add(`${path} ${name}`);
        assert.ok(![STUDENT, TEACHER, ACTOR].includes(cell), `${path}: ${cell} left as it is`);
      }
  }
  for (const expected of [
    `/api/reports/attendance.csv ${STUDENT}`,
    `/api/reports/attendance.csv ${TEACHER}`,
    `/api/reports/tokens.csv ${STUDENT}`,
    `/api/reports/scores.csv ${STUDENT}`,
    `/api/reports/teaching-hours.csv ${TEACHER}`,
    `/api/audit.csv ${ACTOR}`,
  ])
    assert.ok(seen.has(expected), `${expected} not found neutralized; saw:\n${[...seen].join('\n')}`);
});

test('negative amounts stay numbers', async ({ admin }) => {
  const res = await admin.get(`/api/reports/tokens.csv?from=${from}&to=${to}&groupBy=month`);
  const records = parseCsv(res.body.replace(/^\uFEFF/, ''));
  const tokens = records[0]!.indexOf('tokens');
  assert.ok(
    records.slice(1).some((r) => /^-\d+$/.test(r[tokens]!)),
    'a debit is a plain negative number',
  );
});

test.run();
