// Wallet rules as specifications: credits with a reason, one debit per session, no overdraft unless allowed,
// corrections as reversals that never edit history.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { walletDecider, type WalletCommand, type WalletEvent } from '../../domain/wallet/wallet.js';
import { NotFoundError, RuleViolation, ValidationError } from '../../domain/shared/errors.js';

const given = spec(walletDecider).given;
const owner = { walletId: 'w1', orgId: 'org', owner: 'student' as const, ownerId: 'w1' };
const opened: WalletEvent = { type: 'WalletOpened', data: owner };
const credit = (entryId: string, tokens: number): WalletCommand => ({
  type: 'CreditWallet',
  ...owner,
  entryId,
  tokens,
  reason: 'Starter pack',
});
const credited = (entryId: string, tokens: number, balanceAfter: number): WalletEvent => ({
  type: 'WalletCredited',
  data: { walletId: 'w1', entryId, tokens, reason: 'Starter pack', balanceAfter },
});
const session = { kind: 'session' as const, liveSessionId: 'ls1' };
const debit = (tokens: number, allowOverdraft = false, entryId = 'd1'): WalletCommand => ({
  type: 'DebitWallet',
  ...owner,
  entryId,
  tokens,
  cause: session,
  allowOverdraft,
});
const debited = (tokens: number, balanceAfter: number): WalletEvent => ({
  type: 'WalletDebited',
  data: { walletId: 'w1', entryId: 'd1', tokens, cause: session, balanceAfter },
});
const reverse = (reversedEntryId: string, entryId = 'r1'): WalletCommand => ({
  type: 'ReverseWalletEntry',
  walletId: 'w1',
  entryId,
  reversedEntryId,
  reason: 'correction',
  allowOverdraft: false,
});

