// Erasure reaches the log: a student chats in the live room, writes an essay, gets feedback; an admin erases them.
// Afterwards their name and texts appear nowhere: not in the API, any CSV export, the room's history (the chat
// GET folds the room stream like a WebSocket join does), the audit log, any table (also after rebuilding every read model, with equal
// checksums) nor the raw events table; balances and counts are unchanged.
import { sql } from 'kysely';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type Session, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { RoomClient } from '../realtime/support/cluster.js';
import { projections } from '../../projections/index.js';
import { rebuildProjection } from '../../projections/rebuild.js';

const NAME = 'Quirina Erasmus-Vale';
const CHAT = 'Quirina private chat: my phone is 0170 555';
const ESSAY = 'Quirina essay: last weekend I visited my sick father';
const GRADED = 'Quirina essay feedback: lovely story';
const FEEDBACK = 'Quirina scores feedback: shy but improving';
const REASON = 'Quirina joined by phone from the clinic';
const GAP = 'Quirina typed zebrafish';
const OTHER_CHAT = 'Other student says hello';
// The teacher's own texts: a poll they asked and their completion notes.
const POLL = 'Tereza asks: who saw my holiday photos?';
const NOTE = 'Tereza notes: covered the past simple';
const TEXTS = [CHAT, ESSAY, GRADED, FEEDBACK, REASON, GAP];
const SCORES = {
  speaking: 4,
  listening: 5,
  reading: 3,
  writing: 3,
  grammar: 4,
  vocabulary: 4,
  engagement: 5,
};
const DOCUMENT = {
  schemaVersion: 1,
  blocks: [
    { type: 'trueFalse', id: 'tf', statement: '"Goed" is the past of "go".', answer: false },
    {
      type: 'gapFill',
      id: 'gap',
      points: 1,
      sentences: [{ text: 'She {{}} a book.', gaps: [{ accepted: ['read'] }] }],
    },
    { type: 'essay', id: 'essay', points: 5, prompt: 'Write about your weekend.', maxWords: 200 },
  ],
};

type Ctx = { t: TestApp; s: School; q: Session; sessionId: string; url: string; clients: RoomClient[] };
const test = suite<Ctx>('erasure reaches the log');

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 1, lessonCost: 4 });
  ctx.q = await ctx.t.person(ctx.s.orgId, 'student', NAME);
  ctx.clients = [];
  const { s, q } = ctx;
  const enrolled = await s.admin.post('/api/enrollments', {
    courseId: s.courseId,
    studentId: q.id,
    teacherId: s.teacher.id,
    defaultLessonMinutes: 45,
    lessonCostTokens: 4,
  });
  status(enrolled, 201);
  // Her post-session summary (with what she typed wrongly) is made and mailed to her.
  const summaries = `/api/enrollments/${enrolled.json().id}/post-session-summary`;
  status(await s.admin.request('PUT', summaries, { enabled: true }), 200);
  for (const student of [q, s.students[0]!])
    status(
      await s.admin.post(`/api/wallets/${student.id}/credits`, { tokens: 10, reason: 'Starter pack' }),
      201,
    );
  // The organisation's wallet pays for the summaries.
  status(await s.admin.post(`/api/wallets/${s.orgId}/credits`, { tokens: 50, reason: 'Summaries' }), 201);
  const content = `/api/courses/${s.courseId}/lessons/${s.lessonIds[1]}/content`;
  status(await s.teacher.request('PUT', content, DOCUMENT), 200);
  const session = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    courseLessonId: s.lessonIds[1],
    studentIds: [q.id, s.students[0]!.id],
    start: '2026-11-24T16:00:00.000Z',
    durationMinutes: 60,
    timeZone: 'UTC',
  });
  status(session, 201);
  ctx.sessionId = session.json().id;
  await ctx.t.app.listen({ port: 0, host: '127.0.0.1' });
  ctx.url = `ws://127.0.0.1:${(ctx.t.app.server.address() as { port: number }).port}/rt`;
});
test.after(async ({ t, clients }) => {
  for (const client of clients ?? []) client.close();
  await t?.close();
});

const enter = async (ctx: Ctx, who: Session) => {
  const client = await RoomClient.connect(ctx.url, who.cookie);
  ctx.clients.push(client);
  return { client, joined: await client.join(`ls-${ctx.sessionId}`) };
};

