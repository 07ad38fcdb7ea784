// The completion preview: what confirming a lesson's completion would charge each participant (who is debited
// how many tokens, each balance after, refused debits), and by which pricing rule. The confirmation
// (completion.ts) applies exactly this preview.
import { createHash } from 'node:crypto';
import type { AttendanceMark } from '../domain/liveSession/attendance.js';
import type { CompletionAction } from '../domain/liveSession/lifecycleEvents.js';
import type { ExistingSession } from '../domain/liveSession/state.js';
import type { Participant } from '../domain/liveSession/events.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { availableBalance } from '../domain/wallet/wallet.js';
import { loadAggregate } from './handleCommand.js';
import { enrollments, wallets } from './aggregates.js';
import { requireManager, type Scheduler } from './liveSessionAccess.js';
import { organisationSettingsOf } from './organisationSettings.js';

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
  /** The lesson's price under that rule, in tokens; null when unpriced. */
  lessonCostTokens: number | null;
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

export async function computePreview(
  deps: Deps,
  state: ExistingSession,
  action: CompletionAction,
  marks: AttendanceMark[],
): Promise<CompletionPreview> {
  const allowOverdraft = await overdraftAllowed(deps, state.orgId);
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
      lessonCostTokens: terms.lessonCostTokens,
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

/** Whether the organisation's balances may go below zero now: its stream's setting, else its creation settings. */
export async function overdraftAllowed(deps: Deps, orgId: string): Promise<boolean> {
  return (await organisationSettingsOf(deps, orgId)).allowOverdraft;
}
