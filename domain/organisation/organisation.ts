// An organisation's own settings that the rules depend on, kept as events so that every point of the log knows
// the value it had then: whether balances may go below zero (overdraft).
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';

export const OrganisationEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('OrganisationOverdraftSet'),
    data: z.object({ orgId: z.string(), allowOverdraft: z.boolean(), at: z.string() }),
  }),
]);
export type OrganisationEvent = z.infer<typeof OrganisationEvent>;

export type OrganisationCommand = {
  type: 'SetOrganisationOverdraft';
  orgId: string;
  allowOverdraft: boolean;
  at: string;
};

/** `allowOverdraft` is null until the stream sets it: the organisation's creation settings still apply. */
export type OrganisationState = { allowOverdraft: boolean | null };

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: () => ({ allowOverdraft: null }),
  decide(command, state) {
    switch (command.type) {
      case 'SetOrganisationOverdraft': {
        // The first setting is always recorded, even when it equals the creation settings: from then on the
        // stream alone says what applies.
        if (state.allowOverdraft === command.allowOverdraft) return [];
        const { orgId, allowOverdraft, at } = command;
        return [{ type: 'OrganisationOverdraftSet', data: { orgId, allowOverdraft, at } }];
      }
      default: {
        const _exhaustive: never = command.type;
        return [];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'OrganisationOverdraftSet':
        return { ...state, allowOverdraft: event.data.allowOverdraft };
      default: {
        const _exhaustive: never = event.type;
        return state;
      }
    }
  },
};