/** Every table (this schema) whose rows mention a text, anywhere in a row. */
async function tablesMentioning(t: TestApp, text: string) {
  const { rows: tables } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(t.deps.db);
  const found: string[] = [];
  for (const { table_name } of tables) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table_name)} x WHERE x::text ILIKE ${'%' + text + '%'}`.execute(
      t.deps.db,
    );
    if (rows[0]!.n > 0) found.push(table_name);
  }
  return found;
}

const rawEventsMentioning = async (t: TestApp, text: string) =>
  (
    await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM events
      WHERE data::text ILIKE ${'%' + text + '%'} OR metadata::text ILIKE ${'%' + text + '%'}`.execute(
      t.deps.db,
    )
  ).rows[0]!.n;

/** What an admin sees: balances, chat, answer and feedback counts, without any text. */
async function figures({ s, q, sessionId }: Ctx) {
  const balance = async (id: string) => (await s.admin.get(`/api/wallets/${id}`)).json().balance as number;
  const chat = (await s.admin.get(`/api/rooms/ls-${sessionId}/chat`)).json();
  const answers = await s.admin.get(`/api/live-sessions/${sessionId}/answers`);
  const feedback = await s.admin.get(`/api/live-sessions/${sessionId}/feedback`);
  return {
    balances: [await balance(q.id), await balance(s.students[0]!.id)],
    chatMessages: (chat.messages ?? chat).length as number,
    answersBody: answers.body.length > 0,
    feedback: (feedback.json() as unknown[]).length,
  };
}

test('a student chats, writes an essay and gets feedback; the log holds none of it in plaintext', async (ctx) => {
  const { t, s, q, sessionId } = ctx;
  t.clock.set('2026-11-24T15:55:00.000Z');
  status(await s.teacher.post(`/api/live-sessions/${sessionId}/start`), 200);
  const mine = await enter(ctx, q);
  const other = await enter(ctx, s.students[0]!);
  mine.client.send({ type: 'chat.post', text: CHAT });
  await mine.client.next('chat.message', (m) => m.message.text === CHAT);
  const teacher = await enter(ctx, s.teacher);
  teacher.client.send({ type: 'poll.open', question: POLL, options: ['me', 'not me'], anonymous: false });
  await teacher.client.next('poll.opened', (m) => m.poll.question === POLL);
  other.client.send({ type: 'chat.post', text: OTHER_CHAT });
  await mine.client.next('chat.message', (m) => m.message.text === OTHER_CHAT);

  const answers = `/api/live-sessions/${sessionId}/answers`;
  status(await q.post(answers, { exerciseId: 'essay', answer: { type: 'essay', text: ESSAY } }), 201);
  status(await q.post(answers, { exerciseId: 'tf', answer: { type: 'trueFalse', value: false } }), 201);
  status(await q.post(answers, { exerciseId: 'gap', answer: { type: 'gapFill', gaps: [GAP] } }), 201);
  const grade = `/api/live-sessions/${sessionId}/students/${q.id}/answers/essay/grade`;
  status(await s.teacher.post(grade, { points: 4, comment: GRADED }), 200);

  t.clock.set('2026-11-24T16:50:00.000Z');
  status(await s.teacher.post(`/api/live-sessions/${sessionId}/end`), 200);
  const summary = `/api/live-sessions/${sessionId}/summaries/${q.id}`;
  for (let i = 0; i < 300 && (await s.admin.get(summary)).statusCode !== 200; i++)
    await new Promise((r) => setTimeout(r, 100));
  assert.ok((await s.admin.get(summary)).body.includes(GAP), 'her summary quotes what she typed');
  const attendance = [
    { studentId: q.id, status: 'present', reason: REASON },
    { studentId: s.students[0]!.id, status: 'present', reason: null },
  ];
  const preview = await s.teacher.post(`/api/live-sessions/${sessionId}/completion/preview`, {
    action: 'finish_and_deduct',
    attendance,
  });
  status(preview, 200);
  const completion = await s.teacher.post(`/api/live-sessions/${sessionId}/completion`, {
    action: 'finish_and_deduct',
    fingerprint: preview.json().fingerprint,
    attendance,
    notes: { covered: NOTE, struggled: null, next: 'Irregular verbs' },
  });
  status(completion, 200);
  const feedback = `/api/live-sessions/${sessionId}/feedback/${q.id}`;
  status(await s.teacher.request('PUT', feedback, { scores: SCORES, comment: FEEDBACK }), 200);
  await t.settle();

  // Readable while the student is there, and sealed in the log from the start.
  assert.ok((await s.teacher.get(`/api/rooms/ls-${sessionId}/chat`)).body.includes(CHAT));
  assert.ok((await s.teacher.get(answers)).body.includes(ESSAY));
  assert.ok((await s.teacher.get(`/api/live-sessions/${sessionId}/feedback`)).body.includes(FEEDBACK));
  for (const text of TEXTS)
    assert.is(await rawEventsMentioning(t, text), 0, `no plaintext in events: ${text}`);
  assert.is(await rawEventsMentioning(t, OTHER_CHAT), 0, "the other student's chat is sealed too");
});

