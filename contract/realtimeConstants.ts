// Constants of the live-room protocol, in a module without zod so the web client can import them as values.
export const MAX_FRAME_BYTES = 1024 * 1024;
export const MAX_CHAT_LENGTH = 2000;
export const MAX_SIGNAL_BYTES = 64 * 1024;
export const MESH_VIDEO_LIMIT = 4;
export const RECONNECT_GRACE_MS = 10_000;
/** The reactions a person may send to the room: each floats over everyone's room for a few seconds. */
export const REACTIONS = ['👍', '👏', '😂', '❤️', '😮', '🎉', '❓'] as const;

/** The room id of a live session's room. */
export const roomIdForSession = (liveSessionId: string) => `ls-${liveSessionId}`;
