// The rules of a live room: who may remove chat, run polls, grant editing and switch lessons.
import { ForbiddenError, NotFoundError, RuleViolation, ValidationError } from '../shared/errors.js';
import type { Decider } from '../shared/decider.js';
import type { RoomCommand } from './commands.js';
import type { RoomEvent } from './events.js';
import { evolve, initialState, type RoomState } from './state.js';

export const MAX_CHAT_LENGTH = 2000;
/** A browser reports its speaking time at most this often. */
export const SPEAKING_REPORT_MS = 10_000;
/** A report covers at most this much (a report window and some slack for a late timer). */
export const MAX_SPEAKING_REPORT_SECONDS = 15;

function requireHost(command: RoomCommand, what: string) {
  if (command.actor.roomRole !== 'host')
    throw new ForbiddenError('host_only', `only the teacher can ${what}`);
}

function requireIndividual(sessionKind: 'individual' | 'group') {
  if (sessionKind !== 'individual')
    throw new RuleViolation(
      'lesson_switching_individual_only',
      'lesson switching is for individual sessions; in a group session the lesson stays fixed',
    );
}

function openPoll(state: RoomState, pollId: string) {
  const poll = state.polls.find((p) => p.pollId === pollId);
  if (!poll) throw new NotFoundError('poll');
  if (poll.status === 'closed') throw new RuleViolation('poll_closed', 'the poll is closed');
  return poll;
}

export function decide(command: RoomCommand, state: RoomState): RoomEvent[] {
  const { roomId, now: at } = command;
  const by = command.actor.personId;
  switch (command.type) {
    case 'PostChatMessage': {
      const text = command.text.trim();
      if (!text || text.length > MAX_CHAT_LENGTH)
        throw new ValidationError(`a chat message has 1 to ${MAX_CHAT_LENGTH} characters`, [
          { path: 'text', message: 'length', code: 'length_between', minimum: 1, maximum: MAX_CHAT_LENGTH },
        ]);
      if (state.chat.some((m) => m.messageId === command.messageId)) return [];
      return [
        {
          type: 'RoomChatMessagePosted',
          data: { roomId, at, messageId: command.messageId, personId: by, text },
        },
      ];
    }
    case 'RemoveChatMessage': {
      requireHost(command, 'remove chat messages');
      const message = state.chat.find((m) => m.messageId === command.messageId);
      if (!message) throw new NotFoundError('chat_message');
      if (message.removed) return [];
      return [
        { type: 'RoomChatMessageRemoved', data: { roomId, at, messageId: command.messageId, removedBy: by } },
      ];
    }
    case 'OpenPoll': {
      requireHost(command, 'open a poll');
      if (command.options.length < 2 || command.options.length > 10)
        throw new ValidationError('a poll has 2 to 10 options', [
          { path: 'options', message: 'count', code: 'count_between', minimum: 2, maximum: 10 },
        ]);
      if (state.polls.some((p) => p.pollId === command.pollId)) return [];
      const { pollId, question, options, anonymous } = command;
      return [
        { type: 'RoomPollOpened', data: { roomId, at, pollId, question, options, anonymous, openedBy: by } },
      ];
    }
    case 'AnswerPoll': {
      const poll = openPoll(state, command.pollId);
      if (command.actor.roomRole !== 'participant')
        throw new ForbiddenError('host_runs_poll', 'the teacher runs the poll; participants answer it');
      if (!Number.isInteger(command.option) || command.option < 0 || command.option >= poll.options.length)
        throw new ValidationError('no such option', [
          { path: 'option', message: 'out of range', code: 'unknown_option' },
        ]);
      if (poll.answers[by] === command.option) return [];
      return [
        {
          type: 'RoomPollAnswered',
          data: { roomId, at, pollId: poll.pollId, personId: by, option: command.option },
        },
      ];
    }
    case 'ClosePoll': {
      requireHost(command, 'close a poll');
      const poll = state.polls.find((p) => p.pollId === command.pollId);
      if (!poll) throw new NotFoundError('poll');
      if (poll.status === 'closed') return [];
      return [{ type: 'RoomPollClosed', data: { roomId, at, pollId: poll.pollId, closedBy: by } }];
    }
    case 'SetEditPermission': {
      requireHost(command, 'change edit permissions');
      if ((state.permissions[command.personId] ?? false) === command.canEdit) return [];
      const { personId, canEdit } = command;
      return [{ type: 'RoomEditPermissionChanged', data: { roomId, at, personId, canEdit, changedBy: by } }];
    }
    case 'CreateInstantLesson': {
      requireHost(command, 'create an instant lesson');
      if (state.instantLessons.some((l) => l.lessonId === command.lessonId)) return [];
      const { lessonId, title } = command;
      const created: RoomEvent = {
        type: 'RoomInstantLessonCreated',
        data: { roomId, at, lessonId, title, createdBy: by },
      };
      if (command.sessionKind !== 'individual') return [created];
      return [
        created,
        { type: 'RoomLessonSwitched', data: { roomId, at, lessonId, kind: 'instant', switchedBy: by } },
      ];
    }
    case 'SwitchLesson': {
      requireHost(command, 'switch the lesson');
      // A group keeps its session lesson, but the teacher may show the group an instant lesson made in the room.
      if (command.kind !== 'instant') requireIndividual(command.sessionKind);
      if (command.kind === 'instant' && !state.instantLessons.some((l) => l.lessonId === command.lessonId))
        throw new NotFoundError('instant_lesson');
      if (state.current?.lessonId === command.lessonId) return [];
      const { lessonId, kind } = command;
      return [{ type: 'RoomLessonSwitched', data: { roomId, at, lessonId, kind, switchedBy: by } }];
    }
    case 'ReturnToSessionLesson': {
      requireHost(command, 'switch the lesson');
      if (state.current === null) return [];
      if (state.current.kind !== 'instant') requireIndividual(command.sessionKind);
      return [{ type: 'RoomReturnedToSessionLesson', data: { roomId, at, switchedBy: by } }];
    }
    case 'RecordSpeakingTime':
      return speakingTime(command, state);
    default: {
      const _exhaustive: never = command;
      return [];
    }
  }
}