test('after erasure no reader shows their name or texts; balances, counts and rebuilds are intact', async (ctx) => {
  const { t, s, q, sessionId } = ctx;
  for (const client of ctx.clients.splice(0)) client.close();
  const before = await figures(ctx);
  assert.equal(before.balances, [6, 6]);

  status(await s.admin.post(`/api/people/${q.id}/erase`), 200);
  await t.settle();
  const after = await figures(ctx);
  assert.equal(after, before, 'balances, chat, answers and feedback counts unchanged');

  const leaks = (where: string, body: string) => {
    for (const text of [NAME, ...TEXTS]) assert.not.ok(body.includes(text), `${where} shows "${text}"`);
  };
  const chat = await s.teacher.get(`/api/rooms/ls-${sessionId}/chat`);
  leaks('the room chat', chat.body);
  assert.ok(chat.body.includes('[erased]'), 'the message is there, its text erased');
  assert.ok(chat.body.includes(OTHER_CHAT), "the other student's message is untouched");
  for (const url of [
    `/api/live-sessions/${sessionId}/answers`,
    `/api/live-sessions/${sessionId}/feedback`,
    `/api/live-sessions/${sessionId}/attendance`,
    `/api/live-sessions/${sessionId}`,
    `/api/live-sessions/${sessionId}/summary`,
    `/api/live-sessions/${sessionId}/summaries/${q.id}`,
    `/api/audit?personId=${q.id}`,
  ]) {
    const res = await s.admin.get(url);
    status(res, 200);
    leaks(url, res.body);
  }
  const audit = (await s.admin.get(`/api/audit?personId=${q.id}`)).json().events as { type: string }[];
  assert.ok(
    audit.some((e) => e.type === 'PersonalDataErased'),
    'the audit log records the erasure',
  );

  // Every CSV export, whatever its filters.
  const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const csvRoutes = Object.keys(doc.paths).filter((p) => p.endsWith('.csv') && 'get' in doc.paths[p]!);
  assert.ok(csvRoutes.length >= 3, `found the exports: ${csvRoutes.join(', ')}`);
  for (const route of csvRoutes) {
    const res = await s.admin.get(`${route}?from=2026-11-01T00:00:00.000Z&to=2026-12-01T00:00:00.000Z`);
    status(res, 200);
    leaks(route, res.body);
  }

  // Nowhere in the database, the events table included; then rebuild every read model the way `npm run
  // rebuild` does: the checksums equal the live ones, and nothing comes back.
  for (const text of [NAME, ...TEXTS]) assert.equal(await tablesMentioning(t, text), [], text);
  for (const projection of projections) {
    const result = await rebuildProjection(t.deps.db, t.deps.eventStore, projection);
    assert.is(result.rebuiltChecksum, result.liveChecksum, `rebuilt ${projection.name} equals the live one`);
  }
  for (const text of [NAME, ...TEXTS])
    assert.equal(await tablesMentioning(t, text), [], `${text} after rebuild`);
  assert.equal(await figures(ctx), before, 'the same figures after the rebuild');
  leaks('the room chat after rebuild', (await s.teacher.get(`/api/rooms/ls-${sessionId}/chat`)).body);
});

test('erasing the teacher erases the poll they asked and their notes; rebuilds still match', async (ctx) => {
  const { t, s, sessionId } = ctx;
  const before = await figures(ctx);
  assert.ok((await s.admin.get(`/api/rooms/ls-${sessionId}/polls`)).body.includes(POLL));
  for (const text of [POLL, NOTE]) assert.is(await rawEventsMentioning(t, text), 0, `sealed: ${text}`);
  status(await s.admin.post(`/api/people/${s.teacher.id}/erase`), 200);
  await t.settle();
  const polls = await s.admin.get(`/api/rooms/ls-${sessionId}/polls`);
  status(polls, 200);
  assert.not.ok(polls.body.includes(POLL));
  assert.ok(polls.body.includes('[erased]'), 'the poll is there, its question erased');
  for (const text of ['Tereza Teacher', POLL, NOTE]) assert.equal(await tablesMentioning(t, text), [], text);
  for (const name of ['rooms', 'attendance']) {
    const result = await rebuildProjection(
      t.deps.db,
      t.deps.eventStore,
      projections.find((p) => p.name === name)!,
    );
    assert.is(result.rebuiltChecksum, result.liveChecksum, `rebuilt ${name} equals the live one`);
  }
  for (const text of [POLL, NOTE]) assert.equal(await tablesMentioning(t, text), [], `${text} after rebuild`);
  assert.equal(await figures(ctx), before, 'the same figures');
});

test.run();
