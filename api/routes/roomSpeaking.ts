// Speaking time in a live room: each browser reports its own speaking seconds (voice activity measured from
// its microphone) at most every 10 s while the room is open; the host reads the balance live.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { RoomId } from '../../contract/realtime.js';
import { SpeakingReport, SpeakingTime } from '../../contract/speakingTime.js';
import { recordSpeakingTime, speakingOf } from '../../commands/speakingTime.js';
import { commandContext, requireActor } from '../http.js';
import { errors } from './schemas.js';

const RoomParams = z.object({ roomId: RoomId });
const tags = ['rooms'];

export async function roomSpeakingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/rooms/:roomId/speaking',
    {
      schema: {
        tags,
        description:
          'Reports your own speaking seconds since your last report, at most every 10 s while the room is open (409 speaking_report_too_soon otherwise); more seconds than have passed are not counted. Answers your view of the balance.',
        params: RoomParams,
        body: SpeakingReport,
        response: { 200: SpeakingTime, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const context = commandContext(deps, request, actor, { ifMatch: false });
      return recordSpeakingTime(deps, actor, request.params.roomId, request.body.seconds, deps.clock.now(), {
        correlationId: context.correlationId,
      });
    },
  );

  r.get(
    '/api/rooms/:roomId/speaking',
    {
      schema: {
        tags,
        description:
          "The room's speaking-time balance: the host sees everyone's seconds and shares, a participant their own seconds.",
        params: RoomParams,
        response: { 200: SpeakingTime, ...errors },
      },
    },
    async (request) => speakingOf(deps, requireActor(request), request.params.roomId),
  );
}
