// The completion flow: a preview of the billing effect (who is debited how many tokens, each balance after,
// refused debits), then a confirmation that applies exactly that preview, or 409 with a fresh one when a
// balance (or a cost) changed in between.
import { createHash } from 'node:crypto';
import { RuleViolation } from '../domain/shared/errors.js';
import type { AttendanceMark } from '../domain/liveSession/attendance.js';
import type { CompletionAction, CompletionNotes } from '../domain/liveSession/lifecycleEvents.js';
import type { ExistingSession } from '../domain/liveSession/state.js';
import type { Participant } from '../domain/liveSession/events.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import type { CompleteLiveSession } from '../domain/liveSession/commands.js';
import { liveSessionDecider } from '../domain/liveSession/decider.js';
import { availableBalance } from '../domain/wallet/wallet.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { deterministicId } from './processes/process.js';
import { enrollments, liveSessions, wallets } from './aggregates.js';
import { requireManager, type Scheduler } from './liveSessions.js';

type Deps = { db: Db; eventStore: EventStore };

export type PreviewLine = {
  studentId: string;
  enrollmentId: string | null;
  attendance: 'present' | 'absent' | 'unmarked';
  /** What the lesson costs this student (0 when absent and the no-show policy is free). */
  tokens: number;
  balance: number;
  balanceAfter: number;
  /** `unpriced`: present, but no rule prices the lesson for them; a deduction is refused until one is set. */
  outcome: 'debit' | 'refused' | 'free' | 'not_charged' | 'unpriced';
  /** Which pricing rule applied (see `pricingOf`), and in words. */
  rule: PricingRule;
  ruleNote: string;
};

export type PricingRule = 'course_enrollment' | 'teacher_enrollment' | 'participant_price' | 'unpriced';

export type CompletionPreview = {
  liveSessionId: string;
  action: CompletionAction;
  allowOverdraft: boolean;
  lines: PreviewLine[];
  fingerprint: string;
};

export async function previewCompletion(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  input: { action: CompletionAction; attendance: AttendanceMark[] },
): Promise<CompletionPreview> {
  const { state } = await requireManager(deps, actor, liveSessionId);
  return computePreview(deps, state, input.action, input.attendance);
}

async function computePreview(
  deps: Deps,
  state: ExistingSession,
  action: CompletionAction,
  marks: AttendanceMark[],
): Promise<CompletionPreview> {
  const allowOverdraft = await overdraftAllowed(deps.db, state.orgId);
  const lines: PreviewLine[] = [];
  for (const participant of state.participants) {
    const { studentId } = participant;
    const attendance = attendanceOf(state, marks, studentId);
    const wallet = (await loadAggregate(deps.eventStore, wallets, studentId)).state;
    // What the wallet can still spend: tokens held for other confirmed lessons are gone already.
    const balance = availableBalance(wallet, { kind: 'session', liveSessionId: state.liveSessionId });
    const terms = await pricingOf(deps, state, participant);
    const { enrollmentId, rule, ruleNote } = terms;
    const charged = attendance === 'present' || (attendance === 'absent' && terms.noShowPolicy === 'charge');
    const tokens = action === 'finish' || !charged ? 0 : (terms.lessonCostTokens ?? 0);
    let outcome: PreviewLine['outcome'] = action === 'finish' ? 'not_charged' : tokens > 0 ? 'debit' : 'free';
    if (outcome === 'free' && charged && terms.lessonCostTokens === null) outcome = 'unpriced';
    if (outcome === 'debit' && balance - tokens < 0 && !allowOverdraft) outcome = 'refused';
    const balanceAfter = outcome === 'debit' ? balance - tokens : balance;
    lines.push({
      studentId,
      enrollmentId,
      attendance,
      tokens,
      balance,
      balanceAfter,
      outcome,
      rule,
      ruleNote,
    });
  }
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([state.liveSessionId, action, allowOverdraft, lines]))
    .digest('hex')
    .slice(0, 32);
  return { liveSessionId: state.liveSessionId, action, allowOverdraft, lines, fingerprint };
}

