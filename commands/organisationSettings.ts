// The organisation's settings kept as events (stream `organisation-<orgId>`): whether balances may go below zero.
// Organisations whose stream has not set it yet keep the value they were created with
// (`organisations.settings.allowOverdraft`).
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { organisations } from './aggregates.js';

type Deps = { db: Db; eventStore: EventStore };

export type OrganisationSettings = { allowOverdraft: boolean; revision: number };

/** The settings as they apply now, with the stream's revision (the ETag of the settings). */
export async function organisationSettingsOf(deps: Deps, orgId: string): Promise<OrganisationSettings> {
  const { state, revision } = await loadAggregate(deps.eventStore, organisations, orgId);
  const allowOverdraft = state.allowOverdraft ?? (await createdWithOverdraft(deps.db, orgId));
  return { allowOverdraft, revision };
}

export function setOrganisationOverdraft(
  deps: Deps,
  orgId: string,
  allowOverdraft: boolean,
  context: CommandContext,
) {
  return handleCommand(
    deps.eventStore,
    organisations,
    orgId,
    { type: 'SetOrganisationOverdraft', orgId, allowOverdraft, at: context.now },
    context,
  );
}

/** The overdraft setting the organisation was created with (all there was before the stream). */
export async function createdWithOverdraft(db: Db, orgId: string): Promise<boolean> {
  const org = await db
    .selectFrom('organisations')
    .select('settings')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return org?.settings?.allowOverdraft === true;
}
