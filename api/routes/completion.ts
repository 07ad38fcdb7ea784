// The completion flow over HTTP: preview the billing effect, confirm it (or cancel), and scores with feedback.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { COMMENT_MAX } from '../../domain/liveSession/lifecycle.js';
import { loadLiveSessionFor } from '../../commands/liveSessionAccess.js';
import { cancelLiveSession } from '../../commands/liveSessionMoves.js';
import { confirmCompletion, priceParticipant } from '../../commands/completion.js';
import { previewCompletion } from '../../commands/completionPreview.js';
import { runLifecycleCommand, scoreStudent } from '../../commands/liveSessionLifecycle.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { errors, IdParams } from './schemas.js';
import {
  Completion,
  CompletionAction as Action,
  Feedback,
  Preview,
  Scores,
} from '../../contract/completion.js';

const Marks = z
  .array(
    z.object({
      studentId: z.uuid(),
      status: z.enum(['present', 'absent']),
      reason: z.string().trim().max(500).nullable().default(null),
    }),
  )
  .max(200)
  .default([]);
const Note = z.string().trim().max(4000).nullable().default(null);

const StudentParams = z.object({ id: z.uuid(), studentId: z.uuid() });

export async function completionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['completion'];

  const completionOf = async (actor: Parameters<typeof loadLiveSessionFor>[1], id: string) => {
    const { state, revision } = await loadLiveSessionFor(deps, actor, id);
    const attendance = (state.completion?.attendance ?? []).filter(
      (a) => actor.role !== 'student' || a.studentId === actor.personId,
    );
    return {
      liveSessionId: id,
      status: state.status,
      action: state.completion?.action ?? null,
      charged: state.completion?.charged ?? false,
      revision,
      attendance,
    };
  };

  r.post(
    '/api/live-sessions/:id/completion/preview',
    {
      schema: {
        tags,
        description:
          'The billing effect of a completion action: who is debited how much, each balance after.',
        params: IdParams,
        body: z.object({ action: Action, attendance: Marks }),
        response: { 200: Preview, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin', 'teacher');
      return previewCompletion(deps, actor, request.params.id, request.body);
    },
  );

  r.post(
    '/api/live-sessions/:id/completion',
    {
      schema: {
        tags,
        description:
          'Confirms a previewed action (send its fingerprint; 409 `preview_changed` carries a fresh preview), ' +
          'or "cancel": close the lesson as canceled. A lesson closed with "finish" (not deducted) can later be ' +
          'confirmed with "verify_and_deduct": its recorded attendance is charged and its feedback verified.',
        params: IdParams,
        body: z.discriminatedUnion('action', [
          z.object({
            action: Action,
            fingerprint: z.string().min(1).max(100),
            attendance: Marks,
            notes: z
              .object({ covered: Note, struggled: Note, next: Note })
              .default({ covered: null, struggled: null, next: null }),
          }),
          z.object({ action: z.literal('cancel'), reason: z.string().trim().min(1).max(1000) }),
        ]),
        response: { 200: Completion, ...errors },
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const context = commandContext(deps, request, actor);
      const body = request.body;
      const id = request.params.id;
      const result =
        body.action === 'cancel'
          ? await cancelLiveSession(deps, actor, id, body.reason, context)
          : await confirmCompletion(deps, actor, id, body, context);
      await afterWrite(deps, res, result);
      return completionOf(actor, id);
    },
  );

  r.put(
    '/api/live-sessions/:id/participants/:studentId/price',
    {
      schema: {
        tags,
        description:
          'What the lesson costs a participant whom no enrollment prices (neither in the course nor with the ' +
          'teacher); a lesson such a student attends cannot be completed with a deduction until it is set.',
        params: StudentParams,
        body: z.object({ lessonCostTokens: z.number().int().min(0).max(100_000) }),
        response: {
          200: z.object({ liveSessionId: z.string(), studentId: z.string(), lessonCostTokens: z.number() }),
          ...errors,
        },
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, studentId } = request.params;
      const context = commandContext(deps, request, actor);
      const { lessonCostTokens } = request.body;
      const result = await priceParticipant(deps, actor, id, { studentId, lessonCostTokens }, context);
      await afterWrite(deps, res, result);
      return { liveSessionId: id, studentId, lessonCostTokens };
    },
  );

  r.get(
    '/api/live-sessions/:id/completion',
    { schema: { tags, params: IdParams, response: { 200: Completion, ...errors } } },
    async (request) => completionOf(requireActor(request), request.params.id),
  );

  r.put(
    '/api/live-sessions/:id/feedback/:studentId',
    {
      schema: {
        tags,
        params: StudentParams,
        body: z.object({ scores: Scores, comment: z.string().max(COMMENT_MAX).nullable().default(null) }),
        response: { 200: Feedback, ...errors },
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, studentId } = request.params;
      const context = commandContext(deps, request, actor);
      const result = await scoreStudent(deps, actor, id, { studentId, ...request.body }, context);
      await afterWrite(deps, res, result);
      return feedbackOf(actor, id, studentId);
    },
  );

  for (const [method, type] of [
    ['post', 'VerifyScores'],
    ['delete', 'RevokeScoresVerification'],
  ] as const) {
    r[method](
      '/api/live-sessions/:id/feedback/:studentId/verification',
      {
        schema: {
          tags,
          description:
            'Verified feedback is visible to the student and frozen until the verification is revoked.',
          params: StudentParams,
          response: { 200: z.array(Feedback), ...errors },
        },
      },
      async (request, res) => {
        const actor = requireActor(request, 'admin', 'teacher');
        const { id, studentId } = request.params;
        const context = commandContext(deps, request, actor);
        const result = await runLifecycleCommand(deps, actor, id, type, { studentId }, context);
        await afterWrite(deps, res, result);
        return visibleFeedback(actor, id);
      },
    );
  }

  /** Teachers and admins see drafts; a student sees their own feedback once it is verified. */
  const visibleFeedback = async (actor: Parameters<typeof loadLiveSessionFor>[1], id: string) => {
    const { state } = await loadLiveSessionFor(deps, actor, id);
    return Object.entries(state.feedback)
      .filter(([studentId, f]) => actor.role !== 'student' || (studentId === actor.personId && f.verified))
      .map(([studentId, f]) => ({ studentId, ...f }));
  };
  const feedbackOf = async (
    actor: Parameters<typeof loadLiveSessionFor>[1],
    id: string,
    studentId: string,
  ) => {
    const found = (await visibleFeedback(actor, id)).find((f) => f.studentId === studentId);
    if (!found) throw new NotFoundError('feedback');
    return found;
  };

  r.get(
    '/api/live-sessions/:id/feedback',
    { schema: { tags, params: IdParams, response: { 200: z.array(Feedback), ...errors } } },
    async (request) => visibleFeedback(requireActor(request), request.params.id),
  );
}
