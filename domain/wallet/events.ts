// Facts about a token wallet. Every change carries the balance after it, so the ledger reads without folding.
import { z } from 'zod';

export const WalletOwner = z.enum(['student', 'organisation']);
export type WalletOwner = z.infer<typeof WalletOwner>;

/**
 * Why tokens left a wallet: a lesson (one debit per session and student), a lesson analysis, or a session's
 * post-session summaries (one debit per revision: made at the end, made again after a correction).
 */
export const DebitCause = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), liveSessionId: z.string() }),
  z.object({
    kind: z.literal('analysis'),
    enrollmentId: z.string(),
    scope: z.enum(['single', 'bulk']),
    requestId: z.string(),
  }),
  z.object({ kind: z.literal('summary'), liveSessionId: z.string(), revision: z.number().int() }),
]);
export type DebitCause = z.infer<typeof DebitCause>;

export const WalletEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('WalletOpened'),
    data: z.object({ walletId: z.string(), orgId: z.string(), owner: WalletOwner, ownerId: z.string() }),
  }),
  z.object({
    type: z.literal('WalletCredited'),
    data: z.object({
      walletId: z.string(),
      entryId: z.string(),
      tokens: z.number(),
      reason: z.string(),
      balanceAfter: z.number(),
    }),
  }),
  z.object({
    type: z.literal('WalletDebited'),
    data: z.object({
      walletId: z.string(),
      entryId: z.string(),
      tokens: z.number(),
      cause: DebitCause,
      balanceAfter: z.number(),
      /** The reservation this debit settles (made when the teacher confirmed the lesson's completion). */
      reservationId: z.string().optional(),
    }),
  }),
  /**
   * Tokens held for a lesson at its confirmation: the wallet decided then, against its balance less what it
   * already holds, that the debit fits. The debit that follows settles it; nothing else may spend them.
   */
  z.object({
    type: z.literal('WalletFundsReserved'),
    data: z.object({
      walletId: z.string(),
      reservationId: z.string(),
      tokens: z.number(),
      cause: DebitCause,
      /** The balance less every reservation, this one included. */
      availableAfter: z.number(),
    }),
  }),
  /** A reservation given back unspent (its lesson was not completed after all). */
  z.object({
    type: z.literal('WalletReservationReleased'),
    data: z.object({ walletId: z.string(), reservationId: z.string(), reason: z.string() }),
  }),
  /**
   * A charge the billing process could not carry out for good (the wallet refused it): recorded, so that an
   * admin sees it in the ledger, instead of skipped. Changes no balance.
   */
  z.object({
    type: z.literal('WalletChargeRefused'),
    data: z.object({
      walletId: z.string(),
      entryId: z.string(),
      tokens: z.number(),
      cause: DebitCause,
      code: z.string(),
      reason: z.string(),
      balance: z.number(),
    }),
  }),
  z.object({
    type: z.literal('WalletEntryReversed'),
    data: z.object({
      walletId: z.string(),
      entryId: z.string(),
      reversedEntryId: z.string(),
      /** Signed: a reversed debit gives tokens back (+), a reversed credit takes them (-). */
      change: z.number(),
      reason: z.string(),
      balanceAfter: z.number(),
    }),
  }),
]);
export type WalletEvent = z.infer<typeof WalletEvent>;

export const causeKey = (cause: DebitCause) =>
  cause.kind === 'session'
    ? `session:${cause.liveSessionId}`
    : cause.kind === 'summary'
      ? `summary:${cause.liveSessionId}:${cause.revision}`
      : `analysis:${cause.requestId}`;
