// The rules of a live session's schedule: what may be scheduled, moved, joined or canceled, and when.
import { RuleViolation, NotFoundError } from '../shared/errors.js';
import type { Decider } from '../shared/decider.js';
import type { LiveSessionCommand, ScheduleLiveSession } from './commands.js';
import type { LiveSessionEvent } from './events.js';
import { evolve, initialState, type LiveSessionState } from './state.js';
import { decideLifecycle, statusRefusal } from './lifecycle.js';

export const MIN_DURATION = 5;
export const MAX_DURATION = 480;

export function decide(command: LiveSessionCommand, state: LiveSessionState): LiveSessionEvent[] {
  if (command.type === 'ScheduleLiveSession') return schedule(command, state);
  if (state.status === 'none' || state.status === 'deleted') throw new NotFoundError('live_session');
  const id = command.liveSessionId;
  switch (command.type) {
    case 'RescheduleLiveSession': {
      requireScheduled(state, 'rescheduled');
      requireValidTiming(command.start, command.durationMinutes, command.now);
      if (
        command.start === state.start &&
        command.durationMinutes === state.durationMinutes &&
        command.timeZone === state.timeZone
      )
        return [];
      const { start, durationMinutes, timeZone } = command;
      return [
        { type: 'LiveSessionRescheduled', data: { liveSessionId: id, start, durationMinutes, timeZone } },
      ];
    }
    case 'ChangeLiveSessionDetails': {
      requireScheduled(state, 'changed');
      const { title, notes, courseLessonId } = command;
      if (title === state.title && notes === state.notes && courseLessonId === state.courseLessonId)
        return [];
      return [
        { type: 'LiveSessionDetailsChanged', data: { liveSessionId: id, title, notes, courseLessonId } },
      ];
    }
    case 'AddParticipant': {
      requireScheduled(state, 'changed');
      if (state.kind === 'individual')
        throw new RuleViolation(
          'individual_session',
          'an individual session is for exactly one student and their enrollment',
        );
      if (state.participants.some((p) => p.studentId === command.participant.studentId)) return [];
      return [{ type: 'LiveSessionParticipantAdded', data: { liveSessionId: id, ...command.participant } }];
    }
    case 'RemoveParticipant': {
      requireScheduled(state, 'changed');
      if (!state.participants.some((p) => p.studentId === command.studentId)) return [];
      if (state.kind === 'individual')
        throw new RuleViolation(
          'individual_session',
          'an individual session is for exactly one student and their enrollment',
        );
      if (state.participants.length === 1)
        throw new RuleViolation(
          'last_participant',
          'a group session keeps at least one student; cancel it instead',
        );
      return [
        { type: 'LiveSessionParticipantRemoved', data: { liveSessionId: id, studentId: command.studentId } },
      ];
    }
    case 'PriceParticipant': {
      const participant = state.participants.find((p) => p.studentId === command.studentId);
      if (!participant)
        throw new RuleViolation(
          'not_a_participant',
          'a student named here is not a participant of this session',
          {
            studentIds: [command.studentId],
          },
        );
      if (!Number.isInteger(command.lessonCostTokens) || command.lessonCostTokens < 0)
        throw new RuleViolation('invalid_price', 'a lesson costs a whole number of tokens, 0 or more');
      if (state.status === 'canceled') throw statusRefusal(state.status, 'priced');
      if (state.completion?.charged)
        throw new RuleViolation('lesson_charged', 'this lesson is charged already: its prices stay');
      if (participant.lessonCostTokens === command.lessonCostTokens) return [];
      const { studentId, lessonCostTokens } = command;
      return [
        { type: 'LiveSessionParticipantPriced', data: { liveSessionId: id, studentId, lessonCostTokens } },
      ];
    }
    case 'CancelLiveSession': {
      if (state.status === 'canceled') return [];
      // A session that did not take place may be closed as canceled from the completion flow too.
      if (state.status === 'ended' && state.completion)
        throw new RuleViolation('session_completed', 'a completed live session cannot be canceled');
      return [{ type: 'LiveSessionCanceled', data: { liveSessionId: id, reason: command.reason } }];
    }
    default:
      return decideLifecycle(command, state);
  }
}

function schedule(command: ScheduleLiveSession, state: LiveSessionState): LiveSessionEvent[] {
  if (state.status !== 'none')
    throw new RuleViolation('already_scheduled', 'this live session already exists');
  requireValidTiming(command.start, command.durationMinutes, command.now);
  const students = new Set(command.participants.map((p) => p.studentId));
  if (students.size !== command.participants.length)
    throw new RuleViolation('duplicate_participant', 'a student is listed twice');
  if (command.kind === 'individual' && (command.participants.length !== 1 || !command.enrollmentId)) {
    throw new RuleViolation(
      'individual_session',
      'an individual session is for exactly one student and their enrollment',
    );
  }
  if (command.kind === 'group' && command.participants.length === 0) {
    throw new RuleViolation('no_participants', 'a group session needs at least one student');
  }
  const { type: _t, now: _n, ...data } = command;
  return [{ type: 'LiveSessionScheduled', data }];
}

function requireScheduled(
  state: LiveSessionState,
  verb: string,
): asserts state is Extract<LiveSessionState, { status: 'scheduled' }> {
  if (state.status !== 'scheduled') throw statusRefusal(state.status, verb);
}

function requireValidTiming(start: string, durationMinutes: number, now: string) {
  if (
    !Number.isInteger(durationMinutes) ||
    durationMinutes < MIN_DURATION ||
    durationMinutes > MAX_DURATION
  ) {
    throw new RuleViolation(
      'invalid_duration',
      `duration must be between ${MIN_DURATION} and ${MAX_DURATION} minutes`,
      { minMinutes: MIN_DURATION, maxMinutes: MAX_DURATION },
    );
  }
  if (Date.parse(start) < Date.parse(now))
    throw new RuleViolation('start_in_past', 'the start cannot be in the past');
}

export const liveSessionDecider: Decider<LiveSessionCommand, LiveSessionEvent, LiveSessionState> = {
  decide,
  evolve,
  initialState,
};
