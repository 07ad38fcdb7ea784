// Access-matrix entries for after class: a room's lesson documents and whiteboard. Format: see
// accessMatrix.entries.ts. The session's teacher, its participants and admins read them; a teacher or student of
// another session, and anyone of another organisation, gets 404 (the room does not exist for them).
import { per, type Entry } from './accessMatrix.format.js';
import type { World, Scope } from './accessMatrix.world.js';

export function roomRecordEntries(): Record<string, Entry> {
  const room = (w: World, scope: Scope) =>
    `ls-${scope === 'own' ? w.a.liveSessionId : w.org(scope).otherLiveSessionId}`;
  const read = {
    own: per(200, 200, 200, 401),
    other: per(200, 404, 404, 401),
    foreign: per(404, 404, 404, 401),
  };
  return {
    'GET /api/rooms/:roomId/documents': {
      request: (w, s) => ({ url: `/api/rooms/${room(w, s)}/documents` }),
      expect: read,
    },
    'GET /api/rooms/:roomId/whiteboard': {
      request: (w, s) => ({ url: `/api/rooms/${room(w, s)}/whiteboard` }),
      expect: read,
    },
  };
}
