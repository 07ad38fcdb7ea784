// Admin actions on a person's access: deactivate, reactivate, reset the password (a new one-time link), erase.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { RuleViolation } from '../../domain/shared/errors.js';
import { erasePerson } from '../../commands/erasure.js';
import { invitationSender } from '../../auth/invitations.js';
import { personInOrg, PersonSchema, toPerson } from '../../auth/people.js';
import { deleteAllSessions } from '../../auth/sessions.js';
import type { Actor } from '../../auth/sessions.js';
import { commandContext, requireActor } from '../http.js';
import { errors, IdParams } from './schemas.js';
import { Invitation } from './people.js';
import { revokePerson } from '../revoke.js';

export async function peopleAccessRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const invitations = invitationSender(deps, app.log);
  app.addHook('onClose', async () => invitations.close());
  const schema = (description: string, response: z.ZodType = PersonSchema) => ({
    tags: ['people'],
    description,
    params: IdParams,
    response: { 200: response, ...errors },
  });

  /** The target of an admin action: in the admin's organisation, not erased, and not the admin themselves. */
  const target = async (actor: Actor, id: string, what: string) => {
    const person = await personInOrg(deps.db, actor.orgId, id);
    if (person.erased_at) throw new RuleViolation('erased', 'this person was erased', {});
    if (person.id === actor.personId)
      throw new RuleViolation('own_account', 'admins cannot do this to their own account', { action: what });
    return person;
  };

  r.post(
    '/api/people/:id/deactivate',
    { schema: schema('Signs the person out everywhere; they cannot sign in until reactivated.') },
    async (request) => {
      const actor = requireActor(request, 'admin');
      const person = await target(actor, request.params.id, 'deactivate');
      await deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('people').set({ active: false }).where('id', '=', person.id).execute();
        await deleteAllSessions(trx, person.id);
      });
      await revokePerson(deps, person.id);
      return toPerson(await personInOrg(deps.db, actor.orgId, person.id));
    },
  );

  r.post(
    '/api/people/:id/reactivate',
    { schema: schema('Lets the person sign in again.') },
    async (request) => {
      const actor = requireActor(request, 'admin');
      const person = await target(actor, request.params.id, 'reactivate');
      await deps.db.updateTable('people').set({ active: true }).where('id', '=', person.id).execute();
      return toPerson(await personInOrg(deps.db, actor.orgId, person.id));
    },
  );

  r.post(
    '/api/people/:id/reset-password',
    {
      schema: schema(
        'A new one-time link to set a password (earlier links stop working); the person is signed out everywhere.',
        z.object({ person: PersonSchema, invitation: Invitation }),
      ),
    },
    async (request) => {
      const actor = requireActor(request, 'admin');
      const person = await target(actor, request.params.id, 'reset_password');
      await deleteAllSessions(deps.db, person.id);
      await revokePerson(deps, person.id);
      const invitation = await invitations.send(person, 'password reset');
      return { person: toPerson(person), invitation };
    },
  );

  r.post(
    '/api/people/:id/erase',
    {
      schema: schema(
        'Removes the personal data of a person for good. Their events stay (by id), so balances and reports still add up.',
      ),
    },
    async (request) => {
      const actor = requireActor(request, 'admin');
      const person = await target(actor, request.params.id, 'erase');
      await erasePerson(deps, person.id, commandContext(deps, request, actor, { ifMatch: false }));
      await revokePerson(deps, person.id);
      request.log.info({ personId: person.id, by: actor.personId }, 'person erased');
      return toPerson(await personInOrg(deps.db, actor.orgId, person.id));
    },
  );
}
