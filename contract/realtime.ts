// The live-room WebSocket protocol between the browser and the gateway (`/rt`), typed with zod. Shared by the
// server (realtime/messages.ts parses frames with it) and the web client (web/src/room/rt), so drift fails the build.
// Browser-safe: no Node APIs here. What each message does, in prose: docs/realtimeProtocol.md.
import { z } from 'zod';
import { MAX_CHAT_LENGTH, MAX_FRAME_BYTES, MAX_SIGNAL_BYTES, REACTIONS } from './realtimeConstants.js';

export * from './realtimeConstants.js';

export const RoomId = z.string().regex(/^(ls|te)-[\w-]{1,80}$/, 'a room id is ls-<id> or te-<id>');
export const PeerId = z.string().regex(/^[\w-]{1,64}$/);
/** What the SFU's WebRTC offers and answers look like on the wire. */
export const Jsep = z.object({
  type: z.enum(['offer', 'answer']),
  sdp: z.string().max(MAX_SIGNAL_BYTES),
});
export type Jsep = z.infer<typeof Jsep>;
export const SfuKind = z.enum(['camera', 'screen']);
export type SfuKind = z.infer<typeof SfuKind>;
/** A feed is one published camera or screen in the SFU, named by Janus' number. */
export const FeedId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const Feed = z.object({ feed: FeedId, peerId: z.string(), kind: SfuKind });
export type Feed = z.infer<typeof Feed>;
/** Which simulcast layer of a feed's video to receive (by tile size), or none at all (audio only). */
export const VideoQuality = z.enum(['high', 'medium', 'low', 'off']);
export type VideoQuality = z.infer<typeof VideoQuality>;
const IceCandidate = z
  .object({
    candidate: z.string().max(2048),
    sdpMid: z.string().max(64).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  })
  .nullable();
export const DocName = z.string().regex(/^(whiteboard|lesson(:[\w-]{1,80})?)$/, 'unknown document');
/** What DocName accepts, as a type: `whiteboard`, `lesson` or `lesson:<lessonId>`. */
export type DocName = 'whiteboard' | 'lesson' | `lesson:${string}`;
const Base64 = z
  .string()
  .max(MAX_FRAME_BYTES)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const Ref = z.string().max(64).optional();
export const Reaction = z.enum(REACTIONS);
export type Reaction = z.infer<typeof Reaction>;

// ---------------------------------------------------------------- client -> server

const m = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ref: Ref, ...shape });

