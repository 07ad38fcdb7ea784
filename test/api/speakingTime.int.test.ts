// Speaking time and the conversation's language in a group lesson, over HTTP: each person's browser reports its
// own speaking seconds at most every 10 s while the room is open (sooner: 409; more than passed: not counted;
// outsiders 404, after the end refused); the teacher reads everyone's balance live, a student only their own;
// once the session ends, the teacher summary has the speaking-time balance, each student's minutes, chat
// messages and poll answers, the language that dominated the chat and the lesson text, and the new words.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';
import { runRoomCommand } from '../../commands/rooms.js';
import { roomMembership } from '../../auth/roomAccess.js';

type Ctx = { t: TestApp; s: School; sessionId: string };
const test = suite<Ctx>('speaking time and the conversation language');
const START = '2026-11-24T10:00:00.000Z';
const at = (minutes: number, seconds = 0) =>
  new Date(Date.parse(START) + minutes * 60_000 + seconds * 1000).toISOString();

const document = {
  schemaVersion: 1,
  blocks: [
    { type: 'text', text: 'Heute sprechen wir über das Wetter und über unsere Pläne für das Wochenende.' },
    {
      type: 'vocabulary',
      items: [
        { term: 'das Gewitter', translation: 'thunderstorm' },
        { term: 'der Nebel', translation: 'fog' },
      ],
    },
    { type: 'trueFalse', id: 'tf', statement: 'Im Winter ist es in Berlin oft kalt.', answer: true },
  ],
};

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  const { t } = ctx;
  const s = (ctx.s = await school(t, { students: 2 }));
  status(
    await s.teacher.request('PUT', `/api/courses/${s.courseId}/lessons/${s.lessonIds[1]}/content`, document),
    200,
  );
  for (const id of s.enrollmentIds.slice(0, 2))
    status(
      await s.teacher.request('PUT', `/api/enrollments/${id}/post-session-summary`, { enabled: true }),
      200,
    );
  // The organisation's wallet pays for the summaries.
  status(await s.admin.post(`/api/wallets/${s.orgId}/credits`, { tokens: 50, reason: 'Summaries' }), 201);
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    courseLessonId: s.lessonIds[1],
    studentIds: s.students.slice(0, 2).map((p) => p.id),
    start: START,
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  ctx.sessionId = res.json().id;
  t.clock.set(at(-5));
  status(await s.teacher.post(`/api/live-sessions/${ctx.sessionId}/start`), 200);
});
test.after(async ({ t }) => t.close());

const url = (ctx: Ctx) => `/api/rooms/ls-${ctx.sessionId}/speaking`;

test('reports: own seconds at most every 10 s, never more than passed; the teacher sees everyone, a student themselves', async (ctx) => {
  const { t, s } = ctx;
  const [ana, ben] = s.students as [School['students'][0], School['students'][0]];
  t.clock.set(at(1));
  status(await s.teacher.post(url(ctx), { seconds: 9 }), 200);
  status(await ana.post(url(ctx), { seconds: 3.5 }), 200);
  problem(await ana.post(url(ctx), { seconds: 2 }), 409, 'speaking_report_too_soon');
  t.clock.set(at(1, 10));
  const mine = await ana.post(url(ctx), { seconds: 14 });
  status(mine, 200);
  // 14 s claimed, 10 s passed: 10 counted.
  assert.equal(
    mine.json().people.map((p: { personId: string; seconds: number }) => [p.personId, p.seconds]),
    [[ana.id, 13.5]],
  );
  assert.is(mine.json().participantShare, null, 'a student sees no shares');
  status(await ben.post(url(ctx), { seconds: 0 }), 200);
  problem(await ana.post(url(ctx), { seconds: 16 }), 400);
  status(await s.otherTeacher.post(url(ctx), { seconds: 1 }), 404);
  status(await s.otherTeacher.get(url(ctx)), 404);

  const balance = (await s.teacher.get(url(ctx))).json();
  assert.equal([balance.totalSeconds, balance.hostSeconds, balance.participantSeconds], [22.5, 9, 13.5]);
  assert.equal(
    balance.people.map((p: { personId: string; seconds: number; role: string }) => [
      p.personId,
      p.seconds,
      p.role,
    ]),
    [
      [ana.id, 13.5, 'participant'],
      [s.teacher.id, 9, 'host'],
      [ben.id, 0, 'participant'],
    ],
  );
});

test('after the end: reports refused; the summary has the balance, activity, the language and the new words', async (ctx) => {
  const { t, s, sessionId } = ctx;
  const [ana, ben] = s.students as [School['students'][0], School['students'][0]];
  // Chat in German, with a short English aside (the gateway's road, without a socket).
  const teacherActor = {
    personId: s.teacher.id,
    orgId: s.orgId,
    role: 'teacher' as const,
    name: 'T',
    timeZone: 'UTC',
  };
  const { info } = await roomMembership(t.deps, teacherActor, `ls-${sessionId}`);
  const chat = async (personId: string, text: string, n: number) =>
    runRoomCommand(
      t.deps,
      info,
      { personId, name: 'x' },
      {
        type: 'PostChatMessage',
        roomId: info.roomId,
        now: at(2, n),
        actor: { personId, roomRole: personId === s.teacher.id ? 'host' : 'participant' },
        messageId: `m${n}`,
        text,
      },
    );
  await chat(s.teacher.id, 'Guten Morgen! Wie war das Wetter bei euch am Wochenende?', 1);
  await chat(ana.id, 'Bei uns gab es am Samstag ein starkes Gewitter und viel Regen.', 2);
  await chat(ben.id, 'Sorry, my microphone is not working today.', 3);
  await chat(ben.id, 'Am Sonntag war es neblig, aber danach schien die Sonne.', 4);
  status(
    await ana.post(`/api/live-sessions/${sessionId}/answers`, {
      exerciseId: 'tf',
      answer: { type: 'trueFalse', value: true },
    }),
    201,
  );
  t.clock.set(at(40));
  status(await s.teacher.post(`/api/live-sessions/${sessionId}/end`), 200);
  t.clock.set(at(41));
  status(await ana.post(url(ctx), { seconds: 5 }), 409);
  await t.settle();
  let res = await s.admin.get(`/api/live-sessions/${sessionId}/summary`);
  for (let i = 0; i < 100 && res.statusCode === 404; i++) {
    await new Promise((r) => setTimeout(r, 50));
    res = await s.admin.get(`/api/live-sessions/${sessionId}/summary`);
  }
  status(res, 200);
  const summary = res.json().summary;
  assert.equal(
    [summary.speaking.totalSeconds, summary.speaking.hostSeconds, summary.speaking.participantShare],
    [22.5, 9, 0.6],
  );
  assert.is(summary.language.code, 'de');
  assert.ok(summary.language.share < 1, 'the English aside is counted apart');
  assert.equal(summary.newWords, ['das Gewitter (thunderstorm)', 'der Nebel (fog)']);
  const row = (id: string) => summary.students.find((x: { studentId: string }) => x.studentId === id);
  assert.equal([row(ana.id).chatMessages, row(ana.id).speakingSeconds, row(ana.id).answered], [1, 13.5, 1]);
  assert.equal([row(ben.id).chatMessages, row(ben.id).speakingSeconds], [2, 0]);
  assert.ok(row(ana.id).minutesPresent >= 0);
  const own = (await ana.get(`/api/live-sessions/${sessionId}/summaries/${ana.id}`)).json().summary;
  assert.equal([own.speakingSeconds, own.newWords.length], [13.5, 2]);
});

test.run();
