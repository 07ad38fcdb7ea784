// What trainers and admins choose from while managing a training: the participant groups they may give its
// sections, a section's groups by name (with which are locked in), and the learners they may add by hand.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { requireSection } from '../../domain/training/guards.js';
import { loadTrainingFor } from '../../commands/trainings.js';
import { accessibleParticipantGroups, requireSectionManager } from '../../commands/trainingAccess.js';
import { learnerCandidates, participantGroupsNamed } from '../../projections/trainings/sectionChoices.js';
import { LearnerCandidates, ParticipantGroupChoices, SectionGroups } from '../../contract/trainingChoices.js';
import { requireActor } from '../http.js';
import { errors } from './schemas.js';
import { SectionParams, TrainingParams } from './trainingSchemas.js';

const tags = ['trainings'];

export async function trainingChoiceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** A section the actor manages (admins, trainers whose trainer group reaches its groups). */
  const managedSection = async (
    request: FastifyRequest,
    { id, sectionId }: { id: string; sectionId: string },
  ) => {
    const actor = requireActor(request, 'admin', 'teacher');
    const { training } = await loadTrainingFor(deps, actor, id);
    const section = requireSection(training, sectionId);
    await requireSectionManager(deps.db, actor, section);
    return { actor, section };
  };

  r.get(
    '/api/trainings/:id/participant-groups',
    {
      schema: {
        tags,
        description:
          'The participant groups you may give this training’s sections: every student group for admins, for a trainer those their trainer groups reach.',
        params: TrainingParams,
        response: { 200: ParticipantGroupChoices, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin', 'teacher');
      await loadTrainingFor(deps, actor, request.params.id);
      const reach =
        actor.role === 'admin' ? null : [...(await accessibleParticipantGroups(deps.db, actor.personId))];
      return { groups: await participantGroupsNamed(deps.db, actor.orgId, reach) };
    },
  );

  r.get(
    '/api/trainings/:id/sections/:sectionId/groups',
    {
      schema: {
        tags,
        description:
          'The section’s participant groups by name; a locked group was in the section when learners registered and stays.',
        params: SectionParams,
        response: { 200: SectionGroups, ...errors },
      },
    },
    async (request) => {
      const { actor, section } = await managedSection(request, request.params);
      const named = await participantGroupsNamed(deps.db, actor.orgId, section.participantGroupIds);
      return {
        groups: named.map((g) => ({
          id: g.id,
          name: g.name,
          locked: section.lockedGroupIds.includes(g.id),
        })),
      };
    },
  );

  r.get(
    '/api/trainings/:id/sections/:sectionId/candidates',
    {
      schema: {
        tags,
        description:
          'Learners you may add to this section by hand, with their place in the training if they have one: every active learner for admins, for a trainer the members of the section’s participant groups.',
        params: SectionParams,
        response: { 200: LearnerCandidates, ...errors },
      },
    },
    async (request) => {
      const { actor, section } = await managedSection(request, request.params);
      const groups = actor.role === 'admin' ? null : section.participantGroupIds;
      const learners = await learnerCandidates(deps.db, actor.orgId, request.params.id, groups);
      return { learners };
    },
  );
}
