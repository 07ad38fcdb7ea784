// The browser's view of the live-room protocol: the types come from contract/realtime.ts (the zod schemas the
// gateway parses with), imported as types only so zod stays out of the bundle; the constants come from the
// zod-free contract/realtimeConstants.ts.
export type {
  ChatMessage,
  CurrentLesson,
  DocName,
  ErrorCode,
  Feed,
  SfuKind,
  VideoQuality,
  IceServer,
  Joined,
  Peer,
  Permission,
  PollView,
  Reaction,
  RoomLesson,
  ServerMessage,
  ServerMessageOf,
  // What the browser sends is the schema's input (defaults such as `video` and `limit` may be left out).
  ClientMessageInput as ClientMessage,
} from '../../../../contract/realtime';
export { REACTIONS, RECONNECT_GRACE_MS, roomIdForSession } from '../../../../contract/realtimeConstants';
