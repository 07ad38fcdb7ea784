// The browser's view of the live-room protocol (realtime/messages.ts is the source of truth). Mirrored as plain
// types because that module uses Node's Buffer and the web project is typed for the browser only.
export type DocName = 'whiteboard' | 'lesson' | `lesson:${string}`;

export type Peer = {
  peerId: string;
  personId: string;
  name: string;
  roomRole: 'host' | 'participant';
  video: boolean;
  audio: boolean;
};

export type IceServer = { urls: string | string[]; username?: string; credential?: string };

export type ChatMessage = { messageId: string; personId: string; name: string; text: string; at: string };

export type PollView = {
  pollId: string;
  question: string;
  options: string[];
  anonymous: boolean;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  counts: number[];
  responded: number;
  myAnswer: number | null;
  answers?: { personId: string; option: number }[];
  nonResponders?: string[];
};

export type RoomLesson = { lessonId: string; kind: 'course' | 'instant'; title: string | null };
export type CurrentLesson = {
  sessionLessonId: string | null;
  current: RoomLesson | null;
  instantLessons: RoomLesson[];
};

export type Permission = { personId: string; canEdit: boolean };

export type ErrorCode =
  | 'invalid_message'
  | 'too_large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'room_closed'
  | 'not_joined'
  | 'read_only'
  | 'rule'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

type WithRef = { ref?: string };

export type ClientMessage = WithRef &
  (
    | { type: 'join'; roomId: string; resume?: string; video?: boolean }
    | { type: 'leave' }
    | { type: 'signal'; to: string; data: unknown }
    | { type: 'media'; video: boolean; audio: boolean }
    | { type: 'chat.post'; text: string }
    | { type: 'chat.remove'; messageId: string }
    | { type: 'chat.history'; before?: string; limit?: number }
    | { type: 'poll.open'; question: string; options: string[]; anonymous: boolean }
    | { type: 'poll.answer'; pollId: string; option: number }
    | { type: 'poll.close'; pollId: string }
    | { type: 'yjs.sync'; doc: DocName; data: string }
    | { type: 'yjs.awareness'; doc: DocName; data: string }
    | { type: 'permission.set'; personId: string; canEdit: boolean }
    | { type: 'lesson.switch'; lessonId: string }
    | { type: 'lesson.return' }
    | { type: 'lesson.instant'; title: string }
    | { type: 'ping' }
  );

export type Joined = {
  type: 'joined';
  roomId: string;
  peerId: string;
  resumed: boolean;
  self: Peer & { canEdit: boolean };
  peers: Peer[];
  iceServers: IceServer[];
  meshVideoLimit: number;
  chat: ChatMessage[];
  polls: PollView[];
  permissions: Permission[];
  lesson: CurrentLesson;
  docs: DocName[];
};

export type ServerMessage = WithRef &
  (
    | Joined
    | { type: 'left'; roomId: string }
    | { type: 'peer.joined'; peer: Peer }
    | { type: 'peer.updated'; peer: Peer }
    | { type: 'peer.left'; peerId: string }
    | { type: 'signal'; from: string; data: unknown }
    | { type: 'mesh.tooLarge'; videoPeers: number; limit: number; message: string }
    | { type: 'chat.message'; message: ChatMessage }
    | { type: 'chat.removed'; messageId: string }
    | { type: 'chat.history'; messages: ChatMessage[]; hasMore: boolean }
    | { type: 'poll.opened'; poll: PollView }
    | { type: 'poll.tally'; poll: PollView }
    | { type: 'poll.closed'; poll: PollView }
    | { type: 'yjs.sync'; doc: DocName; data: string }
    | { type: 'yjs.awareness'; doc: DocName; data: string }
    | ({ type: 'permission.changed' } & Permission)
    | { type: 'lesson.switched'; lesson: CurrentLesson }
    | { type: 'lesson.instantCreated'; lesson: RoomLesson }
    | { type: 'error'; code: ErrorCode; message: string; details?: Record<string, unknown> }
    | { type: 'pong' }
  );

export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export const RECONNECT_GRACE_MS = 10_000;
export const roomIdForSession = (liveSessionId: string) => `ls-${liveSessionId}`;
