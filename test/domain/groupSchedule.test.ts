// Recurring group classes as specifications: a weekly class stays at its wall-clock time across daylight-saving
// changes, each occurrence is recorded once, the students a rule put in a class follow the group, and "this and
// following" hands over to a successor with the course and teacher it names.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../support/decider.js';
import {
  groupScheduleDecider,
  type GroupScheduleEvent,
  type GroupScheduleRule,
} from '../../domain/groupSchedule/groupSchedule.js';
import { occurrencesBetween } from '../../domain/enrollment/recurrence.js';
import { ruleWindow } from '../../domain/enrollment/scheduleRules.js';
import { NotFoundError, RuleViolation, ValidationError } from '../../domain/shared/errors.js';

const groupId = 'g1';
const ruleId = 'r1';
const now = '2027-03-09T08:00:00.000Z';
const terms = {
  courseId: 'course',
  teacherId: 'teacher',
  weekdays: ['TU' as const],
  localTime: '17:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: 60,
  startsOn: '2027-03-09',
};
const added: GroupScheduleEvent = {
  type: 'GroupScheduleRuleAdded',
  data: { groupId, ruleId, ...terms, splitFrom: null },
};
const rule: GroupScheduleRule = { ...terms, ruleId, splitFrom: null, endsAt: null, removed: false };
const given = spec(groupScheduleDecider).given;

const generation = suite('when a weekly group class falls');

generation(
  '"Tuesdays 17:00 Europe/Berlin" stays at 17:00 local: 16:00 UTC in winter, 15:00 UTC in summer',
  () => {
    // Berlin moves to summer time on Sunday 2027-03-28.
    const { from, until } = ruleWindow(rule, now, '2027-04-07T00:00:00.000Z');
    assert.equal(occurrencesBetween(rule, from, until), [
      '2027-03-09T16:00:00.000Z',
      '2027-03-16T16:00:00.000Z',
      '2027-03-23T16:00:00.000Z',
      '2027-03-30T15:00:00.000Z',
      '2027-04-06T15:00:00.000Z',
    ]);
  },
);

generation(
  'and back to 16:00 UTC after the autumn change; an ended rule stops where its successor starts',
  () => {
    // Back to winter time on Sunday 2027-10-31.
    const autumn = { ...rule, startsOn: '2027-10-19', endsAt: '2027-11-09T16:00:00.000Z' };
    const { from, until } = ruleWindow(autumn, '2027-10-01T00:00:00.000Z', '2027-12-01T00:00:00.000Z');
    assert.equal(occurrencesBetween(autumn, from, until), [
      '2027-10-19T15:00:00.000Z',
      '2027-10-26T15:00:00.000Z',
      '2027-11-02T16:00:00.000Z',
    ]);
  },
);

generation('a class that started this morning is not generated again later that day', () => {
  const { from, until } = ruleWindow(rule, '2027-03-09T16:30:00.000Z', '2027-03-17T00:00:00.000Z');
  assert.equal(occurrencesBetween(rule, from, until), ['2027-03-16T16:00:00.000Z']);
});

const rules = suite('recurring classes of a student group');

rules('adding a rule records it with its course and teacher; the same rule again changes nothing', () => {
  const add = { type: 'AddGroupScheduleRule' as const, groupId, ruleId, now, ...terms };
  given([]).when(add).then([added]);
  given([added]).when(add).thenNothing();
  given([added])
    .when({ ...add, teacherId: 'other teacher' })
    .thenThrows(RuleViolation, 'schedule_rule_exists');
  given([])
    .when({ ...add, timeZone: 'Mars/Base' })
    .thenThrows(ValidationError);
  given([])
    .when({ ...add, durationMinutes: 2 })
    .thenThrows(ValidationError);
});

const occurrenceStart = '2027-03-09T16:00:00.000Z';
const scheduled: GroupScheduleEvent = {
  type: 'GroupScheduleOccurrenceScheduled',
  data: { groupId, ruleId, occurrenceStart, liveSessionId: 's1', studentIds: ['ann', 'ben'] },
};

rules('an occurrence is recorded once, with the students it was scheduled with', () => {
  const record = {
    type: 'RecordGroupScheduleOccurrence' as const,
    groupId,
    ruleId,
    now,
    occurrenceStart,
    outcome: { kind: 'scheduled' as const, liveSessionId: 's1', studentIds: ['ann', 'ben'] },
  };
  given([added]).when(record).then([scheduled]);
  given([added, scheduled]).when(record).thenNothing();
  given([added, scheduled])
    .when({
      ...record,
      outcome: { kind: 'skipped', reason: 'no_participants', conflictingLiveSessionId: null },
    })
    .thenNothing();
});

rules('the students of a class follow the group: only real changes are recorded', () => {
  const change = {
    type: 'RecordGroupClassStudents' as const,
    groupId,
    ruleId,
    now,
    occurrenceStart,
  };
  const changed: GroupScheduleEvent = {
    type: 'GroupScheduleOccurrenceStudentsChanged',
    data: { groupId, ruleId, occurrenceStart, liveSessionId: 's1', joined: ['cem'], left: ['ben'] },
  };
  given([added, scheduled])
    .when({ ...change, joined: ['cem', 'ann'], left: ['ben', 'dora'] })
    .then([changed]);
  // Once recorded, the same change is nothing new; Ben coming back is.
  given([added, scheduled, changed])
    .when({ ...change, joined: ['cem'], left: ['ben'] })
    .thenNothing();
  given([added, scheduled, changed])
    .when({ ...change, joined: ['ben'], left: [] })
    .then([{ ...changed, data: { ...changed.data, joined: ['ben'], left: [] } }]);
  given([added])
    .when({ ...change, joined: ['cem'], left: [] })
    .thenThrows(NotFoundError);
});

rules(
  '"this and following" ends the rule and starts a successor with the new teacher on its local day',
  () => {
    const from = '2027-03-30T15:00:00.000Z';
    given([added])
      .when({
        type: 'SplitGroupScheduleRule',
        groupId,
        ruleId,
        newRuleId: 'r2',
        now,
        from,
        ...terms,
        teacherId: 'new teacher',
        localTime: '18:00',
      })
      .then([
        { type: 'GroupScheduleRuleEnded', data: { groupId, ruleId, endsAt: from } },
        {
          type: 'GroupScheduleRuleAdded',
          data: {
            groupId,
            ruleId: 'r2',
            ...terms,
            teacherId: 'new teacher',
            localTime: '18:00',
            startsOn: '2027-03-30',
            splitFrom: ruleId,
          },
        },
      ]);
    given([added])
      .when({
        type: 'SplitGroupScheduleRule',
        groupId,
        ruleId,
        newRuleId: 'r2',
        now,
        from: '2027-03-02T16:00:00.000Z',
        ...terms,
      })
      .thenThrows(RuleViolation, 'split_in_past');
  },
);

rules('a removed rule is gone', () => {
  const removed: GroupScheduleEvent = { type: 'GroupScheduleRuleRemoved', data: { groupId, ruleId } };
  given([added]).when({ type: 'RemoveGroupScheduleRule', groupId, ruleId, now }).then([removed]);
  given([added, removed])
    .when({ type: 'RemoveGroupScheduleRule', groupId, ruleId, now })
    .thenThrows(NotFoundError);
});

generation.run();
rules.run();
