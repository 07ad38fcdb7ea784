// The rules of a live room, as specifications: chat, polls, edit permission, lessons.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../support/decider.js';
import { roomDecider } from '../../domain/room/decider.js';
import type { RoomEvent } from '../../domain/room/events.js';
import { evolve, initialState } from '../../domain/room/state.js';
import { ForbiddenError, NotFoundError, RuleViolation, ValidationError } from '../../domain/shared/errors.js';

const roomId = 'ls-1';
const at = '2026-11-23T08:00:00.000Z';
const host = { personId: 'teacher', roomRole: 'host' as const };
const ana = { personId: 'ana', roomRole: 'participant' as const };
const ben = { personId: 'ben', roomRole: 'participant' as const };
const base = { roomId, now: at };
const given = spec(roomDecider).given;

const posted: RoomEvent = {
  type: 'RoomChatMessagePosted',
  data: { roomId, at, messageId: 'm1', personId: 'ana', text: 'Hello' },
};
const pollOpened: RoomEvent = {
  type: 'RoomPollOpened',
  data: {
    roomId,
    at,
    pollId: 'p1',
    question: 'Tense?',
    options: ['past', 'present'],
    anonymous: false,
    openedBy: 'teacher',
  },
};
const answered = (personId: string, option: number): RoomEvent => ({
  type: 'RoomPollAnswered',
  data: { roomId, at, pollId: 'p1', personId, option },
});
const pollClosed: RoomEvent = {
  type: 'RoomPollClosed',
  data: { roomId, at, pollId: 'p1', closedBy: 'teacher' },
};

const chat = suite('chat in a room');
chat('anyone in the room posts; the text is trimmed', () =>
  given([])
    .when({ ...base, actor: ana, type: 'PostChatMessage', messageId: 'm1', text: '  Hello ' })
    .then([posted]),
);
chat('a message longer than 2,000 characters is refused', () =>
  given([])
    .when({ ...base, actor: ana, type: 'PostChatMessage', messageId: 'm1', text: 'x'.repeat(2001) })
    .thenThrows(ValidationError),
);
chat('only the teacher removes a message', () => {
  given([posted])
    .when({ ...base, actor: ben, type: 'RemoveChatMessage', messageId: 'm1' })
    .thenThrows(ForbiddenError);
  given([posted])
    .when({ ...base, actor: host, type: 'RemoveChatMessage', messageId: 'm1' })
    .then([{ type: 'RoomChatMessageRemoved', data: { roomId, at, messageId: 'm1', removedBy: 'teacher' } }]);
  given([])
    .when({ ...base, actor: host, type: 'RemoveChatMessage', messageId: 'nope' })
    .thenThrows(NotFoundError);
});
chat.run();

const polls = suite('polls');
polls('only the teacher opens a poll, with 2 to 10 options', () => {
  const open = { ...base, type: 'OpenPoll' as const, pollId: 'p1', question: 'Tense?', anonymous: false };
  given([])
    .when({ ...open, actor: ana, options: ['a', 'b'] })
    .thenThrows(ForbiddenError);
  given([])
    .when({ ...open, actor: host, options: ['a'] })
    .thenThrows(ValidationError);
  given([])
    .when({ ...open, actor: host, options: ['past', 'present'] })
    .then([pollOpened]);
});
polls('a participant answers, may change the answer, and the same answer twice records nothing', () => {
  const answer = (option: number) => ({
    ...base,
    actor: ana,
    type: 'AnswerPoll' as const,
    pollId: 'p1',
    option,
  });
  given([pollOpened])
    .when(answer(0))
    .then([answered('ana', 0)]);
  given([pollOpened, answered('ana', 0)])
    .when(answer(1))
    .then([answered('ana', 1)]);
  given([pollOpened, answered('ana', 1)])
    .when(answer(1))
    .thenNothing();
  given([pollOpened]).when(answer(5)).thenThrows(ValidationError);
});
polls('no answers after closing, and the teacher does not answer', () => {
  given([pollOpened, pollClosed])
    .when({ ...base, actor: ana, type: 'AnswerPoll', pollId: 'p1', option: 0 })
    .thenThrows(RuleViolation, 'poll_closed');
  given([pollOpened])
    .when({ ...base, actor: host, type: 'AnswerPoll', pollId: 'p1', option: 0 })
    .thenThrows(ForbiddenError);
});
polls('the state keeps the latest answer per person', () => {
  const state = [pollOpened, answered('ana', 0), answered('ben', 1), answered('ana', 1), pollClosed].reduce(
    evolve,
    initialState(),
  );
  assert.equal(state.polls[0]!.answers, { ana: 1, ben: 1 });
  assert.is(state.polls[0]!.status, 'closed');
});
polls.run();

