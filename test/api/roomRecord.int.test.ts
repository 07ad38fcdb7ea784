// After class: once a session has ended, its teacher, its participants and admins read what happened in the room
// (chat, polls, the lesson document and the whiteboard); named polls show the teacher who answered what,
// anonymous ones only counts; a student of another session, another teacher and strangers get 404; an erased
// student's chat messages do not come back.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as Y from 'yjs';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { roomMembership } from '../../auth/roomAccess.js';
import { runRoomCommand } from '../../commands/rooms.js';
import type { RoomCommand } from '../../domain/room/commands.js';
import { roomDocs } from '../../realtime/docs.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';
import type { Session } from '../support/app.js';

type Ctx = { t: TestApp; s: School; roomId: string };
const test = suite<Ctx>('after class: reading what happened in the room');

type Poll = {
  question: string;
  anonymous: boolean;
  counts: number[];
  myAnswer: number | null;
  answers?: { personId: string; option: number }[];
};

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  const { t } = ctx;
  const s = (ctx.s = await school(t, { students: 3 }));
  const [sofia, lukas] = s.students as [Session, Session];
  t.clock.set('2026-12-03T09:55:00.000Z');
  const made = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    courseLessonId: s.lessonIds[0],
    studentIds: [sofia.id, lukas.id],
    start: '2026-12-03T10:00:00.000Z',
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(made, 201);
  const sessionId = made.json().id as string;
  ctx.roomId = `ls-${sessionId}`;
  status(await s.teacher.post(`/api/live-sessions/${sessionId}/start`), 200);

  // What the room's socket does for each of them (realtime/roomHandlers.ts): the same room commands.
  const as = async (who: Session, body: Record<string, unknown>) => {
    const actor = { personId: who.id, orgId: who.orgId, role: 'student' as const, name: '', timeZone: 'UTC' };
    const asTeacher = who === s.teacher;
    const { info, roomRole } = await roomMembership(
      t.deps,
      asTeacher ? { ...actor, role: 'teacher' } : actor,
      ctx.roomId,
    );
    await runRoomCommand(t.deps, info, actor, {
      ...body,
      roomId: ctx.roomId,
      now: t.clock.now().toISOString(),
      actor: { personId: who.id, roomRole },
    } as RoomCommand);
  };
  await as(s.teacher, { type: 'PostChatMessage', messageId: 'm1', text: 'Welcome! Page 12 today.' });
  await as(sofia, { type: 'PostChatMessage', messageId: 'm2', text: 'Hello from Sofia' });
  await as(lukas, { type: 'PostChatMessage', messageId: 'm3', text: 'Lukas has a question' });
  const poll = (pollId: string, question: string, anonymous: boolean) =>
    as(s.teacher, { type: 'OpenPoll', pollId, question, options: ['Yes', 'Not yet'], anonymous });
  await poll('named', 'Did you do the homework?', false);
  await as(sofia, { type: 'AnswerPoll', pollId: 'named', option: 1 });
  await as(lukas, { type: 'AnswerPoll', pollId: 'named', option: 0 });
  await as(s.teacher, { type: 'ClosePoll', pollId: 'named' });
  t.clock.advance(1);
  await poll('anonymous', 'Was it too fast?', true);
  await as(sofia, { type: 'AnswerPoll', pollId: 'anonymous', option: 0 });
  await as(lukas, { type: 'AnswerPoll', pollId: 'anonymous', option: 0 });
  await as(s.teacher, { type: 'ClosePoll', pollId: 'anonymous' });

  // The lesson document (TipTap's fragment) and the whiteboard, stored as the gateway stores them.
  const docs = roomDocs(t.deps.db);
  const lesson = new Y.Doc();
  const lessonUpdates = collect(lesson);
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', '2');
  heading.insert(0, [new Y.XmlText('Present perfect')]);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Today: the present perfect.')]);
  lesson.getXmlFragment('default').insert(0, [heading, paragraph]);
  for (const u of lessonUpdates) await docs.store(ctx.roomId, 'lesson', u, s.teacher.id);
  const board = new Y.Doc();
  const boardUpdates = collect(board);
  const elements = board.getMap('elements');
  elements.set('r1', { id: 'r1', type: 'rectangle', x: 10, y: 20, width: 200, height: 150, version: 3 });
  elements.set('gone', { id: 'gone', type: 'ellipse', x: 0, y: 0, width: 5, height: 5, isDeleted: true });
  for (const u of boardUpdates) await docs.store(ctx.roomId, 'whiteboard', u, s.teacher.id);

  t.clock.set('2026-12-03T10:50:00.000Z');
  status(await s.teacher.post(`/api/live-sessions/${sessionId}/end`), 200);
  await t.settle();
});
test.after(async ({ t }) => t.close());

