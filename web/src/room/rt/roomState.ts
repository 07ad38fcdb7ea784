// What the room shows, folded from the gateway's messages: who is here, the chat, the polls, who may edit the
// lesson document and which lesson is open. Pure, so the reducer reads like the protocol.
import { i18next } from '../../i18n';
import { roomErrorText } from './errorText';
import type { ChatMessage, CurrentLesson, Joined, Peer, PollView, Reaction, ServerMessage } from './protocol';

export type Notice = { id: number; tone: 'info' | 'warn' | 'ok'; text: string };
/** A reaction floating over the room for a few seconds (RoomSession lets it go). */
export type FloatingReaction = { id: number; emoji: Reaction; name: string; personId: string };

export type RoomState = {
  selfPeerId: string;
  self: Joined['self'];
  peers: Peer[];
  chat: ChatMessage[];
  polls: PollView[];
  canEdit: Record<string, boolean>;
  lesson: CurrentLesson;
  meshWarning: string | null;
  notices: Notice[];
  reactions: FloatingReaction[];
  /** The person's own time zone: the times in a refusal are written in it. */
  timeZone: string;
};

let noticeId = 0;
let reactionId = 0;
/** At most this many reactions float at once: a burst does not bury the room. */
const MAX_FLOATING = 12;
const notice = (tone: Notice['tone'], text: string): Notice => ({ id: ++noticeId, tone, text });

// A refused rule is worded from the errors catalogue, a refusal's reason or a missing thing from the problems
// catalogue: both load with the room, before anyone joins.
void i18next.loadNamespaces('errors');
void i18next.loadNamespaces('problems');

/** A notice's text in the interface's language (the room's catalogue is loaded before anyone joins). */
const say = (key: NoticeKey) => i18next.t(`notice.${key}`, { ns: 'room' });
type NoticeKey =
  | 'editOn'
  | 'editOff'
  | 'videoAllowed'
  | 'videoStopped'
  | 'mutedByTeacher'
  | 'sfuMode'
  | 'meshMode'
  | 'handLowered';

/** The room as `joined` shows it; `timeZone` is the person's (else the one they had, else this browser's). */
export function fromJoined(j: Joined, previous?: RoomState, timeZone?: string): RoomState {
  return {
    selfPeerId: j.peerId,
    self: j.self,
    peers: j.peers.filter((p) => p.peerId !== j.peerId),
    chat: j.chat,
    polls: j.polls,
    canEdit: Object.fromEntries([
      ...j.permissions.map((p) => [p.personId, p.canEdit] as const),
      [j.self.personId, j.self.canEdit] as const,
    ]),
    lesson: j.lesson,
    meshWarning: previous?.meshWarning ?? null,
    notices: previous?.notices ?? [],
    reactions: previous?.reactions ?? [],
    timeZone: timeZone ?? previous?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

const upsertPoll = (polls: PollView[], poll: PollView) =>
  polls.some((p) => p.pollId === poll.pollId)
    ? polls.map((p) => (p.pollId === poll.pollId ? poll : p))
    : [...polls, poll];

export function roomReducer(state: RoomState, m: ServerMessage): RoomState {
  switch (m.type) {
    case 'joined':
      return fromJoined(m, state);
    case 'peer.joined':
    case 'peer.updated': {
      const others = state.peers.filter((p) => p.peerId !== m.peer.peerId);
      if (m.peer.peerId === state.selfPeerId) return state;
      return { ...state, peers: [...others, m.peer] };
    }
    case 'peer.left':
      return { ...state, peers: state.peers.filter((p) => p.peerId !== m.peerId) };
    case 'chat.message':
      if (state.chat.some((c) => c.messageId === m.message.messageId)) return state;
      return { ...state, chat: [...state.chat, m.message] };
    case 'chat.removed':
      return { ...state, chat: state.chat.filter((c) => c.messageId !== m.messageId) };
    case 'chat.history': {
      const known = new Set(state.chat.map((c) => c.messageId));
      return { ...state, chat: [...m.messages.filter((c) => !known.has(c.messageId)), ...state.chat] };
    }
    case 'poll.opened':
    case 'poll.tally':
    case 'poll.closed':
      return { ...state, polls: upsertPoll(state.polls, m.poll) };
    case 'permission.changed': {
      const canEdit = { ...state.canEdit, [m.personId]: m.canEdit };
      if (m.personId !== state.self.personId || state.canEdit[m.personId] === m.canEdit)
        return { ...state, canEdit };
      const text = say(m.canEdit ? 'editOn' : 'editOff');
      return { ...state, canEdit, notices: [...state.notices, notice(m.canEdit ? 'ok' : 'info', text)] };
    }
    case 'lesson.switched':
      return { ...state, lesson: m.lesson };
    case 'lesson.instantCreated':
      return {
        ...state,
        lesson: { ...state.lesson, instantLessons: [...state.lesson.instantLessons, m.lesson] },
      };
    case 'mesh.tooLarge':
      // Said here from the numbers, in the person's language (the gateway's message is English).
      return {
        ...state,
        meshWarning: i18next.t('notice.meshTooLarge', { ns: 'room', count: m.videoPeers, limit: m.limit }),
      };
    case 'error':
      // `sfu:` refs are the video connections' own business (web/src/room/media/sfu), handled there.
      if (m.code === 'read_only' || m.ref === 'join' || m.ref?.startsWith('sfu:')) return state;
      // Said in the person's language from its code; a refused rule from its rule code, as ErrorBox says it.
      return {
        ...state,
        notices: [...state.notices, notice('warn', roomErrorText(i18next, m, state.timeZone))],
      };
    case 'sfu.video':
      if (m.personId !== state.self.personId) return state;
      return addNotice(state, m.allowed ? 'ok' : 'info', say(m.allowed ? 'videoAllowed' : 'videoStopped'));
    case 'sfu.muted':
      if (m.personId !== state.self.personId && (m.personId !== null || state.self.roomRole === 'host'))
        return state;
      return addNotice(state, 'info', say('mutedByTeacher'));
    case 'media.mode':
      return addNotice(state, 'info', say(m.mode === 'sfu' ? 'sfuMode' : 'meshMode'));
    case 'hand.changed': {
      const self = { ...state.self, handRaisedAt: m.raisedAt };
      if (!m.loweredBy) return { ...state, self };
      return addNotice({ ...state, self }, 'info', say('handLowered'));
    }
    case 'reaction':
      return {
        ...state,
        reactions: [
          ...state.reactions.slice(-(MAX_FLOATING - 1)),
          { id: ++reactionId, emoji: m.emoji, name: m.name, personId: m.personId },
        ],
      };
    case 'answers.changed':
    case 'sfu.joined':
    case 'sfu.feeds':
    case 'sfu.talking':
    case 'sfu.answer':
    case 'sfu.offer':
    case 'sfu.reset':
    case 'left':
    case 'signal':
    case 'yjs.sync':
    case 'yjs.awareness':
    case 'pong':
      return state;
    default: {
      const _exhaustive: never = m;
      return _exhaustive;
    }
  }
}

export const dismissNotice = (state: RoomState, id: number): RoomState => ({
  ...state,
  notices: state.notices.filter((n) => n.id !== id),
});

export const addNotice = (state: RoomState, tone: Notice['tone'], text: string): RoomState => ({
  ...state,
  notices: [...state.notices, notice(tone, text)],
});

export const dropReaction = (state: RoomState, id: number): RoomState => ({
  ...state,
  reactions: state.reactions.filter((r) => r.id !== id),
});
