// Sections of a training and their training events: add, change settings, add or remove participant groups,
// remove a section, schedule, reschedule, change and cancel training events. Admins and trainers with access.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { addSection, changeSection, changeTrainingEvent } from '../../commands/trainings.js';
import { trainingDetail, type Viewer } from '../../projections/trainings/queries.js';
import { commandContext, requireActor } from '../http.js';
import { newId } from './ids.js';
import { errors } from './schemas.js';
import {
  EventDetailsBody,
  EventParams,
  GroupParams,
  NewEventBody,
  NewSectionBody,
  SectionParams,
  SectionSettingsBody,
  TimingBody,
  TrainingParams,
  TrainingView,
  afterTrainingWrite,
} from './trainingSchemas.js';

const tags = ['trainings'];
const Detail = { 200: TrainingView, ...errors };

export async function trainingSectionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = async (viewer: Viewer, id: string) => {
    const view = await trainingDetail(deps.db, viewer, id);
    if (!view) throw new NotFoundError('training');
    return view;
  };

  r.post(
    '/api/trainings/:id/sections',
    {
      schema: {
        tags,
        params: TrainingParams,
        body: NewSectionBody,
        response: { 201: TrainingView, ...errors },
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const sectionId = newId(context.idempotencyKey);
      const { participantGroupIds, events, ...settings } = request.body;
      const trainingEvents = events.map((e, i) => ({
        ...e,
        trainingEventId: context.idempotencyKey ? newId(`${context.idempotencyKey}:${i}`) : randomUUID(),
      }));
      const result = await addSection(
        deps,
        actor,
        request.params.id,
        { sectionId, settings, participantGroupIds, trainingEvents },
        context,
      );
      await afterTrainingWrite(deps, res, result);
      res.header('location', `/api/trainings/${request.params.id}/sections/${sectionId}`);
      return res.status(201).send(await detail(actor, request.params.id));
    },
  );

  r.patch(
    '/api/trainings/:id/sections/:sectionId',
    { schema: { tags, params: SectionParams, body: SectionSettingsBody, response: Detail } },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, sectionId } = request.params;
      const command = { type: 'ChangeSectionSettings' as const, settings: request.body };
      const result = await changeSection(
        deps,
        actor,
        id,
        sectionId,
        command,
        commandContext(deps, request, actor),
      );
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );

  r.delete(
    '/api/trainings/:id/sections/:sectionId',
    { schema: { tags, params: SectionParams, response: Detail } },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, sectionId } = request.params;
      const context = commandContext(deps, request, actor);
      const result = await changeSection(deps, actor, id, sectionId, { type: 'RemoveSection' }, context);
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );

  r.post(
    '/api/trainings/:id/sections/:sectionId/groups',
    { schema: { tags, params: SectionParams, body: z.object({ groupId: z.uuid() }), response: Detail } },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, sectionId } = request.params;
      const command = { type: 'AddSectionGroup' as const, groupId: request.body.groupId };
      const result = await changeSection(
        deps,
        actor,
        id,
        sectionId,
        command,
        commandContext(deps, request, actor),
      );
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );

  r.delete(
    '/api/trainings/:id/sections/:sectionId/groups/:groupId',
    { schema: { tags, params: GroupParams, response: Detail } },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, sectionId, groupId } = request.params;
      const command = { type: 'RemoveSectionGroup' as const, groupId };
      const result = await changeSection(
        deps,
        actor,
        id,
        sectionId,
        command,
        commandContext(deps, request, actor),
      );
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );

  r.post(
    '/api/trainings/:id/sections/:sectionId/events',
    {
      schema: { tags, params: SectionParams, body: NewEventBody, response: { 201: TrainingView, ...errors } },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, sectionId } = request.params;
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const trainingEvent = { ...request.body, trainingEventId: newId(context.idempotencyKey) };
      const command = { type: 'ScheduleTrainingEvent' as const, trainingEvent };
      const result = await changeSection(deps, actor, id, sectionId, command, context);
      await afterTrainingWrite(deps, res, result);
      res.header('location', `/api/trainings/${id}/events/${trainingEvent.trainingEventId}`);
      return res.status(201).send(await detail(actor, id));
    },
  );

  r.post(
    '/api/trainings/:id/events/:trainingEventId/reschedule',
    { schema: { tags, params: EventParams, body: TimingBody, response: Detail } },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, trainingEventId } = request.params;
      const command = { type: 'RescheduleTrainingEvent' as const, ...request.body };
      const context = commandContext(deps, request, actor);
      const result = await changeTrainingEvent(deps, actor, id, trainingEventId, command, context);
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );

  r.patch(
    '/api/trainings/:id/events/:trainingEventId',
    { schema: { tags, params: EventParams, body: EventDetailsBody, response: Detail } },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, trainingEventId } = request.params;
      const command = { type: 'ChangeTrainingEventDetails' as const, details: request.body };
      const context = commandContext(deps, request, actor);
      const result = await changeTrainingEvent(deps, actor, id, trainingEventId, command, context);
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );

  r.post(
    '/api/trainings/:id/events/:trainingEventId/cancel',
    {
      schema: {
        tags,
        params: EventParams,
        body: z.object({ reason: z.string().trim().max(1000).default('') }),
        response: Detail,
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, trainingEventId } = request.params;
      const command = { type: 'CancelTrainingEvent' as const, reason: request.body.reason };
      const context = commandContext(deps, request, actor);
      const result = await changeTrainingEvent(deps, actor, id, trainingEventId, command, context);
      await afterTrainingWrite(deps, res, result);
      return detail(actor, id);
    },
  );
}
