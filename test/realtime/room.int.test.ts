// The live room's shared tools across two nodes: chat, polls and the shared lesson document with its edit
// permission, lesson switching, and that all of it survives a restart of both nodes.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import {
  clusterServices,
  ownNats,
  cluster,
  organisation,
  liveSession,
  RoomClient,
  http,
} from './support/cluster.js';
import type { Cluster, Person } from './support/cluster.js';
import { skippedSuite } from '../support/suite.js';

type Ctx = {
  nats: Awaited<ReturnType<typeof ownNats>>;
  c: Cluster;
  admin: Person;
  teacher: Person;
  tutor: Person;
  students: Person[];
  group: { roomId: string; liveSessionId: string; lessonIds: string[] };
  single: { roomId: string; liveSessionId: string; lessonIds: string[] };
  clients: RoomClient[];
};

const names = [
  'chat is broadcast across nodes, capped, removable by the teacher only, and survives a restart of both nodes',
  'a poll: live tally, answers changed until closed, named answers and non-responders for the teacher; kept after a restart',
  "a read-only student's document update is dropped while the teacher's is applied; granting edit reaches the student at once",
  'lesson switching and instant lessons are pushed in an individual session and refused in a group',
];

const syncMessage = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return Buffer.from(encoding.toUint8Array(e)).toString('base64');
};
const applySync = (doc: Y.Doc, data: string) => {
  const decoder = decoding.createDecoder(Buffer.from(data, 'base64'));
  syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'server');
};
const edit = (doc: Y.Doc, text: string) => {
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getText('body').insert(doc.getText('body').length, text);
  return syncMessage((e) => syncProtocol.writeUpdate(e, update!));
};