const permissions = suite('edit permission');
permissions('students start view-only; the teacher allows editing; a repeat records nothing', () => {
  const allow = { ...base, type: 'SetEditPermission' as const, personId: 'ana', canEdit: true };
  const allowed: RoomEvent = {
    type: 'RoomEditPermissionChanged',
    data: { roomId, at, personId: 'ana', canEdit: true, changedBy: 'teacher' },
  };
  given([])
    .when({ ...allow, actor: ana })
    .thenThrows(ForbiddenError);
  given([])
    .when({ ...allow, actor: host })
    .then([allowed]);
  given([allowed])
    .when({ ...allow, actor: host })
    .thenNothing();
  given([])
    .when({ ...allow, canEdit: false, actor: host })
    .thenNothing();
});
permissions.run();

const lessons = suite('lessons in the room');
lessons('switching is for individual sessions only', () => {
  const sw = { ...base, actor: host, type: 'SwitchLesson' as const, lessonId: 'l2', kind: 'course' as const };
  given([])
    .when({ ...sw, sessionKind: 'group' })
    .thenThrows(RuleViolation, 'lesson_switching_individual_only');
  given([])
    .when({ ...sw, sessionKind: 'individual' })
    .then([
      {
        type: 'RoomLessonSwitched',
        data: { roomId, at, lessonId: 'l2', kind: 'course', switchedBy: 'teacher' },
      },
    ]);
});
lessons(
  'an instant lesson is created and shown at once in an individual session; returning goes back',
  () => {
    const created: RoomEvent = {
      type: 'RoomInstantLessonCreated',
      data: { roomId, at, lessonId: 'i1', title: 'Warm-up', createdBy: 'teacher' },
    };
    const shown: RoomEvent = {
      type: 'RoomLessonSwitched',
      data: { roomId, at, lessonId: 'i1', kind: 'instant', switchedBy: 'teacher' },
    };
    const create = {
      ...base,
      actor: host,
      type: 'CreateInstantLesson' as const,
      lessonId: 'i1',
      title: 'Warm-up',
    };
    given([])
      .when({ ...create, sessionKind: 'individual' })
      .then([created, shown]);
    given([])
      .when({ ...create, sessionKind: 'group' })
      .then([created]);
    given([created, shown])
      .when({ ...base, actor: host, type: 'ReturnToSessionLesson', sessionKind: 'individual' })
      .then([{ type: 'RoomReturnedToSessionLesson', data: { roomId, at, switchedBy: 'teacher' } }]);
    given([])
      .when({ ...base, actor: host, type: 'ReturnToSessionLesson', sessionKind: 'individual' })
      .thenNothing();
  },
);
lessons(
  'in a group session the teacher shows the group an instant lesson and returns to the session lesson',
  () => {
    const created: RoomEvent = {
      type: 'RoomInstantLessonCreated',
      data: { roomId, at, lessonId: 'i1', title: 'Warm-up', createdBy: 'teacher' },
    };
    const shown: RoomEvent = {
      type: 'RoomLessonSwitched',
      data: { roomId, at, lessonId: 'i1', kind: 'instant', switchedBy: 'teacher' },
    };
    const show = { ...base, type: 'SwitchLesson' as const, lessonId: 'i1', kind: 'instant' as const };
    given([created])
      .when({ ...show, actor: host, sessionKind: 'group' })
      .then([shown]);
    given([created])
      .when({ ...show, actor: ana, sessionKind: 'group' })
      .thenThrows(ForbiddenError);
    given([])
      .when({ ...show, actor: host, sessionKind: 'group' })
      .thenThrows(NotFoundError);
    given([created, shown])
      .when({ ...base, actor: host, type: 'ReturnToSessionLesson', sessionKind: 'group' })
      .then([{ type: 'RoomReturnedToSessionLesson', data: { roomId, at, switchedBy: 'teacher' } }]);
    given([created])
      .when({ ...base, actor: host, type: 'ReturnToSessionLesson', sessionKind: 'group' })
      .thenNothing();
  },
);
lessons.run();
