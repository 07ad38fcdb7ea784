// Facts about what happens to a live session after it is scheduled: starting, presence, ending, completion
// (attendance, notes and the charges decided at confirmation), scores, cancellation's sibling deletion.
import { z } from 'zod';

export const CompletionAction = z.enum(['finish', 'finish_and_deduct', 'verify_and_deduct']);
export type CompletionAction = z.infer<typeof CompletionAction>;

export const CompletionNotes = z.object({
  covered: z.string().nullable(),
  struggled: z.string().nullable(),
  next: z.string().nullable(),
});
export type CompletionNotes = z.infer<typeof CompletionNotes>;

export const AttendanceRecord = z.object({
  studentId: z.string(),
  status: z.enum(['present', 'absent']),
  /** Why a student who never joined counts as present (e.g. joined by phone). */
  reason: z.string().nullable(),
  minutesPresent: z.number(),
  late: z.boolean(),
  firstJoinedAt: z.string().nullable(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;

/** A lesson cost the wallet process manager debits: decided once, at confirmation, from the preview. */
export const Charge = z.object({
  studentId: z.string(),
  enrollmentId: z.string().nullable(),
  tokens: z.number(),
  /**
   * The wallet's reservation made at confirmation (the wallet decided then that the debit fits); the billing
   * process settles it. Absent on charges recorded before reservations existed.
   */
  reservationId: z.string().optional(),
});
export type Charge = z.infer<typeof Charge>;

/** A debit the preview showed as refused (balance would go below zero): recorded, never applied. */
export const RefusedCharge = Charge.extend({ balance: z.number() });
export type RefusedCharge = z.infer<typeof RefusedCharge>;

export const Scores = z.object({
  speaking: z.number(),
  listening: z.number(),
  reading: z.number(),
  writing: z.number(),
  grammar: z.number(),
  vocabulary: z.number(),
  engagement: z.number(),
});
export type Scores = z.infer<typeof Scores>;

const id = { liveSessionId: z.string() };

export const lifecycleEvents = [
  z.object({ type: z.literal('LiveSessionStarted'), data: z.object({ ...id, at: z.string() }) }),
  z.object({ type: z.literal('LiveSessionEnded'), data: z.object({ ...id, at: z.string() }) }),
  z.object({ type: z.literal('LiveSessionDeleted'), data: z.object({ ...id, reason: z.string() }) }),
  z.object({
    type: z.literal('ParticipantJoined'),
    data: z.object({ ...id, personId: z.string(), at: z.string() }),
  }),
  z.object({
    type: z.literal('ParticipantLeft'),
    data: z.object({ ...id, personId: z.string(), at: z.string() }),
  }),
  z.object({
    type: z.literal('LiveSessionCompleted'),
    data: z.object({
      ...id,
      action: CompletionAction,
      notes: CompletionNotes,
      attendance: z.array(AttendanceRecord),
      charges: z.array(Charge),
      refused: z.array(RefusedCharge),
      at: z.string(),
    }),
  }),
  /** "Verify and Deduct" on a session finished earlier without a deduction. */
  z.object({
    type: z.literal('LiveSessionVerified'),
    data: z.object({ ...id, charges: z.array(Charge), refused: z.array(RefusedCharge), at: z.string() }),
  }),
  z.object({
    type: z.literal('StudentScored'),
    data: z.object({ ...id, studentId: z.string(), scores: Scores, comment: z.string().nullable() }),
  }),
  z.object({ type: z.literal('ScoresVerified'), data: z.object({ ...id, studentId: z.string() }) }),
  z.object({
    type: z.literal('ScoresVerificationRevoked'),
    data: z.object({ ...id, studentId: z.string() }),
  }),
] as const;