const missing = await clusterServices();
if (missing) {
  skippedSuite('room tools', missing, names);
} else {
  const test = suite<Ctx>('room tools');
  test.before(async (ctx) => {
    try {
      await setUp(ctx);
    } catch (error) {
      // uvu reports a failing hook without its reason.
      console.error('setting up failed:', error);
      throw error;
    }
  });
  const setUp = async (ctx: Ctx) => {
    ctx.nats = await ownNats();
    ctx.c = await cluster({ natsUrl: ctx.nats.url });
    await ctx.c.start(2);
    const orgId = await organisation(ctx.c);
    ctx.admin = await ctx.c.person(orgId, 'admin', 'Ada Admin');
    ctx.teacher = await ctx.c.person(orgId, 'teacher', 'Tereza Teacher');
    ctx.students = [];
    for (let i = 1; i <= 3; i++) ctx.students.push(await ctx.c.person(orgId, 'student', `Student ${i}`));
    ctx.group = await liveSession(ctx.c, ctx.admin, ctx.teacher, ctx.students);
    ctx.tutor = await ctx.c.person(orgId, 'teacher', 'Tom Tutor');
    ctx.single = await liveSession(ctx.c, ctx.admin, ctx.tutor, [ctx.students[0]!], 'individual');
    ctx.clients = [];
  };
  test.after.each(({ clients }) => {
    for (const client of clients.splice(0)) client.close();
  });
  test.after(async ({ c, nats }) => {
    await c.close();
    await nats.stop();
  });

  const enter = async (ctx: Ctx, node: number, who: Person, roomId: string) => {
    const client = await RoomClient.connect(ctx.c.nodes[node]!.url, who.cookie);
    ctx.clients.push(client);
    return { client, joined: await client.join(roomId) };
  };
  const restartBoth = async (ctx: Ctx) => {
    for (const client of ctx.clients.splice(0)) client.close();
    await ctx.c.stopAll();
    await ctx.c.start(2);
  };

  test(names[0]!, async (ctx) => {
    const { roomId } = ctx.group;
    const { client: teacher } = await enter(ctx, 0, ctx.teacher, roomId);
    const { client: student } = await enter(ctx, 1, ctx.students[0]!, roomId);
    student.send({ type: 'chat.post', text: 'What does "gerund" mean?' });
    const seen = await teacher.next('chat.message');
    assert.is(seen.message.name, 'Student 1');
    assert.is(seen.message.text, 'What does "gerund" mean?');
    await student.next('chat.message');
    teacher.send({ type: 'chat.post', text: 'A verb used as a noun.' });
    await student.next('chat.message', (m) => m.message.text === 'A verb used as a noun.');
    student.send({ type: 'chat.post', text: 'spam spam spam' });
    const spam = await teacher.next('chat.message', (m) => m.message.text === 'spam spam spam');

    student.send({ type: 'chat.remove', messageId: spam.message.messageId });
    assert.is((await student.next('error')).code, 'forbidden', 'a student cannot remove messages');
    teacher.send({ type: 'chat.remove', messageId: spam.message.messageId });
    assert.is((await student.next('chat.removed')).messageId, spam.message.messageId);
    student.send({ type: 'chat.post', text: 'x'.repeat(2001) });
    assert.is((await student.next('error')).code, 'invalid_message', 'length cap');

    await restartBoth(ctx);
    const { joined } = await enter(ctx, 1, ctx.students[1]!, roomId);
    assert.equal(
      joined.chat.map((m) => m.text),
      ['What does "gerund" mean?', 'A verb used as a noun.'],
      'loaded on join after a restart, without the removed message',
    );
    const review = await http(ctx.c.nodes[0]!, ctx.students[2]!, 'GET', `/api/rooms/${roomId}/chat`);
    assert.is(review.status, 200);
    assert.equal(
      review.body.messages.map((m: { text: string }) => m.text),
      ['What does "gerund" mean?', 'A verb used as a noun.'],
      'reviewable over REST',
    );
  });

  test(names[1]!, async (ctx) => {
    const { roomId } = ctx.group;
    const { client: teacher } = await enter(ctx, 0, ctx.teacher, roomId);
    const { client: s1 } = await enter(ctx, 1, ctx.students[0]!, roomId);
    const { client: s2 } = await enter(ctx, 0, ctx.students[1]!, roomId);
    s1.send({ type: 'poll.open', question: 'Ready?', options: ['yes', 'no'], anonymous: false });
    assert.is((await s1.next('error')).code, 'forbidden');
    teacher.send({
      type: 'poll.open',
      question: 'Which tense?',
      options: ['past', 'present', 'future'],
      anonymous: false,
    });
    const opened = await s1.next('poll.opened');
    const pollId = opened.poll.pollId;
    assert.equal(opened.poll.counts, [0, 0, 0]);
    assert.is(opened.poll.answers, undefined, 'students do not see who answered what');

    s1.send({ type: 'poll.answer', pollId, option: 0 });
    await teacher.next('poll.tally', (m) => m.poll.responded === 1);
    s1.send({ type: 'poll.answer', pollId, option: 2 });
    const changed = await s2.next('poll.tally', (m) => m.poll.counts[2] === 1);
    assert.equal(changed.poll.counts, [0, 0, 1], 'a changed answer moves the tally');
    s2.send({ type: 'poll.answer', pollId, option: 2 });
    const tally = await teacher.next('poll.tally', (m) => m.poll.responded === 2);
    assert.equal(tally.poll.counts, [0, 0, 2]);
    assert.equal(
      tally.poll.answers!.sort((a, b) => a.personId.localeCompare(b.personId)),
      [
        { personId: ctx.students[0]!.id, option: 2 },
        { personId: ctx.students[1]!.id, option: 2 },
      ].sort((a, b) => a.personId.localeCompare(b.personId)),
    );
    assert.equal(tally.poll.nonResponders, [ctx.students[2]!.id]);
    const mine = await s1.next('poll.tally', (m) => m.poll.responded === 2);
    assert.is(mine.poll.myAnswer, 2);

    teacher.send({ type: 'poll.close', pollId });
    await s2.next('poll.closed');
    s2.send({ type: 'poll.answer', pollId, option: 0 });
    const late = await s2.next('error');
    assert.is(late.code, 'rule');
    assert.is(late.details?.code, 'poll_closed');

    teacher.send({ type: 'poll.open', question: 'Fun?', options: ['yes', 'no'], anonymous: true });
    const anon = await teacher.next('poll.opened', (m) => m.poll.anonymous);
    s1.send({ type: 'poll.answer', pollId: anon.poll.pollId, option: 0 });
    const anonTally = await teacher.next('poll.tally', (m) => m.poll.pollId === anon.poll.pollId);
    assert.is(anonTally.poll.answers, undefined, 'an anonymous poll keeps no names in view');

    await restartBoth(ctx);
    const { joined } = await enter(ctx, 1, ctx.teacher, roomId);
    const kept = joined.polls.find((p) => p.pollId === pollId)!;
    assert.equal(kept.counts, [0, 0, 2], 'answers survive a restart');
    assert.is(kept.status, 'closed');
    const results = await http(ctx.c.nodes[0]!, ctx.teacher, 'GET', `/api/rooms/${roomId}/polls`);
    assert.is(results.status, 200);
    const named = results.body.polls.find((p: { pollId: string }) => p.pollId === pollId);
    assert.equal(named.nonResponders, [ctx.students[2]!.id], 'results after the session');
  });

  test(names[2]!, async (ctx) => {
    const { roomId } = ctx.single;
    const { client: teacher, joined: t } = await enter(ctx, 0, ctx.tutor, roomId);
    const { client: student, joined: s } = await enter(ctx, 1, ctx.students[0]!, roomId);
    assert.is(t.self.canEdit, true);
    assert.is(s.self.canEdit, false, 'students are view-only until the teacher allows editing');
    const teacherDoc = new Y.Doc();
    const studentDoc = new Y.Doc();
    for (const [client, doc] of [
      [teacher, teacherDoc],
      [student, studentDoc],
    ] as const) {
      client.send({
        type: 'yjs.sync',
        doc: 'lesson',
        data: syncMessage((e) => syncProtocol.writeSyncStep1(e, doc)),
      });
      // The stored document (sync step 2), then the server asking for what the browser has (step 1).
      applySync(doc, (await client.next('yjs.sync')).data);
      await client.next('yjs.sync');
    }

    student.send({ type: 'yjs.sync', doc: 'lesson', data: edit(studentDoc, 'scribble'), ref: 'w1' });
    const refused = await student.next('error');
    assert.is(refused.code, 'read_only');
    assert.is(refused.ref, 'w1');
    teacher.send({ type: 'yjs.sync', doc: 'lesson', data: edit(teacherDoc, 'Present tense: I walk.') });
    applySync(studentDoc, (await student.next('yjs.sync', (m) => m.doc === 'lesson')).data);
    assert.ok(
      studentDoc.getText('body').toString().includes('Present tense: I walk.'),
      'the editor update arrived',
    );
    await new Promise((r) => setTimeout(r, 200));
    assert.not.ok(
      teacherDoc.getText('body').toString().includes('scribble'),
      'the read-only update never reached the teacher',
    );

    teacher.send({ type: 'permission.set', personId: ctx.students[0]!.id, canEdit: true });
    const granted = await student.next('permission.changed');
    assert.equal(
      { personId: granted.personId, canEdit: granted.canEdit },
      { personId: ctx.students[0]!.id, canEdit: true },
    );
    // The browser drops its refused local edit when it switches mode: it continues from the shared state.
    const editable = new Y.Doc();
    Y.applyUpdate(editable, Y.encodeStateAsUpdate(teacherDoc));
    student.send({ type: 'yjs.sync', doc: 'lesson', data: edit(editable, ' You walk.') });
    applySync(teacherDoc, (await teacher.next('yjs.sync', (m) => m.doc === 'lesson')).data);
    assert.ok(teacherDoc.getText('body').toString().includes('You walk.'), 'allowed now');

    const off = await http(
      ctx.c.nodes[1]!,
      ctx.tutor,
      'PUT',
      `/api/rooms/${roomId}/permissions/${ctx.students[0]!.id}`,
      {
        canEdit: false,
      },
    );
    assert.is(off.status, 200);
    const revoked = await student.next('permission.changed', (m) => !m.canEdit);
    assert.is(revoked.canEdit, false, 'a REST toggle reaches the student at once');

    // A newcomer loads the stored document from the database (node B never held it in memory for them).
    await ctx.c.stopAll();
    await ctx.c.start(2);
    ctx.clients.splice(0);
    const { client: again } = await enter(ctx, 1, ctx.students[0]!, roomId);
    const reloaded = new Y.Doc();
    again.send({
      type: 'yjs.sync',
      doc: 'lesson',
      data: syncMessage((e) => syncProtocol.writeSyncStep1(e, reloaded)),
    });
    applySync(reloaded, (await again.next('yjs.sync')).data);
    const text = reloaded.getText('body').toString();
    assert.ok(text.includes('Present tense: I walk.') && text.includes('You walk.'), text);
    assert.not.ok(text.includes('scribble'));
  });

  test(names[3]!, async (ctx) => {
    const { roomId, lessonIds } = ctx.single;
    const { client: teacher, joined } = await enter(ctx, 0, ctx.tutor, roomId);
    const { client: student } = await enter(ctx, 1, ctx.students[0]!, roomId);
    assert.is(joined.lesson.sessionLessonId, lessonIds[0]!);
    teacher.send({ type: 'lesson.switch', lessonId: lessonIds[1]! });
    const switched = await student.next('lesson.switched');
    assert.is(switched.lesson.current?.lessonId, lessonIds[1]!);
    teacher.send({ type: 'lesson.return' });
    assert.is((await student.next('lesson.switched', (m) => m.lesson.current === null)).lesson.current, null);

    const instant = await http(ctx.c.nodes[1]!, ctx.tutor, 'POST', `/api/rooms/${roomId}/instant-lessons`, {
      title: 'Warm-up',
    });
    assert.is(instant.status, 201);
    const created = await student.next('lesson.instantCreated');
    assert.is(created.lesson.title, 'Warm-up');
    const shown = await student.next('lesson.switched', (m) => m.lesson.current?.kind === 'instant');
    assert.is(shown.lesson.current?.lessonId, created.lesson.lessonId);

    student.send({ type: 'lesson.switch', lessonId: lessonIds[0]! });
    assert.is((await student.next('error')).code, 'forbidden');

    const { client: groupTeacher } = await enter(ctx, 0, ctx.teacher, ctx.group.roomId);
    groupTeacher.send({ type: 'lesson.switch', lessonId: ctx.group.lessonIds[1]! });
    const refused = await groupTeacher.next('error');
    assert.is(refused.details?.code, 'lesson_switching_individual_only');
  });

  test.run();
}
