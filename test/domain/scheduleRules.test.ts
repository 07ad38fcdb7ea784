// The rules of recurring schedules, as specifications: occurrences at the same wall-clock time across
// daylight-saving changes, idempotent recording, "this and following" and removal.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../support/decider.js';
import { enrollmentDecider, type EnrollmentEvent } from '../../domain/enrollment/enrollment.js';
import { occurrencesBetween } from '../../domain/enrollment/recurrence.js';
import { ruleWindow, type ScheduleRule } from '../../domain/enrollment/scheduleRules.js';
import { NotFoundError, RuleViolation, ValidationError } from '../../domain/shared/errors.js';

const enrollmentId = 'e1';
const ruleId = 'r1';
const now = '2026-11-23T08:00:00.000Z';
const enrolled: EnrollmentEvent = {
  type: 'StudentEnrolled',
  data: {
    enrollmentId,
    orgId: 'org',
    courseId: 'course',
    studentId: 'student',
    teacherId: 'teacher',
    defaultLessonMinutes: 45,
    lessonCostTokens: 4,
  },
};
const terms = {
  weekdays: ['MO' as const],
  localTime: '17:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: 45,
  startsOn: '2026-11-23',
};
const added: EnrollmentEvent = {
  type: 'ScheduleRuleAdded',
  data: { enrollmentId, ruleId, ...terms, splitFrom: null },
};
const given = spec(enrollmentDecider).given;

const recurrence = suite('when a weekly rule falls');

recurrence('"Mondays 17:00 Europe/Berlin" is 16:00 UTC in winter and 15:00 UTC in summer', () => {
  const starts = occurrencesBetween(
    { ...terms, startsOn: '2027-03-01' },
    '2027-03-01T00:00:00Z',
    '2027-04-06T00:00:00Z',
  );
  assert.equal(starts, [
    '2027-03-01T16:00:00.000Z',
    '2027-03-08T16:00:00.000Z',
    '2027-03-15T16:00:00.000Z',
    '2027-03-22T16:00:00.000Z',
    '2027-03-29T15:00:00.000Z',
    '2027-04-05T15:00:00.000Z',
  ]);
  // And back in autumn (the change is on 2027-10-31).
  assert.equal(occurrencesBetween(terms, '2027-10-25T00:00:00Z', '2027-11-02T00:00:00Z'), [
    '2027-10-25T15:00:00.000Z',
    '2027-11-01T16:00:00.000Z',
  ]);
});

recurrence('several weekdays, and nothing before the first local day', () => {
  const starts = occurrencesBetween(
    { ...terms, weekdays: ['MO', 'TH'], timeZone: 'America/New_York', startsOn: '2026-11-24' },
    '2026-11-20T00:00:00Z',
    '2026-12-02T00:00:00Z',
  );
  assert.equal(starts, ['2026-11-26T22:00:00.000Z', '2026-11-30T22:00:00.000Z']);
});

recurrence('the window ends where a split rule ends, and starts now for a rule that began earlier', () => {
  const rule: ScheduleRule = {
    ...terms,
    ruleId,
    splitFrom: null,
    endsAt: '2026-12-21T16:00:00.000Z',
    removed: false,
  };
  assert.equal(ruleWindow(rule, '2026-11-30T12:00:00.000Z', '2027-01-25T12:00:00.000Z'), {
    from: '2026-11-30T12:00:00.000Z',
    until: '2026-12-21T16:00:00.000Z',
  });
});

const rules = suite('schedule rules on an enrollment');

rules('adding a rule records it; adding the same rule again changes nothing', () => {
  given([enrolled])
    .when({ type: 'AddScheduleRule', enrollmentId, ruleId, now, ...terms })
    .then([added]);
  given([enrolled, added])
    .when({ type: 'AddScheduleRule', enrollmentId, ruleId, now, ...terms })
    .thenNothing();
  given([enrolled, added])
    .when({ type: 'AddScheduleRule', enrollmentId, ruleId, now, ...terms, localTime: '18:00' })
    .thenThrows(RuleViolation, 'schedule_rule_exists');
});

rules('an invalid rule is refused', () => {
  given([enrolled])
    .when({ type: 'AddScheduleRule', enrollmentId, ruleId, now, ...terms, timeZone: 'Mars/Base' })
    .thenThrows(ValidationError);
  given([enrolled])
    .when({ type: 'AddScheduleRule', enrollmentId, ruleId, now, ...terms, weekdays: [] })
    .thenThrows(ValidationError);
});

rules('an occurrence is recorded once, scheduled or skipped', () => {
  const occurrenceStart = '2026-11-23T16:00:00.000Z';
  const scheduled: EnrollmentEvent = {
    type: 'ScheduleOccurrenceScheduled',
    data: { enrollmentId, ruleId, occurrenceStart, liveSessionId: 's1' },
  };
  const record = {
    type: 'RecordScheduleOccurrence' as const,
    enrollmentId,
    ruleId,
    now,
    occurrenceStart,
    outcome: { kind: 'scheduled' as const, liveSessionId: 's1' },
  };
  given([enrolled, added]).when(record).then([scheduled]);
  given([enrolled, added, scheduled]).when(record).thenNothing();
  given([enrolled, added, scheduled])
    .when({
      ...record,
      outcome: { kind: 'skipped', reason: 'teacher_double_booked', conflictingLiveSessionId: 'x' },
    })
    .thenNothing();
});

rules('"this and following" ends the rule at the occurrence and starts a successor on its local day', () => {
  given([enrolled, added])
    .when({
      type: 'SplitScheduleRule',
      enrollmentId,
      ruleId,
      newRuleId: 'r2',
      now,
      from: '2026-12-21T16:00:00.000Z',
      weekdays: ['TU'],
      localTime: '18:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 60,
    })
    .then([
      { type: 'ScheduleRuleEnded', data: { enrollmentId, ruleId, endsAt: '2026-12-21T16:00:00.000Z' } },
      {
        type: 'ScheduleRuleAdded',
        data: {
          enrollmentId,
          ruleId: 'r2',
          weekdays: ['TU'],
          localTime: '18:00',
          timeZone: 'Europe/Berlin',
          durationMinutes: 60,
          startsOn: '2026-12-21',
          splitFrom: ruleId,
        },
      },
    ]);
});

rules('a split in the past is refused; a removed rule is gone', () => {
  const split = {
    type: 'SplitScheduleRule' as const,
    enrollmentId,
    ruleId,
    newRuleId: 'r2',
    now,
    from: '2026-11-16T16:00:00.000Z',
    ...terms,
  };
  given([enrolled, added]).when(split).thenThrows(RuleViolation, 'split_in_past');
  const removed: EnrollmentEvent = { type: 'ScheduleRuleRemoved', data: { enrollmentId, ruleId } };
  given([enrolled, added]).when({ type: 'RemoveScheduleRule', enrollmentId, ruleId, now }).then([removed]);
  given([enrolled, added, removed])
    .when({ type: 'RemoveScheduleRule', enrollmentId, ruleId, now })
    .thenThrows(NotFoundError);
});

recurrence.run();
rules.run();
