// Registration for a training section (self, by hand, switch, deregister, approve, decline), attendance
// (mark, confirm), and the read models around them: a section's roster, completion, trainers' events.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { requireSection } from '../../domain/training/guards.js';
import {
  changeRegistration,
  loadTrainingFor,
  registerLearner,
  takeAttendance,
} from '../../commands/trainings.js';
import {
  requireManagerOf,
  requireSectionManager,
  requireTrainingsEnabled,
} from '../../commands/trainingAccess.js';
import {
  progressOf,
  rosterOf,
  trainerEvents,
  trainingDetail,
  type Viewer,
} from '../../projections/trainings/queries.js';
import { learnerEvents } from '../../projections/trainings/learnerEvents.js';
import { commandContext, requireActor } from '../http.js';
import { errors } from './schemas.js';
import {
  EventParams,
  LearnerParams,
  ProgressView,
  RosterView,
  SectionParams,
  TrainerEventView,
  TrainingParams,
  TrainingView,
  afterTrainingWrite,
} from './trainingSchemas.js';

const tags = ['trainings'];
const Detail = { 200: TrainingView, ...errors };
const LearnerBody = z.object({ learnerId: z.uuid().nullable().default(null) }).default({ learnerId: null });

export async function trainingRegistrationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = async (viewer: Viewer, id: string) => {
    const view = await trainingDetail(deps.db, viewer, id);
    if (!view) throw new NotFoundError('training');
    return view;
  };

  r.post(
    '/api/trainings/:id/sections/:sectionId/registrations',
    {
      schema: {
        tags,
        description:
          'Register yourself (no body), or, as an admin or trainer, add a learner by hand ({learnerId}).',
        params: SectionParams,
        body: LearnerBody,
        response: { 201: TrainingView, ...errors },
      },
    },
    async (request, res) => {
      const actor = requireActor(request);
      const { id, sectionId } = request.params;
      const input = { sectionId, learnerId: request.body.learnerId, switchSection: false };
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const result = await registerLearner(deps, actor, id, input, context);
      await afterTrainingWrite(deps, res, result);
      return res.status(201).send(await detail(actor, id));
    },
  );

  r.post(
    '/api/trainings/:id/switch',
    {
      schema: {
        tags,
        description: 'Leave the current section and join another in one step (refused when it has no seat).',
        params: TrainingParams,
        body: z.object({ sectionId: z.uuid(), learnerId: z.uuid().nullable().default(null) }),
        response: Detail,
      },
    },
    async (request, res) => {
      const actor = requireActor(request);
      const input = { ...request.body, switchSection: true };
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const result = await registerLearner(deps, actor, request.params.id, input, context);
      await afterTrainingWrite(deps, res, result);
      return detail(actor, request.params.id);
    },
  );

  r.delete(
    '/api/trainings/:id/registrations/:learnerId',
    { schema: { tags, params: LearnerParams, response: Detail } },
    async (request, res) => {
      const actor = requireActor(request);
      const { id, learnerId } = request.params;
      const context = commandContext(deps, request, actor);
      const result = await changeRegistration(
        deps,
        actor,
        id,
        learnerId,
        { type: 'DeregisterLearner' },
        context,
      );
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );

  r.post(
    '/api/trainings/:id/registrations/:learnerId/approve',
    { schema: { tags, params: LearnerParams, response: Detail } },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, learnerId } = request.params;
      const context = commandContext(deps, request, actor);
      const result = await changeRegistration(
        deps,
        actor,
        id,
        learnerId,
        { type: 'ApproveRegistration' },
        context,
      );
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );

  r.post(
    '/api/trainings/:id/registrations/:learnerId/decline',
    {
      schema: {
        tags,
        params: LearnerParams,
        body: z.object({ reason: z.string().trim().max(1000).nullable().default(null) }),
        response: Detail,
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, learnerId } = request.params;
      const command = { type: 'DeclineRegistration' as const, reason: request.body.reason };
      const result = await changeRegistration(
        deps,
        actor,
        id,
        learnerId,
        command,
        commandContext(deps, request, actor),
      );
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );

  r.post(
    '/api/trainings/:id/events/:trainingEventId/attendance',
    {
      schema: {
        tags,
        description:
          'A learner marks their own attendance (no learnerId); a trainer or admin marks a learner’s.',
        params: EventParams,
        body: z.object({ learnerId: z.uuid().nullable().default(null), attended: z.boolean() }),
        response: Detail,
      },
    },
    async (request, res) => {
      const actor = requireActor(request);
      const { id, trainingEventId } = request.params;
      const input = { type: 'RecordAttendance' as const, ...request.body };
      const result = await takeAttendance(
        deps,
        actor,
        id,
        trainingEventId,
        input,
        commandContext(deps, request, actor),
      );
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );

  r.post(
    '/api/trainings/:id/events/:trainingEventId/attendance/confirm',
    {
      schema: {
        tags,
        description:
          'A trainer or admin submits the attendance of a training event: these marks are confirmed.',
        params: EventParams,
        body: z.object({
          marks: z
            .array(z.object({ learnerId: z.uuid(), attended: z.boolean() }))
            .min(1)
            .max(10_000),
        }),
        response: Detail,
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, trainingEventId } = request.params;
      const input = { type: 'ConfirmAttendance' as const, marks: request.body.marks };
      const result = await takeAttendance(
        deps,
        actor,
        id,
        trainingEventId,
        input,
        commandContext(deps, request, actor),
      );
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );

  r.get(
    '/api/trainings/:id/sections/:sectionId/roster',
    { schema: { tags, params: SectionParams, response: { 200: RosterView, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      const { training } = await loadTrainingFor(deps, actor, request.params.id);
      await requireSectionManager(deps.db, actor, requireSection(training, request.params.sectionId));
      return rosterOf(deps.db, request.params.id, request.params.sectionId);
    },
  );

  r.get(
    '/api/trainings/:id/completion',
    {
      schema: {
        tags,
        description:
          'Progress and completion per learner: every learner for managers, your own for learners.',
        params: TrainingParams,
        response: { 200: z.array(ProgressView), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { training } = await loadTrainingFor(deps, actor, request.params.id);
      if (actor.role === 'student') return progressOf(deps.db, request.params.id, [actor.personId]);
      await requireManagerOf(deps, actor, training);
      return progressOf(deps.db, request.params.id);
    },
  );

  r.get(
    '/api/me/training-events',
    {
      schema: {
        tags,
        description:
          'Your training events from now on (or from `from`): those you teach, or as a learner those of the sections you hold a seat in.',
        querystring: z.object({ from: z.iso.datetime({ offset: true }).optional() }),
        response: { 200: TrainerEventView, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await requireTrainingsEnabled(deps.db, actor.orgId);
      const from = request.query.from ? new Date(request.query.from) : deps.clock.now();
      if (actor.role === 'student') return learnerEvents(deps.db, actor, from);
      return trainerEvents(deps.db, actor, from);
    },
  );
}
