// Scores and feedback as specifications: 1-5 in seven skills, a comment of at most 1024 characters, frozen
// once verified until the verification is revoked.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { liveSessionDecider } from '../../domain/liveSession/decider.js';
import type { ScoreStudent } from '../../domain/liveSession/commands.js';
import type { LiveSessionEvent } from '../../domain/liveSession/events.js';
import { RuleViolation, ValidationError } from '../../domain/shared/errors.js';
import { at, ended, id, scheduled, started } from './liveSessionLifecycle.fixtures.js';

const given = spec(liveSessionDecider).given;
const scores = {
  speaking: 4,
  listening: 5,
  reading: 3,
  writing: 3,
  grammar: 4,
  vocabulary: 4,
  engagement: 5,
};
const score = (over: Partial<ScoreStudent> = {}): ScoreStudent => ({
  type: 'ScoreStudent',
  liveSessionId: id,
  now: at(70),
  studentId: 's1',
  scores,
  comment: 'Great progress',
  ...over,
});
const scored: LiveSessionEvent = {
  type: 'StudentScored',
  data: { liveSessionId: id, studentId: 's1', scores, comment: 'Great progress' },
};
const verified: LiveSessionEvent = { type: 'ScoresVerified', data: { liveSessionId: id, studentId: 's1' } };
const revoked: LiveSessionEvent = {
  type: 'ScoresVerificationRevoked',
  data: { liveSessionId: id, studentId: 's1' },
};
const taught = [scheduled, started(0), ended(50)];
const cmd = <T extends string>(type: T) => ({ type, liveSessionId: id, now: at(80), studentId: 's1' });

const feedback = suite('scores and feedback');
feedback('a participant of a lesson that took place is scored 1-5 with a comment', () =>
  given(taught).when(score()).then([scored]),
);
feedback('scores outside 1-5, or a comment over 1024 characters, are refused', () => {
  given(taught)
    .when(score({ scores: { ...scores, grammar: 6 } }))
    .thenThrows(ValidationError);
  given(taught)
    .when(score({ scores: { ...scores, speaking: 0 } }))
    .thenThrows(ValidationError);
  given(taught)
    .when(score({ comment: 'x'.repeat(1025) }))
    .thenThrows(ValidationError);
  given(taught)
    .when(score({ comment: 'x'.repeat(1024) }))
    .then([{ ...scored, data: { ...scored.data, comment: 'x'.repeat(1024) } } as LiveSessionEvent]);
});
feedback('only participants, and only once the lesson has run', () => {
  given(taught)
    .when(score({ studentId: 'stranger' }))
    .thenThrows(RuleViolation, 'not_a_participant');
  given([scheduled]).when(score()).thenThrows(RuleViolation, 'session_scheduled');
});
feedback('verified feedback is frozen; revoking the verification allows a change', () => {
  given([...taught, scored, verified])
    .when(score({ comment: 'Changed' }))
    .thenThrows(RuleViolation, 'feedback_verified');
  given([...taught, scored, verified, revoked])
    .when(score({ comment: 'Changed' }))
    .then([{ ...scored, data: { ...scored.data, comment: 'Changed' } } as LiveSessionEvent]);
});
feedback('verifying needs scores; verifying or revoking twice records nothing', () => {
  given(taught).when(cmd('VerifyScores')).thenThrows(RuleViolation, 'no_feedback');
  given([...taught, scored])
    .when(cmd('VerifyScores'))
    .then([verified]);
  given([...taught, scored, verified])
    .when(cmd('VerifyScores'))
    .thenNothing();
  given([...taught, scored])
    .when(cmd('RevokeScoresVerification'))
    .thenNothing();
  given([...taught, scored, verified])
    .when(cmd('RevokeScoresVerification'))
    .then([revoked]);
});
feedback.run();
