// Trainings (multi-date courses learners register for): the feature switch, trainer-group access to participant groups, creating,
// changing and publishing a training, a viewer's catalogue and one training's detail.
import { z } from 'zod';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { changeTraining, createTraining, loadTrainingFor } from '../../commands/trainings.js';
import { requireTrainingsEnabled, trainingsEnabled } from '../../commands/trainingAccess.js';
import { catalogueFor, trainingDetail, type Viewer } from '../../projections/trainings/queries.js';
import { afterWrite, commandContext, etag, requireActor } from '../http.js';
import { newTrainingOf } from '../answers.js';
import { newId } from './ids.js';
import { errors, IdParams } from './schemas.js';
import { afterTrainingWrite, TrainingBody, TrainingParams, TrainingView } from './trainingSchemas.js';

const Feature = z.object({ trainingsEnabled: z.boolean() });
const Access = z.object({ participantGroupIds: z.array(z.uuid()).max(500) });

export async function trainingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = async (viewer: Viewer, id: string) => {
    const view = await trainingDetail(deps.db, viewer, id);
    if (!view) throw new NotFoundError('training');
    return view;
  };

  r.get(
    '/api/training-settings',
    { schema: { tags: ['trainings'], response: { 200: Feature, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      return { trainingsEnabled: await trainingsEnabled(deps.db, actor.orgId) };
    },
  );

  r.put(
    '/api/training-settings',
    { schema: { tags: ['trainings'], body: Feature, response: { 200: Feature, ...errors } } },
    async (request) => {
      const actor = requireActor(request, 'admin');
      const patch = JSON.stringify({ trainingsEnabled: request.body.trainingsEnabled });
      await deps.db
        .updateTable('organisations')
        .set({ settings: sql`settings || ${patch}::jsonb` as never })
        .where('id', '=', actor.orgId)
        .execute();
      return { trainingsEnabled: await trainingsEnabled(deps.db, actor.orgId) };
    },
  );

  // "Only users in a trainer group with access to the participant group can be assigned as trainers."
  r.get(
    '/api/trainer-groups/:id/participant-groups',
    { schema: { tags: ['trainings'], params: IdParams, response: { 200: Access, ...errors } } },
    async (request) => {
      const actor = requireActor(request, 'admin', 'teacher');
      await requireTrainerGroup(deps, actor.orgId, request.params.id);
      const rows = await deps.db
        .selectFrom('trainer_group_access')
        .select('participant_group_id')
        .where('trainer_group_id', '=', request.params.id)
        .orderBy('participant_group_id')
        .execute();
      return { participantGroupIds: rows.map((r) => r.participant_group_id) };
    },
  );

  r.put(
    '/api/trainer-groups/:id/participant-groups',
    { schema: { tags: ['trainings'], params: IdParams, body: Access, response: { 200: Access, ...errors } } },
    async (request) => {
      const actor = requireActor(request, 'admin');
      await requireTrainerGroup(deps, actor.orgId, request.params.id);
      const ids = [...new Set(request.body.participantGroupIds)];
      if (ids.length > 0) {
        const found = await deps.db
          .selectFrom('student_groups')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('kind', '=', 'students')
          .where('id', 'in', ids)
          .execute();
        const missing = ids.filter((id) => !found.some((f) => f.id === id));
        if (missing.length > 0)
          throw new NotFoundError('participant_group', `participant group not found: ${missing.join(', ')}`, {
            ids: missing,
          });
      }
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('trainer_group_access')
          .where('trainer_group_id', '=', request.params.id)
          .execute();
        if (ids.length > 0)
          await trx
            .insertInto('trainer_group_access')
            .values(
              ids.map((g) => ({
                trainer_group_id: request.params.id,
                participant_group_id: g,
                org_id: actor.orgId,
              })),
            )
            .execute();
      });
      return { participantGroupIds: ids.sort() };
    },
  );

  r.get(
    '/api/trainings',
    { schema: { tags: ['trainings'], response: { 200: z.array(TrainingView), ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      await requireTrainingsEnabled(deps.db, actor.orgId);
      return catalogueFor(deps.db, actor);
    },
  );

  r.post(
    '/api/trainings',
    { schema: { tags: ['trainings'], body: TrainingBody, response: { 201: TrainingView, ...errors } } },
    async (request, res) => {
      const actor = requireActor(request, 'admin');
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const id = newId(context.idempotencyKey);
      const result = await createTraining(deps, actor, id, request.body, context);
      await afterWrite(deps, res, result, { timeoutMs: 30_000, answer: 'decided' });
      res.header('location', `/api/trainings/${id}`);
      return res.status(201).send(newTrainingOf(result.state, result.revision));
    },
  );

  r.get(
    '/api/trainings/:id',
    { schema: { tags: ['trainings'], params: TrainingParams, response: { 200: TrainingView, ...errors } } },
    async (request, res) => {
      const actor = requireActor(request);
      const { revision } = await loadTrainingFor(deps, actor, request.params.id);
      res.header('etag', etag(revision));
      return detail(actor, request.params.id);
    },
  );

  r.patch(
    '/api/trainings/:id',
    {
      schema: {
        tags: ['trainings'],
        params: TrainingParams,
        body: TrainingBody,
        response: { 200: TrainingView, ...errors },
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin');
      const command = { type: 'ChangeTrainingDetails' as const, ...request.body };
      const result = await changeTraining(
        deps,
        actor,
        request.params.id,
        command,
        commandContext(deps, request, actor),
      );
      await afterTrainingWrite(deps, res, result);
      return detail(actor, request.params.id);
    },
  );

  for (const [path, type] of [
    ['publish', 'PublishTraining'],
    ['unpublish', 'UnpublishTraining'],
  ] as const) {
    r.post(
      `/api/trainings/:id/${path}`,
      { schema: { tags: ['trainings'], params: TrainingParams, response: { 200: TrainingView, ...errors } } },
      async (request, res) => {
        const actor = requireActor(request, 'admin');
        const result = await changeTraining(
          deps,
          actor,
          request.params.id,
          { type },
          commandContext(deps, request, actor),
        );
        await afterTrainingWrite(deps, res, result);
        return detail(actor, request.params.id);
      },
    );
  }
}

async function requireTrainerGroup(deps: AppDeps, orgId: string, id: string) {
  const group = await deps.db
    .selectFrom('student_groups')
    .select('id')
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .where('kind', '=', 'trainers')
    .executeTakeFirst();
  if (!group) throw new NotFoundError('trainer_group');
}
