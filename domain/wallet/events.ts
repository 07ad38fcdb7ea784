// Facts about a token wallet. Every change carries the balance after it, so the ledger reads without folding.
import { z } from 'zod';

export const WalletOwner = z.enum(['student', 'organisation']);
export type WalletOwner = z.infer<typeof WalletOwner>;

/** Why tokens left a wallet: a lesson (one debit per session and student) or a lesson analysis. */
export const DebitCause = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), liveSessionId: z.string() }),
  z.object({
    kind: z.literal('analysis'),
    enrollmentId: z.string(),
    scope: z.enum(['single', 'bulk']),
    requestId: z.string(),
  }),
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
  cause.kind === 'session' ? `session:${cause.liveSessionId}` : `analysis:${cause.requestId}`;
