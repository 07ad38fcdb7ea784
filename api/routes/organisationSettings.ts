// The organisation's settings: whether balances may go below zero (overdraft). Staff read them; admins change
// them, with the settings' ETag as If-Match like every other write.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { organisationSettingsOf, setOrganisationOverdraft } from '../../commands/organisationSettings.js';
import { afterWrite, commandContext, etag, requireActor } from '../http.js';
import { errors } from './schemas.js';
import { OrganisationSettings } from '../../contract/organisationSettings.js';

const tags = ['organisation'];

export async function organisationSettingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/organisation/settings',
    {
      schema: {
        tags,
        description:
          "The organisation's settings: whether completions, lesson analyses and summaries may take a balance below zero. Admins and teachers; the ETag is the If-Match of a change.",
        response: { 200: OrganisationSettings, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { allowOverdraft, revision } = await organisationSettingsOf(deps, actor.orgId);
      reply.header('etag', etag(revision));
      return { allowOverdraft };
    },
  );

  r.put(
    '/api/organisation/settings',
    {
      schema: {
        tags,
        description:
          'Turns overdraft on or off for the organisation (admins). From then on the rules and the invariant checker use the new value; what happened before keeps the value it had then.',
        body: OrganisationSettings.strict(),
        response: { 200: OrganisationSettings, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin');
      const context = commandContext(deps, request, actor);
      const result = await setOrganisationOverdraft(deps, actor.orgId, request.body.allowOverdraft, context);
      await afterWrite(deps, reply, result, { answer: 'decided' });
      // The first change always records the setting, so the stream holds it from here on.
      return { allowOverdraft: result.state.allowOverdraft ?? request.body.allowOverdraft };
    },
  );
}
