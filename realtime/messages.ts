// The live-room WebSocket protocol: the zod schemas and types live in contract/realtime.ts (shared with the web
// client); this module re-exports them and adds the Node-side frame parser.
import { ClientMessage, MAX_FRAME_BYTES, type ErrorCode } from '../contract/realtime.js';

export * from '../contract/realtime.js';

/** Parses one text frame: the message, or the error to send back. */
export function parseClientFrame(
  raw: string,
): { ok: true; message: ClientMessage } | { ok: false; code: ErrorCode; message: string; ref?: string } {
  if (Buffer.byteLength(raw) > MAX_FRAME_BYTES)
    return { ok: false, code: 'too_large', message: `a frame is at most ${MAX_FRAME_BYTES} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'invalid_message', message: 'a frame is one JSON message' };
  }
  const parsed = ClientMessage.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  const ref =
    typeof (json as { ref?: unknown })?.ref === 'string' ? (json as { ref: string }).ref : undefined;
  const problems = parsed.error.issues
    .map((i) => `${i.path.join('.') || 'message'}: ${i.message}`)
    .join('; ');
  return { ok: false, code: 'invalid_message', message: problems, ref };
}
