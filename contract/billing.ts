// Wallets as the API returns them: the summary and the ledger. Shared by the routes and the web client.
import { z } from 'zod';

export const WalletSummary = z.object({
  walletId: z.string(),
  owner: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  balance: z.number(),
});
export const Wallet = WalletSummary.extend({
  ledger: z.array(
    z.object({
      entryId: z.string(),
      cause: z
        .string()
        .describe('session, analysis, credit, reversal or charge_refused (0 tokens, with the reason)'),
      change: z.number(),
      balanceAfter: z.number(),
      liveSessionId: z.string().nullable(),
      reversedEntryId: z.string().nullable(),
      reversedBy: z.string().nullable(),
      reason: z.string().nullable(),
      at: z.string(),
      session: z
        .object({ title: z.string().nullable(), start: z.string(), courseId: z.string() })
        .nullable()
        .describe('the lesson a session line is for'),
    }),
  ),
});
export type WalletSummary = z.infer<typeof WalletSummary>;
export type Wallet = z.infer<typeof Wallet>;
export type LedgerEntry = Wallet['ledger'][number];
