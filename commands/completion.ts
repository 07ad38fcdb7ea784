// The completion confirmation: applies exactly the preview the teacher saw (completionPreview.ts), or answers
// 409 with a fresh one when a balance (or a cost) changed in between. The wallets decide here, by reserving.
import { RuleViolation } from '../domain/shared/errors.js';
import type { AttendanceMark } from '../domain/liveSession/attendance.js';
import type { CompletionAction, CompletionNotes } from '../domain/liveSession/lifecycleEvents.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import type { CompleteLiveSession } from '../domain/liveSession/commands.js';
import { liveSessionDecider } from '../domain/liveSession/decider.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { deterministicId } from './processes/process.js';
import { liveSessions, wallets } from './aggregates.js';
import { requireManager, type Scheduler } from './liveSessionAccess.js';
import { computePreview, type CompletionPreview } from './completionPreview.js';

// The organisation's overdraft setting is read here by other write paths too (lesson analyses).
export { overdraftAllowed } from './completionPreview.js';

type Deps = { db: Db; eventStore: EventStore };

export type ConfirmInput = {
  action: CompletionAction;
  notes: CompletionNotes;
  attendance: AttendanceMark[];
  fingerprint: string;
};

export const reservationIdOf = (liveSessionId: string, studentId: string) =>
  deterministicId(`session-reservation:${liveSessionId}:${studentId}`);

/**
 * Confirms a previewed completion. The wallets decide at this moment: each debit of the preview first reserves
 * the lesson's cost in the student's wallet (refused without overdraft unless the balance less what it already
 * holds covers it, appended with the wallet's expected revision), and only then is the completion recorded
 * with the reservations it carries. So two confirmations at once cannot both spend the same tokens: the second
 * reservation is decided on the first one's outcome and refused, and the teacher gets 409 with a fresh preview.
 * The billing process then only settles what was reserved. A refused or failed completion gives back what this
 * confirmation reserved.
 */
export async function confirmCompletion(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  input: ConfirmInput,
  context: CommandContext,
) {
  const { state } = await requireManager(deps, actor, liveSessionId);
  const command = (preview: CompletionPreview | null): CompleteLiveSession => ({
    type: 'CompleteLiveSession' as const,
    liveSessionId,
    now: context.now,
    action: input.action,
    notes: input.notes,
    attendance: input.attendance,
    charges: (preview?.lines ?? [])
      .filter((l) => l.outcome === 'debit')
      .map(({ studentId, enrollmentId, tokens }) => ({
        studentId,
        enrollmentId,
        tokens,
        reservationId: reservationIdOf(liveSessionId, studentId),
      })),
    refused: (preview?.lines ?? [])
      .filter((l) => l.outcome === 'refused')
      .map(({ studentId, enrollmentId, tokens, balance }) => ({ studentId, enrollmentId, tokens, balance })),
  });
  // A repeated confirmation (same Idempotency-Key) returns the first result, whatever the balances are now.
  if (context.idempotencyKey && (await deps.eventStore.idempotentResult(context.idempotencyKey)))
    return handleCommand(deps.eventStore, liveSessions, liveSessionId, command(null), context);
  const preview = await computePreview(deps, state, input.action, input.attendance);
  const changed = (fresh: CompletionPreview) =>
    new RuleViolation(
      'preview_changed',
      'balances or costs changed since the preview; review the fresh preview and confirm again',
      { preview: fresh },
    );
  if (preview.fingerprint !== input.fingerprint) throw changed(preview);
  const unpriced = preview.lines.filter((l) => l.outcome === 'unpriced').map((l) => l.studentId);
  if (unpriced.length > 0)
    throw new RuleViolation(
      'participant_unpriced',
      `no price for ${unpriced.join(', ')}: set the lesson's price for them before deducting`,
      { studentIds: unpriced },
    );
  const complete = command(preview);
  // The session's own rules first (pure): a completion it would refuse reserves nothing.
  liveSessionDecider.decide(complete, state);
  const reserved = await reserveCharges(deps, state.orgId, liveSessionId, preview, context, async () =>
    changed(await computePreview(deps, state, input.action, input.attendance)),
  );
  try {
    return await handleCommand(deps.eventStore, liveSessions, liveSessionId, complete, context);
  } catch (error) {
    await releaseUnlessCharged(deps, liveSessionId, reserved, context, 'completion refused');
    throw error;
  }
}

const sessionCause = (liveSessionId: string) => ({ kind: 'session' as const, liveSessionId });

/** Reserves each debit of the preview; on a refusal gives back what it reserved and throws `refused()`. */
async function reserveCharges(
  deps: Deps,
  orgId: string,
  liveSessionId: string,
  preview: CompletionPreview,
  context: CommandContext,
  refused: () => Promise<Error>,
): Promise<string[]> {
  const reserved: string[] = [];
  const step = stepContext(context);
  for (const line of preview.lines) {
    if (line.outcome !== 'debit' || line.tokens <= 0) continue;
    try {
      const result = await handleCommand(
        deps.eventStore,
        wallets,
        line.studentId,
        {
          type: 'ReserveWalletFunds',
          walletId: line.studentId,
          orgId,
          owner: 'student',
          ownerId: line.studentId,
          reservationId: reservationIdOf(liveSessionId, line.studentId),
          tokens: line.tokens,
          cause: sessionCause(liveSessionId),
          allowOverdraft: preview.allowOverdraft,
        },
        step,
      );
      if (result.events.length > 0) reserved.push(line.studentId);
    } catch (error) {
      await releaseUnlessCharged(deps, liveSessionId, reserved, context, 'completion not confirmed');
      if (error instanceof RuleViolation && error.code === 'insufficient_balance') throw await refused();
      throw error;
    }
  }
  return reserved;
}

/** Gives back reservations this confirmation made, unless the session was charged meanwhile (they are its). */
async function releaseUnlessCharged(
  deps: Deps,
  liveSessionId: string,
  studentIds: string[],
  context: CommandContext,
  reason: string,
) {
  if (studentIds.length === 0) return;
  const { state } = await loadAggregate(deps.eventStore, liveSessions, liveSessionId);
  if (state.status !== 'none' && state.completion?.charged) return;
  for (const studentId of studentIds)
    await handleCommand(
      deps.eventStore,
      wallets,
      studentId,
      { type: 'ReleaseWalletReservation', walletId: studentId, cause: sessionCause(liveSessionId), reason },
      stepContext(context),
    );
}

/** A wallet step of the confirmation: no If-Match or Idempotency-Key of its own (each step is idempotent). */
function stepContext(context: CommandContext): CommandContext {
  const { idempotencyKey: _key, ifMatch: _ifMatch, ...rest } = context;
  return rest;
}

/**
 * Sets what the lesson costs a participant no enrollment prices (rule 3 of `pricingOf`); allowed until the
 * lesson is charged.
 */
export async function priceParticipant(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  input: { studentId: string; lessonCostTokens: number },
  context: CommandContext,
) {
  await requireManager(deps, actor, liveSessionId);
  return handleCommand(
    deps.eventStore,
    liveSessions,
    liveSessionId,
    { type: 'PriceParticipant', liveSessionId, now: context.now, ...input },
    context,
  );
}
