// The live rooms' read model: the chat transcript and poll results as the room's events leave them, and a
// rebuild from the event log that reproduces it exactly.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { runRoomCommand } from '../../commands/rooms.js';
import type { RoomInfo } from '../../auth/roomAccess.js';
import type { RoomCommand } from '../../domain/room/commands.js';
import { chatTranscript, pollResults } from '../../projections/room/queries.js';
import { roomProjection } from '../../projections/room/room.js';
import { rebuildProjection } from '../../projections/rebuild.js';

const test = suite<{ t: TestApp }>('room read model');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
});
test.after(async ({ t }) => t.close());

test('chat without removed messages, poll counts with the latest answers, rebuilt identically', async ({
  t,
}) => {
  const { orgId } = await t.organisation();
  const teacher = await t.person(orgId, 'teacher', 'Tereza');
  const ana = await t.person(orgId, 'student', 'Ana');
  const ben = await t.person(orgId, 'student', 'Ben');
  const roomId = `ls-${randomUUID()}`;
  const info = { roomId, orgId, participantIds: [ana.id, ben.id] } as RoomInfo;
  const now = t.clock.now().toISOString();
  const as = (person: { id: string }, roomRole: 'host' | 'participant', body: Record<string, unknown>) =>
    runRoomCommand(t.deps, info, { personId: person.id, name: 'x' }, {
      ...body,
      roomId,
      now,
      actor: { personId: person.id, roomRole },
    } as RoomCommand);

  await as(ana, 'participant', { type: 'PostChatMessage', messageId: 'm1', text: 'Hello' });
  await as(ben, 'participant', { type: 'PostChatMessage', messageId: 'm2', text: 'spam' });
  await as(teacher, 'host', { type: 'RemoveChatMessage', messageId: 'm2' });
  await as(teacher, 'host', {
    type: 'OpenPoll',
    pollId: 'p1',
    question: 'Tense?',
    options: ['past', 'present'],
    anonymous: false,
  });
  await as(ana, 'participant', { type: 'AnswerPoll', pollId: 'p1', option: 0 });
  await as(ben, 'participant', { type: 'AnswerPoll', pollId: 'p1', option: 0 });
  await as(ana, 'participant', { type: 'AnswerPoll', pollId: 'p1', option: 1 });
  await as(teacher, 'host', { type: 'ClosePoll', pollId: 'p1' });
  await as(teacher, 'host', { type: 'SetEditPermission', personId: ana.id, canEdit: true });
  await t.settle();

  const chat = await chatTranscript(t.deps.db, orgId, roomId);
  assert.equal(
    chat.map((m) => [m.name, m.text]),
    [['Ana', 'Hello']],
  );
  const [poll] = await pollResults(t.deps.db, orgId, roomId);
  assert.equal(poll!.counts, [1, 1], "Ana's changed answer counts once, for the option she chose last");
  assert.is(poll!.status, 'closed');
  assert.equal(
    await chatTranscript(t.deps.db, randomUUID(), roomId),
    [],
    'another organisation sees nothing',
  );

  const rebuilt = await rebuildProjection(t.deps.db, t.deps.eventStore, roomProjection);
  assert.is(rebuilt.rebuiltChecksum, rebuilt.liveChecksum);
});

test.run();