export const roomDecider: Decider<RoomCommand, RoomEvent, RoomState> = { decide, evolve, initialState };

/**
 * A person's own speaking time: at most one report per SPEAKING_REPORT_MS (a sooner one is refused), never more
 * seconds than have passed since their last report (the surplus is dropped), silence recorded as nothing.
 */
function speakingTime(command: Extract<RoomCommand, { type: 'RecordSpeakingTime' }>, state: RoomState) {
  const { roomId, now: at, seconds } = command;
  const personId = command.actor.personId;
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SPEAKING_REPORT_SECONDS)
    throw new ValidationError(`a speaking report covers 0 to ${MAX_SPEAKING_REPORT_SECONDS} seconds`, [
      {
        path: 'seconds',
        message: 'out of range',
        code: 'between',
        minimum: 0,
        maximum: MAX_SPEAKING_REPORT_SECONDS,
      },
    ]);
  const last = state.speaking[personId]?.lastAt;
  const since = last ? (Date.parse(at) - Date.parse(last)) / 1000 : MAX_SPEAKING_REPORT_SECONDS;
  if (since * 1000 < SPEAKING_REPORT_MS - 1000)
    throw new RuleViolation(
      'speaking_report_too_soon',
      `speaking time is reported at most every ${SPEAKING_REPORT_MS / 1000} s`,
      {
        intervalSeconds: SPEAKING_REPORT_MS / 1000,
        retryAfterSeconds: Math.ceil(SPEAKING_REPORT_MS / 1000 - since),
      },
    );
  const counted = Math.round(Math.min(seconds, since) * 10) / 10;
  if (counted === 0) return [];
  const event: RoomEvent = {
    type: 'RoomSpeakingTimeRecorded',
    data: { roomId, at, personId, seconds: counted },
  };
  return [event];
}