const wallet = suite('a token wallet');
wallet('the first credit opens the wallet; each credit carries the balance after', () => {
  given([])
    .when(credit('c1', 10))
    .then([opened, credited('c1', 10, 10)]);
  given([opened, credited('c1', 10, 10)])
    .when(credit('c2', 5))
    .then([credited('c2', 5, 15)]);
});
wallet('credits are whole positive numbers; a repeated entry id changes nothing', () => {
  given([]).when(credit('c1', 0)).thenThrows(ValidationError);
  given([opened, credited('c1', 10, 10)])
    .when(credit('c1', 10))
    .thenNothing();
});
wallet('a lesson debits once per session', () => {
  given([opened, credited('c1', 10, 10)])
    .when(debit(4))
    .then([debited(4, 6)]);
  given([opened, credited('c1', 10, 10), debited(4, 6)])
    .when(debit(4, false, 'd2'))
    .thenNothing();
});
wallet('a debit below zero is refused unless overdraft is allowed', () => {
  given([opened, credited('c1', 3, 3)])
    .when(debit(4))
    .thenThrows(RuleViolation, 'insufficient_balance');
  given([opened, credited('c1', 3, 3)])
    .when(debit(4, true))
    .then([debited(4, -1)]);
});
wallet('a reversal appends the opposite change; the reversed line cannot be reversed again', () => {
  const reversed: WalletEvent = {
    type: 'WalletEntryReversed',
    data: {
      walletId: 'w1',
      entryId: 'r1',
      reversedEntryId: 'd1',
      change: 4,
      reason: 'correction',
      balanceAfter: 10,
    },
  };
  given([opened, credited('c1', 10, 10), debited(4, 6)])
    .when(reverse('d1'))
    .then([reversed]);
  given([opened, credited('c1', 10, 10), debited(4, 6), reversed])
    .when(reverse('d1', 'r2'))
    .thenThrows(RuleViolation, 'not_reversible');
  given([opened, credited('c1', 10, 10), debited(4, 6), reversed])
    .when(reverse('r1', 'r2'))
    .thenThrows(RuleViolation, 'not_reversible');
});
wallet('reversing a credit that was spent would go below zero: refused', () =>
  given([opened, credited('c1', 10, 10), debited(4, 6)])
    .when(reverse('c1'))
    .thenThrows(RuleViolation, 'insufficient_balance'),
);
wallet('reversing an unknown line is not found', () => {
  given([opened]).when(reverse('nope')).thenThrows(NotFoundError);
  given([]).when(reverse('nope')).thenThrows(NotFoundError);
});
const reserve = (liveSessionId: string, tokens: number): WalletCommand => ({
  type: 'ReserveWalletFunds',
  ...owner,
  reservationId: `res-${liveSessionId}`,
  tokens,
  cause: { kind: 'session', liveSessionId },
  allowOverdraft: false,
});
const reserved = (liveSessionId: string, tokens: number, availableAfter: number): WalletEvent => ({
  type: 'WalletFundsReserved',
  data: {
    walletId: 'w1',
    reservationId: `res-${liveSessionId}`,
    tokens,
    cause: { kind: 'session', liveSessionId },
    availableAfter,
  },
});
wallet('a confirmation reserves the lesson: a second one the balance does not cover is refused', () => {
  given([opened, credited('c1', 4, 4)])
    .when(reserve('ls1', 4))
    .then([reserved('ls1', 4, 0)]);
  given([opened, credited('c1', 4, 4), reserved('ls1', 4, 0)])
    .when(reserve('ls2', 4))
    .thenThrows(RuleViolation, 'insufficient_balance');
  given([opened, credited('c1', 4, 4), reserved('ls1', 4, 0)])
    .when(reserve('ls1', 4))
    .thenNothing();
  given([opened, credited('c1', 4, 4), reserved('ls1', 4, 0)])
    .when(debit(1, false, 'd9'))
    .then([
      {
        type: 'WalletDebited',
        data: { walletId: 'w1', entryId: 'd9', tokens: 1, cause: session, balanceAfter: 3 },
      },
    ]);
  given([opened, credited('c1', 4, 4), reserved('ls2', 4, 0)])
    .when(debit(1, false, 'd9'))
    .thenThrows(RuleViolation, 'insufficient_balance');
});
wallet('settling a reservation debits what it holds, once; without one it is refused', () => {
  const settle: WalletCommand = {
    type: 'SettleWalletReservation',
    walletId: 'w1',
    entryId: 'd1',
    cause: { kind: 'session', liveSessionId: 'ls1' },
  };
  const settled: WalletEvent = {
    type: 'WalletDebited',
    data: {
      walletId: 'w1',
      entryId: 'd1',
      tokens: 4,
      cause: session,
      balanceAfter: 0,
      reservationId: 'res-ls1',
    },
  };
  given([opened, credited('c1', 4, 4), reserved('ls1', 4, 0)])
    .when(settle)
    .then([settled]);
  given([opened, credited('c1', 4, 4), reserved('ls1', 4, 0), settled])
    .when(settle)
    .thenNothing();
  given([opened, credited('c1', 4, 4)])
    .when(settle)
    .thenThrows(RuleViolation, 'no_reservation');
  given([opened, credited('c1', 4, 4), reserved('ls1', 4, 0), settled])
    .when(reserve('ls2', 1))
    .thenThrows(RuleViolation, 'insufficient_balance');
});
wallet('a released reservation frees its tokens', () => {
  const release: WalletCommand = {
    type: 'ReleaseWalletReservation',
    walletId: 'w1',
    cause: { kind: 'session', liveSessionId: 'ls1' },
    reason: 'completion refused',
  };
  const released: WalletEvent = {
    type: 'WalletReservationReleased',
    data: { walletId: 'w1', reservationId: 'res-ls1', reason: 'completion refused' },
  };
  given([opened, credited('c1', 4, 4), reserved('ls1', 4, 0)])
    .when(release)
    .then([released]);
  given([opened, credited('c1', 4, 4), reserved('ls1', 4, 0), released])
    .when(reserve('ls2', 4))
    .then([reserved('ls2', 4, 0)]);
});
wallet.run();
