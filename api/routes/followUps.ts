// The follow-up message after a lesson: the session's teacher or an admin sends it once the session has ended
// (again after a correction); its students read their own part on the session page and get it by mail.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { sendFollowUp } from '../../commands/followUps.js';
import { loadLiveSessionFor } from '../../commands/liveSessionAccess.js';
import { followUpOf } from '../../projections/followUps/queries.js';
import { afterWrite, commandContext, prefersMinimal, requireActor } from '../http.js';
import { z } from 'zod';
import { errors, IdParams } from './schemas.js';
import { FollowUpInput, FollowUpView } from '../../contract/followUp.js';

const tags = ['live sessions'];

export async function followUpRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/live-sessions/:id/follow-up',
    {
      schema: {
        tags,
        description:
          "Sends the follow-up message to the session's students (teacher of the session or admin, once it has ended): the key points, resources and preparation written here, plus each student's homework of the lesson and next session, found now. Sending again replaces it. Mailed to each student. 409 session_not_ended before the end.",
        params: IdParams,
        body: FollowUpInput,
        response: { 201: FollowUpView, 204: z.null().describe('with Prefer: return=minimal'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const context = commandContext(deps, request, actor);
      const result = await sendFollowUp(deps, actor, request.params.id, request.body, context);
      await afterWrite(deps, reply, result);
      if (prefersMinimal(request)) return reply.status(204).send(null);
      const sent = result.events.at(-1)?.data;
      const view = sent
        ? { ...sent, sentAt: sent.at }
        : await followUpOf(deps.db, actor.orgId, request.params.id);
      if (!view) throw new NotFoundError('follow_up', 'no follow-up was sent for this session');
      return reply.status(201).send(FollowUpView.parse(view));
    },
  );

  r.get(
    '/api/live-sessions/:id/follow-up',
    {
      schema: {
        tags,
        description:
          "The session's follow-up message: whole for its teacher and admins, a student's own part for a student of the session. 404 when none was sent.",
        params: IdParams,
        response: { 200: FollowUpView, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await loadLiveSessionFor(deps, actor, request.params.id);
      const view = await followUpOf(
        deps.db,
        actor.orgId,
        request.params.id,
        actor.role === 'student' ? actor.personId : undefined,
      );
      if (!view) throw new NotFoundError('follow_up', 'no follow-up was sent for this session');
      return view;
    },
  );
}