function collect(doc: Y.Doc) {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return updates;
}

const read = async (who: Session, roomId: string, what: string) => {
  const res = await who.get(`/api/rooms/${roomId}/${what}`);
  status(res, 200);
  return res.json();
};

test('the teacher, a participant and an admin read the chat, the lesson document and the whiteboard', async ({
  s,
  roomId,
}) => {
  for (const who of [s.teacher, s.students[0]!, s.admin]) {
    const { messages } = await read(who, roomId, 'chat');
    assert.equal(
      messages.map((m: { name: string; text: string }) => [m.name, m.text]),
      [
        ['Tereza Teacher', 'Welcome! Page 12 today.'],
        ['Student 1', 'Hello from Sofia'],
        ['Student 2', 'Lukas has a question'],
      ],
    );
    const { documents } = await read(who, roomId, 'documents');
    assert.is(documents.length, 1);
    assert.is(documents[0].doc, 'lesson');
    assert.is(documents[0].text, 'Present perfect\nToday: the present perfect.');
    // The update is the whole document: a read-only editor shows exactly what was written.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Buffer.from(documents[0].update, 'base64'));
    assert.match(copy.getXmlFragment('default').toString(), /<heading level="2">Present perfect<\/heading>/);
    const { elements } = await read(who, roomId, 'whiteboard');
    assert.equal(
      elements.map((e: { id: string; type: string; width: number }) => [e.id, e.type, e.width]),
      [['r1', 'rectangle', 200]],
      'the drawing as left, without deleted elements',
    );
  }
});

test('named polls show the teacher who answered what; anonymous polls only counts, to everyone', async ({
  s,
  roomId,
}) => {
  const [sofia, lukas] = s.students as [Session, Session];
  for (const who of [s.teacher, s.admin]) {
    const polls: Poll[] = (await read(who, roomId, 'polls')).polls;
    const [named, anonymous] = polls as [Poll, Poll];
    assert.is(named.question, 'Did you do the homework?');
    assert.equal(named.counts, [1, 1]);
    assert.equal(
      [...named.answers!].sort((a, b) => a.option - b.option),
      [
        { personId: lukas.id, option: 0 },
        { personId: sofia.id, option: 1 },
      ],
    );
    assert.is(anonymous.anonymous, true);
    assert.equal(anonymous.counts, [2, 0]);
    assert.is(anonymous.answers, undefined, 'an anonymous poll never names anyone');
  }
  const polls: Poll[] = (await read(sofia, roomId, 'polls')).polls;
  assert.equal(
    polls.map((p) => [p.question, p.counts, p.myAnswer, p.answers]),
    [
      ['Did you do the homework?', [1, 1], 1, undefined],
      ['Was it too fast?', [2, 0], 0, undefined],
    ],
    'a student sees the counts and her own answer, not her classmates',
  );
});

test('a student of another session, another teacher and strangers cannot read it', async ({
  t,
  s,
  roomId,
}) => {
  const stranger = s.students[2]!;
  const { orgId } = await t.organisation('Other School');
  const foreignAdmin = await t.person(orgId, 'admin', 'Other Admin');
  for (const what of ['chat', 'polls', 'documents', 'whiteboard']) {
    for (const who of [stranger, s.otherTeacher, foreignAdmin])
      status(await who.get(`/api/rooms/${roomId}/${what}`), 404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/rooms/${roomId}/${what}` });
    assert.is(anonymous.statusCode, 401, `${what} anonymous`);
    status(await s.teacher.get(`/api/rooms/ls-not-a-session/${what}`), 404);
  }
});

test("an erased student's chat messages do not come back", async ({ t, s, roomId }) => {
  const lukas = s.students[1]!;
  status(await s.admin.post(`/api/people/${lukas.id}/erase`), 200);
  await t.settle();
  for (const who of [s.teacher, s.students[0]!]) {
    const { messages } = await read(who, roomId, 'chat');
    const texts = messages.map((m: { text: string }) => m.text);
    assert.not.ok(texts.includes('Lukas has a question'), 'the erased text is gone');
    assert.ok(texts.includes('Hello from Sofia'), "the others' messages stay");
    const his = messages.filter((m: { personId: string }) => m.personId === lukas.id);
    assert.ok(his.every((m: { text: string }) => m.text === ERASED_TEXT));
  }
});

test.run();
