// The completion flow as specifications: attendance before finishing, the charges a confirmation records,
// Verify and Deduct after a plain Finish, and Cancel for lessons that did not take place.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { liveSessionDecider } from '../../domain/liveSession/decider.js';
import type { CompleteLiveSession } from '../../domain/liveSession/commands.js';
import type { LiveSessionEvent } from '../../domain/liveSession/events.js';
import { RuleViolation } from '../../domain/shared/errors.js';
import { at, ended, id, joined, left, scheduled, started } from './liveSessionLifecycle.fixtures.js';

const given = spec(liveSessionDecider).given;
const notes = { covered: 'Past tense', struggled: null, next: 'Irregular verbs' };
const complete = (over: Partial<CompleteLiveSession> = {}): CompleteLiveSession => ({
  type: 'CompleteLiveSession',
  liveSessionId: id,
  now: at(50),
  action: 'finish_and_deduct',
  notes,
  attendance: [{ studentId: 's3', status: 'absent', reason: null }],
  charges: [
    { studentId: 's1', enrollmentId: 'e1', tokens: 4 },
    { studentId: 's2', enrollmentId: 'e2', tokens: 4 },
  ],
  refused: [],
  ...over,
});
const present = (
  studentId: string,
  minutesPresent: number,
  late = false,
  firstJoinedAt: string | null = null,
) => ({
  studentId,
  status: 'present' as const,
  reason: null,
  minutesPresent,
  late,
  firstJoinedAt,
});
const ran = [scheduled, started(0), joined('s1', 0), joined('s2', 7), left('s2', 40)];
const completed = (over: Partial<Extract<LiveSessionEvent, { type: 'LiveSessionCompleted' }>['data']> = {}) =>
  ({
    type: 'LiveSessionCompleted',
    data: {
      liveSessionId: id,
      action: 'finish_and_deduct',
      notes,
      attendance: [
        present('s1', 50, false, at(0)),
        present('s2', 33, true, at(7)),
        {
          studentId: 's3',
          status: 'absent',
          reason: null,
          minutesPresent: 0,
          late: false,
          firstJoinedAt: null,
        },
      ],
      charges: complete().charges,
      refused: [],
      at: at(50),
      ...over,
    },
  }) satisfies LiveSessionEvent;

const flow = suite('completing a lesson');
flow('Finish & Deduct ends a running session and records attendance and the confirmed charges', () =>
  given(ran)
    .when(complete())
    .then([ended(50), completed()]),
);
flow('a student who never joined must be marked before finishing', () =>
  given(ran)
    .when(complete({ attendance: [] }))
    .thenThrows(RuleViolation, 'attendance_unmarked'),
);
flow('marking a student who never joined as present needs a reason', () => {
  given(ran)
    .when(complete({ attendance: [{ studentId: 's3', status: 'present', reason: null }] }))
    .thenThrows(RuleViolation, 'reason_required');
  const byPhone = { studentId: 's3', status: 'present' as const, reason: 'joined by phone' };
  given([...ran, ended(50)])
    .when(complete({ attendance: [byPhone], now: at(60) }))
    .then([
      completed({
        attendance: [
          present('s1', 50, false, at(0)),
          present('s2', 33, true, at(7)),
          { ...present('s3', 0), reason: 'joined by phone' },
        ],
        at: at(60),
      }),
    ]);
});
flow('"Finish" records no charges', () =>
  given(ran)
    .when(complete({ action: 'finish' }))
    .thenThrows(RuleViolation, 'finish_without_deduction'),
);
flow('charges are for participants, once each', () => {
  given(ran)
    .when(complete({ charges: [{ studentId: 'stranger', enrollmentId: null, tokens: 4 }] }))
    .thenThrows(RuleViolation, 'invalid_charge');
  given(ran)
    .when(
      complete({
        charges: [{ studentId: 's1', enrollmentId: 'e1', tokens: 4 }],
        refused: [{ studentId: 's1', enrollmentId: 'e1', tokens: 4, balance: 0 }],
      }),
    )
    .thenThrows(RuleViolation, 'invalid_charge');
});
flow('a completed lesson is not completed again, nor canceled', () => {
  given([...ran, ended(50), completed()])
    .when(complete())
    .thenThrows(RuleViolation, 'already_completed');
  given([...ran, ended(50), completed()])
    .when({ type: 'CancelLiveSession', liveSessionId: id, now: at(70), reason: 'x' })
    .thenThrows(RuleViolation, 'session_completed');
});
flow('Verify and Deduct after a plain Finish records the charges once, and verifies the feedback', () => {
  const finished = completed({ action: 'finish', charges: [] });
  const scored: LiveSessionEvent = {
    type: 'StudentScored',
    data: {
      liveSessionId: id,
      studentId: 's1',
      scores: { speaking: 4, listening: 4, reading: 3, writing: 3, grammar: 4, vocabulary: 5, engagement: 5 },
      comment: 'Well done',
    },
  };
  given([...ran, ended(50), finished, scored])
    .when(complete({ action: 'verify_and_deduct', now: at(90) }))
    .then([
      {
        type: 'LiveSessionVerified',
        data: { liveSessionId: id, charges: complete().charges, refused: [], at: at(90) },
      },
      { type: 'ScoresVerified', data: { liveSessionId: id, studentId: 's1' } },
    ]);
  const verified: LiveSessionEvent = {
    type: 'LiveSessionVerified',
    data: { liveSessionId: id, charges: complete().charges, refused: [], at: at(90) },
  };
  given([...ran, ended(50), finished, verified])
    .when(complete({ action: 'verify_and_deduct', now: at(91) }))
    .thenThrows(RuleViolation, 'already_completed');
});
flow('a lesson cannot be completed before it starts', () =>
  given([scheduled])
    .when(complete({ now: at(-5) }))
    .thenThrows(RuleViolation, 'session_not_started'),
);
flow('Cancel closes an ended lesson that did not count, when nothing was completed', () =>
  given([...ran, ended(50)])
    .when({ type: 'CancelLiveSession', liveSessionId: id, now: at(55), reason: 'technical problems' })
    .then([{ type: 'LiveSessionCanceled', data: { liveSessionId: id, reason: 'technical problems' } }]),
);
flow.run();
