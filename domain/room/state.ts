// A live room's state, folded from its events. Never mutated: folded states are cached and shared.
import type { RoomEvent } from './events.js';

export type ChatEntry = { messageId: string; personId: string; text: string; at: string; removed: boolean };

export type Poll = {
  pollId: string;
  question: string;
  options: string[];
  anonymous: boolean;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  /** personId -> chosen option (the latest answer counts). */
  answers: Record<string, number>;
};

export type InstantLesson = { lessonId: string; title: string; createdBy: string; at: string };

export type RoomState = {
  chat: ChatEntry[];
  polls: Poll[];
  /** personId -> may edit the lesson document; absent = the default (view-only for participants). */
  permissions: Record<string, boolean>;
  instantLessons: InstantLesson[];
  /** The lesson on show, or null for the session's own lesson. */
  current: { lessonId: string; kind: 'course' | 'instant' } | null;
  /** personId -> seconds spoken in all, and when they last reported. */
  speaking: Record<string, { seconds: number; lastAt: string }>;
};

export const initialState = (): RoomState => ({
  chat: [],
  polls: [],
  permissions: {},
  instantLessons: [],
  current: null,
  speaking: {},
});

const updatePoll = (state: RoomState, pollId: string, change: (poll: Poll) => Poll): RoomState => ({
  ...state,
  polls: state.polls.map((p) => (p.pollId === pollId ? change(p) : p)),
});

export function evolve(state: RoomState, event: RoomEvent): RoomState {
  switch (event.type) {
    case 'RoomChatMessagePosted': {
      const { messageId, personId, text, at } = event.data;
      return { ...state, chat: [...state.chat, { messageId, personId, text, at, removed: false }] };
    }
    case 'RoomChatMessageRemoved':
      return {
        ...state,
        chat: state.chat.map((m) => (m.messageId === event.data.messageId ? { ...m, removed: true } : m)),
      };
    case 'RoomPollOpened': {
      const { pollId, question, options, anonymous, at } = event.data;
      const poll: Poll = {
        pollId,
        question,
        options,
        anonymous,
        status: 'open',
        openedAt: at,
        closedAt: null,
        answers: {},
      };
      return { ...state, polls: [...state.polls, poll] };
    }
    case 'RoomPollAnswered':
      return updatePoll(state, event.data.pollId, (p) => ({
        ...p,
        answers: { ...p.answers, [event.data.personId]: event.data.option },
      }));
    case 'RoomPollClosed':
      return updatePoll(state, event.data.pollId, (p) => ({
        ...p,
        status: 'closed',
        closedAt: event.data.at,
      }));
    case 'RoomEditPermissionChanged':
      return { ...state, permissions: { ...state.permissions, [event.data.personId]: event.data.canEdit } };
    case 'RoomInstantLessonCreated': {
      const { lessonId, title, createdBy, at } = event.data;
      return { ...state, instantLessons: [...state.instantLessons, { lessonId, title, createdBy, at }] };
    }
    case 'RoomLessonSwitched':
      return { ...state, current: { lessonId: event.data.lessonId, kind: event.data.kind } };
    case 'RoomReturnedToSessionLesson':
      return { ...state, current: null };
    case 'RoomSpeakingTimeRecorded': {
      const { personId, seconds, at } = event.data;
      const before = state.speaking[personId]?.seconds ?? 0;
      const total = Math.round((before + seconds) * 10) / 10;
      return { ...state, speaking: { ...state.speaking, [personId]: { seconds: total, lastAt: at } } };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
