// The rules of scheduling a live session, as specifications.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { liveSessionDecider } from '../../domain/liveSession/decider.js';
import type { ScheduleLiveSession } from '../../domain/liveSession/commands.js';
import type { LiveSessionEvent } from '../../domain/liveSession/events.js';
import { NotFoundError, RuleViolation } from '../../domain/shared/errors.js';

const now = '2026-11-23T08:00:00.000Z';
const id = '00000000-0000-4000-8000-000000000001';
const schedule: ScheduleLiveSession = {
  type: 'ScheduleLiveSession',
  liveSessionId: id,
  now,
  orgId: 'org',
  kind: 'group',
  courseId: 'course',
  courseLessonId: null,
  teacherId: 'teacher',
  enrollmentId: null,
  studentGroupId: null,
  participants: [
    { studentId: 's1', enrollmentId: 'e1' },
    { studentId: 's2', enrollmentId: null },
  ],
  start: '2026-11-24T16:00:00.000Z',
  durationMinutes: 60,
  timeZone: 'Europe/Berlin',
  title: 'Present Tense Review',
  notes: null,
};
const { type: _t, now: _n, ...scheduledData } = schedule;
const scheduled: LiveSessionEvent = { type: 'LiveSessionScheduled', data: scheduledData };
const canceled: LiveSessionEvent = {
  type: 'LiveSessionCanceled',
  data: { liveSessionId: id, reason: 'sick' },
};
const given = spec(liveSessionDecider).given;

const scheduling = suite('scheduling a live session');
scheduling('a new group session is scheduled', () => given([]).when(schedule).then([scheduled]));
scheduling('it cannot start in the past', () =>
  given([])
    .when({ ...schedule, start: '2026-11-22T16:00:00.000Z' })
    .thenThrows(RuleViolation, 'start_in_past'),
);
scheduling('durations outside 5..480 minutes are refused', () => {
  given([])
    .when({ ...schedule, durationMinutes: 4 })
    .thenThrows(RuleViolation, 'invalid_duration');
  given([])
    .when({ ...schedule, durationMinutes: 481 })
    .thenThrows(RuleViolation, 'invalid_duration');
});
scheduling('an individual session is for exactly one enrollment', () => {
  given([])
    .when({ ...schedule, kind: 'individual', enrollmentId: 'e1' })
    .thenThrows(RuleViolation, 'individual_session');
  given([])
    .when({
      ...schedule,
      kind: 'individual',
      enrollmentId: null,
      participants: [{ studentId: 's1', enrollmentId: 'e1' }],
    })
    .thenThrows(RuleViolation, 'individual_session');
});
scheduling('a group session needs students, each once', () => {
  given([])
    .when({ ...schedule, participants: [] })
    .thenThrows(RuleViolation, 'no_participants');
  given([])
    .when({
      ...schedule,
      participants: [
        { studentId: 's1', enrollmentId: null },
        { studentId: 's1', enrollmentId: null },
      ],
    })
    .thenThrows(RuleViolation, 'duplicate_participant');
});
scheduling('the same session cannot be scheduled twice', () =>
  given([scheduled]).when(schedule).thenThrows(RuleViolation, 'already_scheduled'),
);
scheduling.run();

const changes = suite('changing a scheduled session');
changes('reschedule moves it', () =>
  given([scheduled])
    .when({
      type: 'RescheduleLiveSession',
      liveSessionId: id,
      now,
      start: '2026-11-25T16:00:00.000Z',
      durationMinutes: 45,
      timeZone: 'UTC',
    })
    .then([
      {
        type: 'LiveSessionRescheduled',
        data: { liveSessionId: id, start: '2026-11-25T16:00:00.000Z', durationMinutes: 45, timeZone: 'UTC' },
      },
    ]),
);
changes('rescheduling to the same time records nothing', () =>
  given([scheduled])
    .when({
      type: 'RescheduleLiveSession',
      liveSessionId: id,
      now,
      start: schedule.start,
      durationMinutes: 60,
      timeZone: 'Europe/Berlin',
    })
    .thenNothing(),
);
changes('a student joins and leaves a group', () => {
  given([scheduled])
    .when({
      type: 'AddParticipant',
      liveSessionId: id,
      now,
      participant: { studentId: 's3', enrollmentId: null },
    })
    .then([
      {
        type: 'LiveSessionParticipantAdded',
        data: { liveSessionId: id, studentId: 's3', enrollmentId: null },
      },
    ]);
  given([scheduled])
    .when({ type: 'RemoveParticipant', liveSessionId: id, now, studentId: 's2' })
    .then([{ type: 'LiveSessionParticipantRemoved', data: { liveSessionId: id, studentId: 's2' } }]);
});
changes('the last student of a group cannot be removed', () =>
  given([scheduled, { type: 'LiveSessionParticipantRemoved', data: { liveSessionId: id, studentId: 's2' } }])
    .when({ type: 'RemoveParticipant', liveSessionId: id, now, studentId: 's1' })
    .thenThrows(RuleViolation, 'last_participant'),
);
changes('cancel with a reason; canceling twice records nothing', () => {
  given([scheduled])
    .when({ type: 'CancelLiveSession', liveSessionId: id, now, reason: 'sick' })
    .then([canceled]);
  given([scheduled, canceled])
    .when({ type: 'CancelLiveSession', liveSessionId: id, now, reason: 'sick' })
    .thenNothing();
});
changes('a canceled session cannot be rescheduled', () =>
  given([scheduled, canceled])
    .when({
      type: 'RescheduleLiveSession',
      liveSessionId: id,
      now,
      start: schedule.start,
      durationMinutes: 30,
      timeZone: 'UTC',
    })
    .thenThrows(RuleViolation, 'session_canceled'),
);
changes('commands on a session that does not exist', () =>
  given([])
    .when({ type: 'CancelLiveSession', liveSessionId: id, now, reason: 'x' })
    .thenThrows(NotFoundError),
);
changes.run();
