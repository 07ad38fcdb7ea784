// Running a live session over HTTP: start, end, delete a mistaken record, presence, live attendance.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { isLate, minutesPresent } from '../../domain/liveSession/attendance.js';
import type { ExistingSession } from '../../domain/liveSession/state.js';
import { loadLiveSessionFor } from '../../commands/liveSessionAccess.js';
import { deleteLiveSession, runLifecycleCommand } from '../../commands/liveSessionLifecycle.js';
import { recordPresence } from '../../commands/presence.js';
import type { Actor } from '../../auth/sessions.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { errors, IdParams } from './schemas.js';
import { LifecycleView } from '../../contract/completion.js';

/** Where everyone stands now; a student sees only their own line. */
export function lifecycleView(
  state: ExistingSession,
  revision: number,
  actor: Actor,
  now: string,
): LifecycleView {
  const until = state.endedAt ?? now;
  const people = [
    { personId: state.teacherId, role: 'teacher' as const },
    ...state.participants.map((p) => ({ personId: p.studentId, role: 'student' as const })),
  ].filter((p) => actor.role !== 'student' || p.personId === actor.personId);
  return {
    id: state.liveSessionId,
    status: state.status,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    revision,
    attendance: people.map(({ personId, role }) => {
      const presence = state.presence[personId];
      return {
        personId,
        role,
        inRoom: presence?.intervals.some((i) => i.to === null) ?? false,
        firstJoinedAt: presence?.firstJoinedAt ?? null,
        minutesPresent: minutesPresent(state, personId, until),
        late: isLate(state, personId),
      };
    }),
  };
}

const Response = { 200: LifecycleView, ...errors };

export async function liveSessionLifecycleRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (actor: Actor, id: string) => {
    const { state, revision } = await loadLiveSessionFor(deps, actor, id);
    return lifecycleView(state, revision, actor, deps.clock.now().toISOString());
  };

  for (const [path, type] of [
    ['start', 'StartLiveSession'],
    ['end', 'EndLiveSession'],
  ] as const) {
    r.post(
      `/api/live-sessions/:id/${path}`,
      { schema: { tags: ['live sessions'], params: IdParams, response: Response } },
      async (request, res) => {
        const actor = requireActor(request, 'admin', 'teacher');
        const context = commandContext(deps, request, actor);
        const result = await runLifecycleCommand(deps, actor, request.params.id, type, {}, context);
        await afterWrite(deps, res, result);
        return view(actor, request.params.id);
      },
    );
  }

  r.post(
    '/api/live-sessions/:id/deletion',
    {
      schema: {
        tags: ['live sessions'],
        description:
          'Only for records created by mistake: removed from the schedule, kept in the audit trail.',
        params: IdParams,
        body: z.object({ reason: z.string().trim().min(1).max(1000) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const context = commandContext(deps, request, actor);
      const result = await deleteLiveSession(deps, actor, request.params.id, request.body.reason, context);
      await afterWrite(deps, res, result);
      return res.status(204).send(null);
    },
  );

  r.post(
    '/api/live-sessions/:id/presence',
    {
      schema: {
        tags: ['live sessions'],
        description: 'The signed-in person joins or leaves the room (the realtime gateway does the same).',
        params: IdParams,
        body: z.object({ presence: z.enum(['joined', 'left']) }),
        response: Response,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await loadLiveSessionFor(deps, actor, request.params.id);
      await recordPresence(deps, {
        orgId: actor.orgId,
        liveSessionId: request.params.id,
        personId: actor.personId,
        presence: request.body.presence,
        at: deps.clock.now().toISOString(),
        correlationId: request.id,
      });
      return view(actor, request.params.id);
    },
  );

  r.get(
    '/api/live-sessions/:id/attendance',
    { schema: { tags: ['live sessions'], params: IdParams, response: Response } },
    async (request) => view(requireActor(request), request.params.id),
  );
}
