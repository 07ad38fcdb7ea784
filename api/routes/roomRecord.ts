// After class: what a room's shared documents hold, for the people of the session (its teacher, participants
// and the organisation's admins) to read once the lesson is over. The chat and the polls have their own routes
// (rooms.ts); these add the lesson documents and the whiteboard.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { RoomId } from '../../realtime/messages.js';
import { roomMembership } from '../../auth/roomAccess.js';
import { lessonDocuments, whiteboardScene } from '../../projections/room/roomRecord.js';
import { requireActor } from '../http.js';
import { errors } from './schemas.js';

const RoomParams = z.object({ roomId: RoomId });

const LessonDocument = z.object({
  doc: z.string().describe('`lesson` (the session lesson) or `lesson:<lessonId>` (a lesson shown instead)'),
  text: z.string().describe('The document as plain text, one line per paragraph, heading or list item'),
  update: z.string().describe('The whole document as one Yjs update, base64 (TipTap field `default`)'),
});

const WhiteboardElement = z
  .object({ id: z.string(), type: z.string() })
  .catchall(z.unknown())
  .describe('An Excalidraw element as drawn');

export async function roomRecordRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['rooms'];

  r.get(
    '/api/rooms/:roomId/documents',
    {
      schema: {
        tags,
        summary: "The room's lesson documents as they were left, to read after the session",
        params: RoomParams,
        response: { 200: z.object({ documents: z.array(LessonDocument) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { info } = await roomMembership(deps, actor, request.params.roomId);
      return { documents: await lessonDocuments(deps.db, info.roomId) };
    },
  );

  r.get(
    '/api/rooms/:roomId/whiteboard',
    {
      schema: {
        tags,
        summary: "The room's whiteboard as it was left (Excalidraw elements), to read after the session",
        params: RoomParams,
        response: { 200: z.object({ elements: z.array(WhiteboardElement) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { info } = await roomMembership(deps, actor, request.params.roomId);
      return { elements: await whiteboardScene(deps.db, info.roomId) };
    },
  );
}
