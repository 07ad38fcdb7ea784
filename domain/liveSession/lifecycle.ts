// The rules after scheduling: starting and ending, presence, completion, deletion, scores and feedback.
import { ForbiddenError, RuleViolation, ValidationError } from '../shared/errors.js';
import type { CompleteLiveSession, LifecycleCommand, RecordPresence, ScoreStudent } from './commands.js';
import type { LiveSessionEvent } from './events.js';
import type { ExistingSession, LiveSessionState } from './state.js';
import { attendanceSheet, roomOpensAt } from './attendance.js';

type Session = Exclude<ExistingSession, { status: 'deleted' }>;

export const COMMENT_MAX = 1024;

export function decideLifecycle(command: LifecycleCommand, state: Session): LiveSessionEvent[] {
  const liveSessionId = command.liveSessionId;
  switch (command.type) {
    case 'StartLiveSession': {
      if (state.status === 'active') return [];
      requireStatus(state, ['scheduled'], 'started');
      if (Date.parse(command.now) < Date.parse(roomOpensAt(state)))
        throw new RuleViolation('room_not_open', `the room opens at ${roomOpensAt(state)}`, {
          opensAt: roomOpensAt(state),
        });
      return [{ type: 'LiveSessionStarted', data: { liveSessionId, at: command.now } }];
    }
    case 'EndLiveSession': {
      if (state.status === 'ended') return [];
      if (state.status === 'scheduled')
        throw new RuleViolation('session_not_started', 'the live session has not started yet');
      requireStatus(state, ['active'], 'ended');
      return [{ type: 'LiveSessionEnded', data: { liveSessionId, at: command.now } }];
    }
    case 'DeleteLiveSession':
      // Only records that never carried a lesson: anything that ran keeps its history in the schedule.
      requireStatus(state, ['scheduled', 'canceled'], 'deleted');
      return [{ type: 'LiveSessionDeleted', data: { liveSessionId, reason: command.reason } }];
    case 'RecordPresence':
      return presence(command, state);
    case 'CompleteLiveSession':
      return complete(command, state);
    case 'ScoreStudent':
      return score(command, state);
    case 'VerifyScores': {
      const feedback = state.feedback[command.studentId];
      if (!feedback) throw new RuleViolation('no_feedback', 'this student has no scores to verify yet');
      if (feedback.verified) return [];
      return [{ type: 'ScoresVerified', data: { liveSessionId, studentId: command.studentId } }];
    }
    case 'RevokeScoresVerification': {
      if (!state.feedback[command.studentId]?.verified) return [];
      return [{ type: 'ScoresVerificationRevoked', data: { liveSessionId, studentId: command.studentId } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error('unknown command');
    }
  }
}

function presence(command: RecordPresence, state: Session): LiveSessionEvent[] {
  const { personId, at } = command;
  const isParticipant = state.participants.some((p) => p.studentId === personId);
  if (personId !== state.teacherId && !isParticipant)
    throw new ForbiddenError(
      'room_participants_only',
      'only the teacher and the participants can be in this room',
    );
  const open = state.presence[personId]?.intervals.some((i) => i.to === null) ?? false;
  if (command.presence === 'left')
    return open
      ? [{ type: 'ParticipantLeft', data: { liveSessionId: state.liveSessionId, personId, at } }]
      : [];
  if (open) return [];
  requireStatus(state, ['scheduled', 'active'], 'joined');
  if (Date.parse(at) < Date.parse(roomOpensAt(state)))
    throw new RuleViolation('room_not_open', `the room opens at ${roomOpensAt(state)}`, {
      opensAt: roomOpensAt(state),
    });
  return [{ type: 'ParticipantJoined', data: { liveSessionId: state.liveSessionId, personId, at } }];
}

function complete(command: CompleteLiveSession, state: Session): LiveSessionEvent[] {
  const { liveSessionId, now, action, charges, refused } = command;
  requireChargesFit(command, state);
  if (state.status === 'ended' && state.completion) {
    if (action !== 'verify_and_deduct' || state.completion.charged)
      throw new RuleViolation('already_completed', 'this live session is already completed');
    return [
      { type: 'LiveSessionVerified', data: { liveSessionId, charges, refused, at: now } },
      ...verifyFeedback(state),
    ];
  }
  requireStatus(state, ['scheduled', 'active', 'ended'], 'completed');
  if (state.status === 'scheduled' && Date.parse(now) < Date.parse(state.start))
    throw new RuleViolation('session_not_started', 'the live session has not started yet');
  const until = state.endedAt ?? now;
  const attendance = attendanceSheet(state, command.attendance, until);
  const ended: LiveSessionEvent[] =
    state.status === 'ended' ? [] : [{ type: 'LiveSessionEnded', data: { liveSessionId, at: now } }];
  return [
    ...ended,
    {
      type: 'LiveSessionCompleted',
      data: { liveSessionId, action, notes: command.notes, attendance, charges, refused, at: now },
    },
    ...(action === 'verify_and_deduct' ? verifyFeedback(state) : []),
  ];
}

function requireChargesFit(command: CompleteLiveSession, state: Session) {
  const all = [...command.charges, ...command.refused];
  if (command.action === 'finish' && all.length > 0)
    throw new RuleViolation('finish_without_deduction', '"Finish" completes the lesson without a deduction');
  const students = new Set(state.participants.map((p) => p.studentId));
  const seen = new Set<string>();
  for (const charge of all) {
    if (!students.has(charge.studentId) || seen.has(charge.studentId))
      throw new RuleViolation('invalid_charge', 'each charge is for one participant, once', {
        studentId: charge.studentId,
      });
    if (!Number.isInteger(charge.tokens) || charge.tokens < 0)
      throw new ValidationError('a charge is a whole number of tokens', [
        {
          path: 'charges.tokens',
          message: 'must be a whole number, 0 or more',
          code: 'whole_number_at_least',
          minimum: 0,
        },
      ]);
    seen.add(charge.studentId);
  }
}

function verifyFeedback(state: Session): LiveSessionEvent[] {
  return Object.entries(state.feedback)
    .filter(([, f]) => !f.verified)
    .map(([studentId]) => ({
      type: 'ScoresVerified' as const,
      data: { liveSessionId: state.liveSessionId, studentId },
    }));
}

function score(command: ScoreStudent, state: Session): LiveSessionEvent[] {
  const { studentId, scores, comment } = command;
  if (!state.participants.some((p) => p.studentId === studentId))
    throw new RuleViolation(
      'not_a_participant',
      'a student named here is not a participant of this session',
      { studentIds: [studentId] },
    );
  requireStatus(state, ['active', 'ended'], 'scored');
  const bad = Object.entries(scores).filter(([, v]) => !Number.isInteger(v) || v < 1 || v > 5);
  if (bad.length > 0)
    throw new ValidationError(
      'scores are whole numbers from 1 to 5',
      bad.map(([k]) => ({
        path: `scores.${k}`,
        message: 'must be 1-5',
        code: 'between',
        minimum: 1,
        maximum: 5,
      })),
    );
  if (comment !== null && comment.length > COMMENT_MAX)
    throw new ValidationError(`the comment is at most ${COMMENT_MAX} characters`, [
      {
        path: 'comment',
        message: `at most ${COMMENT_MAX} characters`,
        code: 'too_big',
        origin: 'string',
        maximum: COMMENT_MAX,
      },
    ]);
  const current = state.feedback[studentId];
  if (current?.verified)
    throw new RuleViolation(
      'feedback_verified',
      'to change verified feedback, revoke the verification first',
    );
  if (current && current.comment === comment && sameScores(current.scores, scores)) return [];
  return [
    { type: 'StudentScored', data: { liveSessionId: state.liveSessionId, studentId, scores, comment } },
  ];
}

const sameScores = (a: object, b: object) =>
  Object.entries(a).every(([k, v]) => (b as Record<string, unknown>)[k] === v);

function requireStatus(state: Session, allowed: Session['status'][], verb: string) {
  if (!allowed.includes(state.status)) throw statusRefusal(state.status, verb);
}

/** A command refused in the session's status: one code and sentence per status; `action` names what was refused
 * ('rescheduled', 'changed', 'started', 'ended', 'deleted', 'joined', 'completed', 'scored', 'priced'). */
export function statusRefusal(status: LiveSessionState['status'], action: string): RuleViolation {
  switch (status) {
    case 'none':
      return new RuleViolation('session_none', 'this live session has not been scheduled', { action });
    case 'scheduled':
      return new RuleViolation('session_scheduled', 'the live session has not started yet', { action });
    case 'active':
      return new RuleViolation('session_active', 'the live session has already started', { action });
    case 'ended':
      return new RuleViolation('session_ended', 'the live session has ended', { action });
    case 'canceled':
      return new RuleViolation('session_canceled', 'the live session was canceled', { action });
    case 'deleted':
      return new RuleViolation('session_deleted', 'the live session was deleted', { action });
  }
}
