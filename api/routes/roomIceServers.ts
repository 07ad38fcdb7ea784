// The ICE servers of a live room: STUN, and TURN with credentials that expire (auth/turnCredentials.ts), for a
// member of the open room. The join answer carries the same; browsers ask here to renew them in a long session.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { RoomIceServers, RoomId } from '../../realtime/messages.js';
import { requireOpen, roomMembership } from '../../auth/roomAccess.js';
import { iceServersFor } from '../../auth/turnCredentials.js';
import { requireActor } from '../http.js';
import { errors } from './schemas.js';

export async function roomIceServerRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/rooms/:roomId/ice-servers',
    {
      schema: {
        tags: ['rooms'],
        summary: 'STUN and TURN servers for the video of an open room, with TURN credentials that expire',
        params: z.object({ roomId: RoomId }),
        response: { 200: RoomIceServers, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { info } = await roomMembership(deps, actor, request.params.roomId);
      const now = deps.clock.now();
      requireOpen(info, now);
      reply.header('cache-control', 'no-store');
      return iceServersFor(deps.config, actor.personId, now);
    },
  );
}
