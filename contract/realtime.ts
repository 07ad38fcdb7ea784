// The live-room WebSocket protocol between the browser and the gateway (`/rt`), typed with zod. Shared by the
// server (realtime/messages.ts parses frames with it) and the web client (web/src/room/rt), so drift fails the build.
// Browser-safe: no Node APIs here.
//
// TRANSPORT
// - One WebSocket per browser tab: `new WebSocket(`${origin.replace('http', 'ws')}/rt`)`. The session cookie
//   (lectern_session) identifies the user and the Origin header must be the app's origin; otherwise the
//   upgrade is answered with an `error` frame and closed (code 4401 unauthenticated, 4403 bad origin).
// - Every frame is a UTF-8 JSON text frame holding ONE message `{ type, ... }`. Binary frames are refused.
//   Yjs bytes travel base64-encoded inside JSON (`yjs.sync`, `yjs.awareness`).
// - Any client message may carry `ref` (a string the client chooses); replies and errors caused by that
//   message echo it, so the client can match them.
// - Size caps: a frame of at most 1 MiB (MAX_FRAME_BYTES); chat text 2,000 characters; signal data 64 KiB.
//   A bad message is never dropped silently: the server answers `{ type: 'error', code, message, ref? }`
//   and keeps the connection open.
//
// ROOMS
// - Room ids: `ls-<liveSessionId>` (a live session) and `te-<trainingEventId>` (an online or hybrid training
//   event). A connection is in at most one room; `join` of another room leaves the first.
// - Who may join: the live session's teacher and participants (and admins of the organisation); a training
//   event's trainers and registered learners. The room is open from 10 minutes before the start until the
//   end; otherwise `error` code `room_closed`. A stranger gets `not_found` (no hint the room exists).
// - `join` answers with `joined`: your peerId, the peers already there, ICE servers (pass them to
//   simple-peer as `config: { iceServers }`), the chat history (latest 100), the polls, the edit
//   permissions, the current lesson. The other peers get `peer.joined`.
// - When the session ends (the teacher ends it, or its hours are over) everyone still in the room gets
//   `error` code `room_closed` and then `left`; a join after that is refused with `room_closed`.
// - The session is re-read every 30 s: after signing out, the next message gets `unauthenticated` and the
//   socket closes with 4401. Flooding gets `rate_limited` (stored messages 5/s, relayed traffic 200/s).
// - Budgets (docs/operations.md): stored document changes per connection, in messages and bytes (`rate_limited`
//   with `details.budget`), documents per room (`rule`, `details.code: too_many_documents`), document size
//   (`too_large`); a refused change is neither stored nor relayed. A browser that does not read what it is sent
//   is closed with 4408 ("too slow: …").
// - Reconnect: after a dropped connection, open a new socket and `join` again with `resume: <old peerId>`
//   within 10 s: you get the same peerId back, others see no leave/join and attendance is unbroken.
//
// SIGNALLING (WebRTC via simple-peer, a full mesh)
// - `signal { to, data }` relays simple-peer's signal data to one peer; it arrives as `signal { from, data }`.
//   Order is kept per peer pair. The peer with the lexically smaller peerId is the initiator.
// - `media { video, audio }` tells the room what you send. When more than MESH_VIDEO_LIMIT (4) peers send
//   video, everyone gets `mesh.tooLarge` (show a notice; media stays peer to peer).
//
// GROUP VIDEO THROUGH THE SFU (when the server has JANUS_URL and a group session has more than SFU_THRESHOLD
//   people): `joined.media.mode` is `sfu` instead of `mesh`; then no `signal` is sent. The browser never talks
//   to Janus: the gateway relays. Send `sfu.join` (-> `sfu.joined { feeds }`), publish the camera with
//   `sfu.publish { kind: 'camera', jsep: offer }` (-> `sfu.answer { kind, jsep }`), and the screen the same with
//   kind `screen` (`sfu.unpublish { kind }` stops it). For each feed of someone else, `sfu.subscribe { feed }`
//   (-> `sfu.offer { feed, jsep }`), answer with `sfu.start { feed, jsep }`. ICE candidates go as
//   `sfu.trickle { kind | feed, candidate }` (null: gathering completed). New and gone feeds arrive as
//   `sfu.feeds { added, removed }`; `sfu.restart { feed }` asks for a fresh offer (ICE restart). `sfu.reset`
//   means start over with `sfu.join`. The host may stop a person's video (`sfu.allow { personId, video }`;
//   everyone may publish by default): their camera is unpublished and a refused publish answers `forbidden`.
//   `sfu.joined.videoStopped` lists whose video is stopped. The host's `sfu.mute { personId? }` asks one person
//   (or, without personId, every participant) to mute: they get `sfu.muted { personId | null }` and may unmute.
//   Publish the camera with simulcast; `sfu.quality { feed, video: high | medium | low | off }` picks the layer
//   you receive (by tile size), `off` receives the feed's sound only (audio-only fallback). `sfu.talking
//   { feed, talking }` tells who speaks (the active-speaker layout).
//   The mode follows the session's roster at every join: when it changes (a student added mid-session crosses
//   SFU_THRESHOLD, or one removed falls below it) everyone in the room, on every node, gets `media.mode
//   { mode }` and switches (a screen share stops; share again).
//
// CHAT: `chat.post { text }` -> everyone gets `chat.message`; `chat.remove { messageId }` (the teacher) ->
//   `chat.removed`; `chat.history { before?, limit? }` -> `chat.history { messages, hasMore }`.
//
// POLLS: the teacher sends `poll.open { question, options, anonymous }`; everyone gets `poll.opened`.
//   Participants send `poll.answer { pollId, option }` (again to change their answer, until closed);
//   every answer sends everyone `poll.tally`. `poll.close { pollId }` -> `poll.closed`. A poll view always
//   holds the counts, `myAnswer`, and for the teacher of a named poll `answers` (per person) and
//   `nonResponders`.
//
// SHARED DOCUMENTS (Yjs, y-protocols): docs are `lesson` (the shared lesson document),
//   `lesson:<lessonId>` (a switched-to or instant lesson) and `whiteboard`.
//   Client: on `joined`, send `yjs.sync` with a sync step 1 (y-protocols/sync writeSyncStep1) per doc you
//   show; the server answers step 2 (the stored document) and its own step 1; then send every local update as
//   `yjs.sync` (writeUpdate) and awareness as `yjs.awareness`. Incoming `yjs.sync`/`yjs.awareness` are fed to
//   readSyncMessage / applyAwarenessUpdate. The server stores the updates (and snapshots), so the document
//   survives the session and reloads on join.
//   Permission: students are VIEW-ONLY on `lesson*` docs until the teacher allows editing
//   (`permission.set` or REST); the whiteboard is open to everyone in the room. An update from a view-only
//   peer is dropped and answered with `error` code `read_only`. A change reaches everyone as
//   `permission.changed { personId, canEdit }` (switch the editor's mode at once when it is you).
//
// LESSONS (individual sessions): the teacher sends `lesson.switch { lessonId }` or `lesson.return`;
//   everyone gets `lesson.switched { current }`. Instant lessons (created by REST or `lesson.instant`)
//   arrive as `lesson.instantCreated { lesson }` and are switched to at once.
//
// ERROR CODES: invalid_message, too_large, unauthenticated, forbidden, not_found, room_closed, not_joined,
//   read_only, rule (with `details.code`), rate_limited, unavailable, internal.
import { z } from 'zod';
import { MAX_CHAT_LENGTH, MAX_FRAME_BYTES, MAX_SIGNAL_BYTES } from './realtimeConstants.js';

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
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ErrorCode = Extract<ServerMessage, { type: 'error' }>['code'];
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;
export type Joined = ServerMessageOf<'joined'>;
