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
    }
  /**
   * Hold a lesson's cost when its completion is confirmed: refused (without overdraft) unless the balance less
   * every other reservation covers it. One reservation per cause; a repeat changes nothing.
   */
  | (Opening & {
      type: 'ReserveWalletFunds';
      reservationId: string;
      tokens: number;
      cause: DebitCause;
      allowOverdraft: boolean;
    })
  /** Debit what the cause's reservation holds (the billing process, after the completion was recorded). */
  | { type: 'SettleWalletReservation'; walletId: string; entryId: string; cause: DebitCause }
  | { type: 'ReleaseWalletReservation'; walletId: string; cause: DebitCause; reason: string }
  /** A charge that cannot be carried out, recorded for admins to see. */
  | (Opening & {
      type: 'RecordChargeRefused';
      entryId: string;
      tokens: number;
      cause: DebitCause;
      code: string;
      reason: string;
    });

type Entry = { change: number; reversible: boolean };
export type Reservation = { reservationId: string; tokens: number };

export type WalletState =
  | { status: 'none' }
  | (Opening & {
      status: 'open';
      balance: number;
      entries: Map<string, Entry>;
      causes: Set<string>;
      /** Open reservations by cause key. */
      reservations: Map<string, Reservation>;
      refused: Set<string>;
    });

/** The balance less what open reservations hold (except the one of `exceptCause`, if given). */
export function availableBalance(state: WalletState, exceptCause?: DebitCause): number {
  if (state.status === 'none') return 0;
  const except = exceptCause ? causeKey(exceptCause) : null;
  let held = 0;
  for (const [key, r] of state.reservations) if (key !== except) held += r.tokens;
  return state.balance - held;
}

const opened = (c: Opening): WalletEvent => ({
  type: 'WalletOpened',
  data: { walletId: c.walletId, orgId: c.orgId, owner: c.owner, ownerId: c.ownerId },
});

function requireTokens(tokens: number) {
  if (!Number.isInteger(tokens) || tokens <= 0)
    throw new ValidationError('tokens are a whole number above 0', [
      { path: 'tokens', message: 'must be > 0', code: 'whole_number_at_least', minimum: 1 },
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
      // Tokens held for confirmed lessons are not there to spend.
      refuseOverdraft(availableBalance(state, command.cause), -command.tokens, command.allowOverdraft);
      const { walletId, entryId, tokens, cause } = command;
      return [
        ...(state.status === 'none' ? [opened(command)] : []),
        { type: 'WalletDebited', data: { walletId, entryId, tokens, cause, balanceAfter: balance - tokens } },
      ];
    }
    case 'ReverseWalletEntry': {
      if (state.status === 'none') throw new NotFoundError('ledger_entry');
      if (state.entries.has(command.entryId)) return [];
      const entry = state.entries.get(command.reversedEntryId);
      if (!entry) throw new NotFoundError('ledger_entry');
      if (!entry.reversible)
        throw new RuleViolation('not_reversible', 'this entry is a reversal or has been reversed already');
      const change = -entry.change;
      refuseOverdraft(availableBalance(state), change, command.allowOverdraft);
      const { walletId, entryId, reversedEntryId, reason } = command;
      return [
        {
          type: 'WalletEntryReversed',
          data: { walletId, entryId, reversedEntryId, change, reason, balanceAfter: state.balance + change },
        },
      ];
    }
    case 'ReserveWalletFunds': {
      requireTokens(command.tokens);
      const key = causeKey(command.cause);
      if (state.status === 'open' && state.causes.has(key)) return [];
      const held = state.status === 'open' ? state.reservations.get(key) : undefined;
      if (held) {
        if (held.tokens === command.tokens) return [];
        throw new RuleViolation('already_reserved', 'this lesson already holds another amount', {
          tokens: held.tokens,
        });
      }
      const available = availableBalance(state);
      refuseOverdraft(available, -command.tokens, command.allowOverdraft);
      const { walletId, reservationId, tokens, cause } = command;
      return [
        ...(state.status === 'none' ? [opened(command)] : []),
        {
          type: 'WalletFundsReserved',
          data: { walletId, reservationId, tokens, cause, availableAfter: available - tokens },
        },
      ];
    }
    case 'SettleWalletReservation': {
      const key = causeKey(command.cause);
      if (state.status === 'open' && state.causes.has(key)) return [];
      const held = state.status === 'open' ? state.reservations.get(key) : undefined;
      if (state.status === 'none' || !held)
        throw new RuleViolation('no_reservation', 'nothing is reserved for this charge');
      const { walletId, entryId, cause } = command;
      return [
        {
          type: 'WalletDebited',
          data: {
            walletId,
            entryId,
            tokens: held.tokens,
            cause,
            balanceAfter: state.balance - held.tokens,
            reservationId: held.reservationId,
          },
        },
      ];
    }
    case 'ReleaseWalletReservation': {
      const held = state.status === 'open' ? state.reservations.get(causeKey(command.cause)) : undefined;
      if (!held) return [];
      const { walletId, reason } = command;
      return [
        { type: 'WalletReservationReleased', data: { walletId, reservationId: held.reservationId, reason } },
      ];
    }
    case 'RecordChargeRefused': {
      if (
        state.status === 'open' &&
        (state.refused.has(command.entryId) || state.entries.has(command.entryId))
      )
        return [];
      const { walletId, entryId, tokens, cause, code, reason } = command;
      const balance = state.status === 'open' ? state.balance : 0;
      return [
        ...(state.status === 'none' ? [opened(command)] : []),
        { type: 'WalletChargeRefused', data: { walletId, entryId, tokens, cause, code, reason, balance } },
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
    return {
      status: 'open',
      ...event.data,
      balance: 0,
      entries: new Map(),
      causes: new Set(),
      reservations: new Map(),
      refused: new Set(),
    };
  if (state.status === 'none') return state;
  const entries = new Map(state.entries);
  switch (event.type) {
    case 'WalletCredited':
      entries.set(event.data.entryId, { change: event.data.tokens, reversible: true });
      return { ...state, entries, balance: event.data.balanceAfter };
    case 'WalletDebited': {
      entries.set(event.data.entryId, { change: -event.data.tokens, reversible: true });
      const key = causeKey(event.data.cause);
      const causes = new Set(state.causes).add(key);
      const reservations = new Map(state.reservations);
      reservations.delete(key);
      return { ...state, entries, causes, reservations, balance: event.data.balanceAfter };
    }
    case 'WalletFundsReserved': {
      const { reservationId, tokens } = event.data;
      const reservations = new Map(state.reservations).set(causeKey(event.data.cause), {
        reservationId,
        tokens,
      });
      return { ...state, reservations };
    }
    case 'WalletReservationReleased': {
      const reservations = new Map(
        [...state.reservations].filter(([, r]) => r.reservationId !== event.data.reservationId),
      );
      return { ...state, reservations };
    }
    case 'WalletChargeRefused':
      return { ...state, refused: new Set(state.refused).add(event.data.entryId) };
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