function attendanceOf(state: ExistingSession, marks: AttendanceMark[], studentId: string) {
  const recorded = state.completion?.attendance.find((a) => a.studentId === studentId);
  if (recorded) return recorded.status;
  const mark = marks.find((m) => m.studentId === studentId);
  if (mark) return mark.status;
  return state.presence[studentId] ? 'present' : 'unmarked';
}

type Pricing = {
  rule: PricingRule;
  ruleNote: string;
  enrollmentId: string | null;
  /** null: no rule prices the lesson for this participant. */
  lessonCostTokens: number | null;
  noShowPolicy: string;
};

/**
 * What a lesson costs a participant, by the first rule that applies:
 * 1. `course_enrollment`: their enrollment in the session's course (its cost and no-show policy);
 * 2. `teacher_enrollment`: else their enrollment with the session's teacher in another course (the cheapest, if
 *    several: a student is never charged more than one of their own terms with that teacher);
 * 3. `participant_price`: else the price set when they were added (or later, before the lesson is charged);
 *    no-shows are free;
 * 4. `unpriced`: else none; a lesson they attend cannot be completed with a deduction until a price is set.
 */
async function pricingOf(deps: Deps, state: ExistingSession, participant: Participant): Promise<Pricing> {
  if (participant.enrollmentId) {
    const enrollment = (await loadAggregate(deps.eventStore, enrollments, participant.enrollmentId)).state;
    if (enrollment.status !== 'none') {
      // The enrollment owner adds the no-show policy; until then every no-show is free.
      const noShowPolicy = ((enrollment as { noShowPolicy?: string }).noShowPolicy ?? 'free') as string;
      return {
        rule: 'course_enrollment',
        ruleNote: `enrollment in this course: ${enrollment.lessonCostTokens} tokens a lesson`,
        enrollmentId: participant.enrollmentId,
        lessonCostTokens: enrollment.lessonCostTokens,
        noShowPolicy,
      };
    }
  }
  const withTeacher = await deps.db
    .selectFrom('enrollments')
    .select(['id', 'lesson_cost_tokens'])
    .where('org_id', '=', state.orgId)
    .where('student_id', '=', participant.studentId)
    .where('teacher_id', '=', state.teacherId)
    .orderBy('lesson_cost_tokens')
    .orderBy('id')
    .executeTakeFirst();
  if (withTeacher) {
    const enrollment = (await loadAggregate(deps.eventStore, enrollments, withTeacher.id)).state;
    const noShowPolicy =
      enrollment.status === 'none'
        ? 'free'
        : (((enrollment as { noShowPolicy?: string }).noShowPolicy ?? 'free') as string);
    return {
      rule: 'teacher_enrollment',
      ruleNote: `enrollment with this teacher in another course: ${withTeacher.lesson_cost_tokens} tokens a lesson`,
      enrollmentId: withTeacher.id,
      lessonCostTokens: withTeacher.lesson_cost_tokens,
      noShowPolicy,
    };
  }
  if (participant.lessonCostTokens != null)
    return {
      rule: 'participant_price',
      ruleNote: `price set for this session: ${participant.lessonCostTokens} tokens`,
      enrollmentId: null,
      lessonCostTokens: participant.lessonCostTokens,
      noShowPolicy: 'free',
    };
  return {
    rule: 'unpriced',
    ruleNote: 'no enrollment with this teacher and no price set: set a price before deducting',
    enrollmentId: null,
    lessonCostTokens: null,
    noShowPolicy: 'free',
  };
}

export async function overdraftAllowed(db: Db, orgId: string): Promise<boolean> {
  const org = await db
    .selectFrom('organisations')
    .select('settings')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return org?.settings?.allowOverdraft === true;
}

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