export const ClientMessage = z.discriminatedUnion('type', [
  m('join', { roomId: RoomId, resume: PeerId.optional(), video: z.boolean().default(true) }),
  m('leave', {}),
  m('signal', {
    to: PeerId,
    data: z.unknown().refine((d) => JSON.stringify(d ?? null).length <= MAX_SIGNAL_BYTES, 'signal too large'),
  }),
  m('media', { video: z.boolean(), audio: z.boolean() }),
  m('chat.post', { text: z.string().trim().min(1).max(MAX_CHAT_LENGTH) }),
  m('chat.remove', { messageId: z.string().max(80) }),
  m('chat.history', {
    before: z.string().max(80).optional(),
    limit: z.number().int().min(1).max(200).default(100),
  }),
  m('poll.open', {
    question: z.string().trim().min(1).max(500),
    options: z.array(z.string().trim().min(1).max(200)).min(2).max(10),
    anonymous: z.boolean(),
  }),
  m('poll.answer', { pollId: z.string().max(80), option: z.number().int().min(0).max(9) }),
  m('poll.close', { pollId: z.string().max(80) }),
  m('yjs.sync', { doc: DocName, data: Base64 }),
  m('yjs.awareness', { doc: DocName, data: Base64 }),
  m('permission.set', { personId: z.string().max(80), canEdit: z.boolean() }),
  m('lesson.switch', { lessonId: z.string().max(80) }),
  m('lesson.return', {}),
  m('lesson.instant', { title: z.string().trim().min(1).max(200) }),
  m('ping', {}),
  m('sfu.join', {}),
  m('sfu.publish', { kind: SfuKind, jsep: Jsep }),
  m('sfu.unpublish', { kind: SfuKind }),
  m('sfu.subscribe', { feed: FeedId }),
  m('sfu.start', { feed: FeedId, jsep: Jsep }),
  m('sfu.unsubscribe', { feed: FeedId }),
  m('sfu.restart', { feed: FeedId }),
  m('sfu.trickle', { kind: SfuKind.optional(), feed: FeedId.optional(), candidate: IceCandidate }),
  m('sfu.allow', { personId: z.string().max(80), video: z.boolean() }),
  m('sfu.quality', { feed: FeedId, video: VideoQuality }),
  m('sfu.mute', { personId: z.string().max(80).optional() }),
  m('hand.raise', {}),
  /** Without peerId: your own hand. With one: the host lowers that person's hand. */
  m('hand.lower', { peerId: PeerId.optional() }),
  m('reaction', { emoji: Reaction }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export type ClientMessageInput = z.input<typeof ClientMessage>;

// ---------------------------------------------------------------- shared shapes

export const Peer = z.object({
  peerId: PeerId,
  personId: z.string(),
  name: z.string(),
  /** host: the teacher / trainer (or an admin); participant: a student / learner. */
  roomRole: z.enum(['host', 'participant']),
  video: z.boolean(),
  audio: z.boolean(),
  /** When this person raised their hand (ISO time), null or absent while it is down. */
  handRaisedAt: z.string().nullable().optional(),
});
export type Peer = z.infer<typeof Peer>;

export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** GET /api/rooms/:roomId/ice-servers: fresh ICE servers (time-limited TURN credentials) for a room member. */
export const RoomIceServers = z.object({ iceServers: z.array(IceServer), expiresAt: z.string().nullable() });
export type RoomIceServers = z.infer<typeof RoomIceServers>;

export const ChatMessage = z.object({
  messageId: z.string(),
  personId: z.string(),
  name: z.string(),
  text: z.string(),
  at: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const PollView = z.object({
  pollId: z.string(),
  question: z.string(),
  options: z.array(z.string()),
  anonymous: z.boolean(),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  counts: z.array(z.number().int()),
  /** An anonymous poll, open, with fewer than 3 answers: `counts` are all 0 until then (or until it closes). */
  countsHidden: z.boolean().optional(),
  responded: z.number().int(),
  /** This viewer's answer (option index), null if none. */
  myAnswer: z.number().int().nullable(),
  /** Named polls only, host view only: who chose what, and who has not answered. Never for anonymous polls. */
  answers: z.array(z.object({ personId: z.string(), option: z.number().int() })).optional(),
  nonResponders: z.array(z.string()).optional(),
});
export type PollView = z.infer<typeof PollView>;

export const Lesson = z.object({
  lessonId: z.string(),
  kind: z.enum(['course', 'instant']),
  title: z.string().nullable(),
});
export const CurrentLesson = z.object({
  /** The lesson the session was scheduled with (course lesson), if any. */
  sessionLessonId: z.string().nullable(),
  /** What is shown now: null = the session lesson. */
  current: Lesson.nullable(),
  instantLessons: z.array(Lesson),
});
export type CurrentLesson = z.infer<typeof CurrentLesson>;
export type RoomLesson = z.infer<typeof Lesson>;

export const Permission = z.object({ personId: z.string(), canEdit: z.boolean() });
export type Permission = z.infer<typeof Permission>;

// ---------------------------------------------------------------- server -> client

const s = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ref: Ref, ...shape });

export const ServerMessage = z.discriminatedUnion('type', [
  s('joined', {
    roomId: RoomId,
    peerId: PeerId,
    resumed: z.boolean(),
    self: Peer.extend({ canEdit: z.boolean() }),
    peers: z.array(Peer),
    iceServers: z.array(IceServer),
    meshVideoLimit: z.number().int(),
    chat: z.array(ChatMessage),
    polls: z.array(PollView),
    permissions: z.array(Permission),
    lesson: CurrentLesson,
    docs: z.array(DocName),
    /** How media travels: peer to peer (mesh, the default) or through the SFU. */
    media: z.object({ mode: z.enum(['mesh', 'sfu']) }).optional(),
  }),
  s('left', { roomId: RoomId }),
  s('peer.joined', { peer: Peer }),
  s('peer.updated', { peer: Peer }),
  s('peer.left', { peerId: PeerId }),
  s('signal', { from: PeerId, data: z.unknown() }),
  s('mesh.tooLarge', { videoPeers: z.number().int(), limit: z.number().int(), message: z.string() }),
  s('chat.message', { message: ChatMessage }),
  s('chat.removed', { messageId: z.string() }),
  s('chat.history', { messages: z.array(ChatMessage), hasMore: z.boolean() }),
  s('poll.opened', { poll: PollView }),
  s('poll.tally', { poll: PollView }),
  s('poll.closed', { poll: PollView }),
  s('yjs.sync', { doc: DocName, data: Base64 }),
  s('yjs.awareness', { doc: DocName, data: Base64 }),
  s('permission.changed', Permission.shape),
  s('lesson.switched', { lesson: CurrentLesson }),
  s('lesson.instantCreated', { lesson: Lesson }),
  /**
   * Answers to the room's lesson exercises changed (a student answered, an essay was graded): to the teacher, who
   * reloads the progress over HTTP. With `studentId` null (answers revealed) to everyone.
   */
  s('answers.changed', {
    place: z.enum(['live', 'instant']),
    lessonId: z.string(),
    studentId: z.string().nullable(),
  }),
  s('error', {
    code: z.enum([
      'invalid_message',
      'too_large',
      'unauthenticated',
      'forbidden',
      'not_found',
      'room_closed',
      'not_joined',
      'read_only',
      'rule',
      'rate_limited',
      'unavailable',
      'internal',
    ]),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
  s('pong', {}),
  s('sfu.joined', {
    feeds: z.array(Feed),
    videoAllowed: z.boolean(),
    /** The people whose video the host has stopped (for the host's buttons). */
    videoStopped: z.array(z.string()).optional(),
  }),
  s('sfu.feeds', { added: z.array(Feed), removed: z.array(FeedId) }),
  s('sfu.answer', { kind: SfuKind, jsep: Jsep }),
  s('sfu.offer', { feed: FeedId, jsep: Jsep }),
  s('sfu.reset', { reason: z.string() }),
  s('sfu.video', { personId: z.string(), allowed: z.boolean() }),
  s('sfu.talking', { feed: FeedId, talking: z.boolean() }),
  s('sfu.muted', { personId: z.string().nullable() }),
  s('media.mode', { mode: z.enum(['mesh', 'sfu']) }),
  /** Your own hand went up or down; loweredBy names the host who lowered it (null: you did, or you left). */
  s('hand.changed', { raisedAt: z.string().nullable(), loweredBy: z.string().nullable() }),
  s('reaction', { peerId: PeerId, personId: z.string(), name: z.string(), emoji: Reaction, at: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ErrorCode = Extract<ServerMessage, { type: 'error' }>['code'];
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;
export type Joined = ServerMessageOf<'joined'>;
