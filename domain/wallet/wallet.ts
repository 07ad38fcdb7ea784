// A token wallet (one per student, one per organisation): credits, debits with their cause, and reversals.
// History is never edited: a correction is a new entry that reverses an old one.
import { NotFoundError, RuleViolation, ValidationError } from '../shared/errors.js';
import type { Decider } from '../shared/decider.js';
import { causeKey, type DebitCause, type WalletEvent, type WalletOwner } from './events.js';

export * from './events.js';

type Opening = { walletId: string; orgId: string; owner: WalletOwner; ownerId: string };

export type WalletCommand =
  | (Opening & { type: 'CreditWallet'; entryId: string; tokens: number; reason: string })
  | (Opening & {
      type: 'DebitWallet';
      entryId: string;
      tokens: number;
      cause: DebitCause;
      /** The organisation allows overdraft, or the debit was already accepted in a confirmed preview. */
      allowOverdraft: boolean;
    })
  | {
      type: 'ReverseWalletEntry';
      walletId: string;
      entryId: string;
      reversedEntryId: string;
      reason: string;
      allowOverdraft: boolean;
    };

type Entry = { change: number; reversible: boolean };

export type WalletState =
  | { status: 'none' }
  | (Opening & { status: 'open'; balance: number; entries: Map<string, Entry>; causes: Set<string> });

const opened = (c: Opening): WalletEvent => ({
  type: 'WalletOpened',
  data: { walletId: c.walletId, orgId: c.orgId, owner: c.owner, ownerId: c.ownerId },
});

function requireTokens(tokens: number) {
  if (!Number.isInteger(tokens) || tokens <= 0)
    throw new ValidationError('tokens are a whole number above 0', [
      { path: 'tokens', message: 'must be > 0' },
    ]);
}

function refuseOverdraft(balance: number, change: number, allowOverdraft: boolean) {
  if (balance + change < 0 && !allowOverdraft)
    throw new RuleViolation('insufficient_balance', `the balance of ${balance} tokens is not enough`, {
      balance,
      tokens: -change,
    });
}

export function decide(command: WalletCommand, state: WalletState): WalletEvent[] {
  switch (command.type) {
    case 'CreditWallet': {
      requireTokens(command.tokens);
      const open = state.status === 'none' ? [opened(command)] : [];
      if (state.status === 'open' && state.entries.has(command.entryId)) return [];
      const balance = state.status === 'open' ? state.balance : 0;
      const { walletId, entryId, tokens, reason } = command;
      return [
        ...open,
        {
          type: 'WalletCredited',
          data: { walletId, entryId, tokens, reason, balanceAfter: balance + tokens },
        },
      ];
    }
    case 'DebitWallet': {
      requireTokens(command.tokens);
      // One debit per cause (per session, for a student's wallet): a repeated debit changes nothing.
      if (state.status === 'open' && state.causes.has(causeKey(command.cause))) return [];
      const balance = state.status === 'open' ? state.balance : 0;
      refuseOverdraft(balance, -command.tokens, command.allowOverdraft);
      const { walletId, entryId, tokens, cause } = command;
      return [
        ...(state.status === 'none' ? [opened(command)] : []),
        { type: 'WalletDebited', data: { walletId, entryId, tokens, cause, balanceAfter: balance - tokens } },
      ];
    }
    case 'ReverseWalletEntry': {
      if (state.status === 'none') throw new NotFoundError('ledger entry not found');
      if (state.entries.has(command.entryId)) return [];
      const entry = state.entries.get(command.reversedEntryId);
      if (!entry) throw new NotFoundError('ledger entry not found');
      if (!entry.reversible)
        throw new RuleViolation('not_reversible', 'this entry is a reversal or has been reversed already');
      const change = -entry.change;
      refuseOverdraft(state.balance, change, command.allowOverdraft);
      const { walletId, entryId, reversedEntryId, reason } = command;
      return [
        {
          type: 'WalletEntryReversed',
          data: { walletId, entryId, reversedEntryId, change, reason, balanceAfter: state.balance + change },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error('unknown command');
    }
  }
}

export function evolve(state: WalletState, event: WalletEvent): WalletState {
  if (event.type === 'WalletOpened')
    return { status: 'open', ...event.data, balance: 0, entries: new Map(), causes: new Set() };
  if (state.status === 'none') return state;
  const entries = new Map(state.entries);
  switch (event.type) {
    case 'WalletCredited':
      entries.set(event.data.entryId, { change: event.data.tokens, reversible: true });
      return { ...state, entries, balance: event.data.balanceAfter };
    case 'WalletDebited': {
      entries.set(event.data.entryId, { change: -event.data.tokens, reversible: true });
      const causes = new Set(state.causes).add(causeKey(event.data.cause));
      return { ...state, entries, causes, balance: event.data.balanceAfter };
    }
    case 'WalletEntryReversed': {
      const reversed = entries.get(event.data.reversedEntryId);
      if (reversed) entries.set(event.data.reversedEntryId, { ...reversed, reversible: false });
      entries.set(event.data.entryId, { change: event.data.change, reversible: false });
      return { ...state, entries, balance: event.data.balanceAfter };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

export const walletDecider: Decider<WalletCommand, WalletEvent, WalletState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none' }),
};
