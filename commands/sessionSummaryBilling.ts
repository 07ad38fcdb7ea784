// What post-session summaries cost and whom the teacher summary is mailed to: organisation settings (staff read
// the cost, admins change both; only admins read the recipients). Making a session's summaries (at the end, or
// again after a correction) debits the organisation's wallet once per revision, overdraft setting respected.
import { sql } from 'kysely';
import { RuleViolation } from '../domain/shared/errors.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { wallets } from './aggregates.js';
import { overdraftAllowed } from './completion.js';
import { deterministicId } from './processes/process.js';
import { availableBalance } from '../domain/wallet/wallet.js';
import type { SummaryCostSettings, SummaryRecipientSettings } from '../contract/sessionSummary.js';
import type { SummaryRefusalCode } from '../domain/sessionSummary/events.js';

type Deps = { db: Db; eventStore: EventStore };

export const DEFAULT_SUMMARY_COST = 10;
const COST_SETTING = 'summaryCostTokens';
const RECIPIENTS_SETTING = 'teacherLessonSummaryRecipients';

async function settingsOf(db: Db, orgId: string) {
  const org = await db
    .selectFrom('organisations')
    .select('settings')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return org?.settings ?? {};
}

export async function summaryCostOf(db: Db, orgId: string) {
  const cost = (await settingsOf(db, orgId))[COST_SETTING];
  return typeof cost === 'number' && cost >= 0 ? cost : DEFAULT_SUMMARY_COST;
}

export async function summaryRecipientsOf(db: Db, orgId: string): Promise<string[]> {
  const list = (await settingsOf(db, orgId))[RECIPIENTS_SETTING];
  return Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : [];
}

/** Changes the settings given (admins; the route checks the role and the shape). */
export async function setSummarySettings(
  db: Db,
  orgId: string,
  patch: Partial<SummaryCostSettings & SummaryRecipientSettings>,
) {
  const clean = { ...patch };
  if (clean.teacherLessonSummaryRecipients)
    clean.teacherLessonSummaryRecipients = [
      ...new Set(clean.teacherLessonSummaryRecipients.map((a) => a.trim().toLowerCase())),
    ];
  await db
    .updateTable('organisations')
    .set({ settings: sql`settings || ${JSON.stringify(clean)}::jsonb` as never })
    .where('id', '=', orgId)
    .execute();
}

async function availableBalanceOf(eventStore: EventStore, orgId: string) {
  return availableBalance((await loadAggregate(eventStore, wallets, orgId)).state);
}

/** The cost, the organisation's balance and whether it can pay the next summaries (overdraft respected). */
export async function summaryQuote(deps: Deps, orgId: string) {
  const costTokens = await summaryCostOf(deps.db, orgId);
  const balance = await availableBalanceOf(deps.eventStore, orgId);
  const allowOverdraft = await overdraftAllowed(deps, orgId);
  return { costTokens, balance, allowOverdraft, canAfford: allowOverdraft || balance >= costTokens };
}

export type SummaryCharge =
  | { paid: true; tokens: number }
  | { paid: false; tokens: number; balance: number | null; code: SummaryRefusalCode; reason: string };

/** Debits the organisation's wallet for one revision of a session's summaries; a repeat pays nothing more. */
export async function chargeSummaries(
  deps: Deps,
  orgId: string,
  liveSessionId: string,
  revision: number,
  context: CommandContext,
): Promise<SummaryCharge> {
  const tokens = await summaryCostOf(deps.db, orgId);
  if (tokens === 0) return { paid: true, tokens };
  try {
    await handleCommand(
      deps.eventStore,
      wallets,
      orgId,
      {
        type: 'DebitWallet',
        walletId: orgId,
        orgId,
        owner: 'organisation',
        ownerId: orgId,
        entryId: deterministicId(`session-summary:${liveSessionId}:${revision}`),
        tokens,
        cause: { kind: 'summary', liveSessionId, revision },
        allowOverdraft: await overdraftAllowed(deps, orgId),
      },
      // Keyed by the session and revision, not by the request's key (which would replay the summaries').
      { ...context, idempotencyKey: undefined, requestHash: undefined },
    );
    return { paid: true, tokens };
  } catch (error) {
    if (!(error instanceof RuleViolation) || error.code !== 'insufficient_balance') throw error;
    const balance = await availableBalanceOf(deps.eventStore, orgId);
    const reason = `the organisation's balance of ${balance} tokens does not cover the ${tokens} tokens the summaries cost`;
    return { paid: false, tokens, balance, code: 'insufficient_balance', reason };
  }
}
