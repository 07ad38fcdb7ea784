// The rules of homework on an enrollment, as specifications: Added -> Started -> Passed -> Verified.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { enrollmentDecider, type EnrollmentEvent } from '../../domain/enrollment/enrollment.js';
import { NotFoundError, RuleViolation } from '../../domain/shared/errors.js';

const enrollmentId = 'e1';
const homeworkId = 'h1';
const now = '2026-11-23T08:00:00.000Z';
const ref = { enrollmentId, homeworkId };
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
const assigned: EnrollmentEvent = {
  type: 'HomeworkAssigned',
  data: { ...ref, courseLessonId: 'l3', scheduledFor: '2026-11-26T17:00:00.000Z', at: now },
};
const started: EnrollmentEvent = { type: 'HomeworkStarted', data: { ...ref, at: now } };
const passed: EnrollmentEvent = { type: 'HomeworkPassed', data: { ...ref, at: now } };
const verified: EnrollmentEvent = { type: 'HomeworkVerified', data: { ...ref, at: now } };
const given = spec(enrollmentDecider).given;
const cmd = <T extends string>(type: T) => ({ type, ...ref, now });

const homework = suite('homework on an enrollment');

homework('assigning a lesson adds it; the same lesson twice is refused', () => {
  given([enrolled])
    .when({ ...cmd('AssignHomework'), courseLessonId: 'l3', scheduledFor: '2026-11-26T17:00:00.000Z' })
    .then([assigned]);
  given([enrolled, assigned])
    .when({ ...cmd('AssignHomework'), homeworkId: 'h2', courseLessonId: 'l3', scheduledFor: null })
    .thenThrows(RuleViolation, 'homework_already_assigned');
});

homework('the student starts and passes it, then the teacher verifies it', () => {
  given([enrolled, assigned]).when(cmd('StartHomework')).then([started]);
  given([enrolled, assigned, started]).when(cmd('StartHomework')).thenNothing();
  given([enrolled, assigned, started]).when(cmd('PassHomework')).then([passed]);
  given([enrolled, assigned]).when(cmd('PassHomework')).then([passed]);
  given([enrolled, assigned, started, passed]).when(cmd('VerifyHomework')).then([verified]);
});

homework('only passed homework is verified; verified homework is revoked before it changes or goes', () => {
  given([enrolled, assigned, started])
    .when(cmd('VerifyHomework'))
    .thenThrows(RuleViolation, 'homework_not_passed');
  given([enrolled, assigned, passed, verified])
    .when(cmd('RemoveHomework'))
    .thenThrows(RuleViolation, 'homework_verified');
  given([enrolled, assigned, passed, verified])
    .when(cmd('PassHomework'))
    .thenThrows(RuleViolation, 'homework_already_verified');
  given([enrolled, assigned, passed, verified])
    .when(cmd('RevokeHomeworkVerification'))
    .then([{ type: 'HomeworkVerificationRevoked', data: ref }]);
});

homework('removed homework is gone and its lesson can be assigned again', () => {
  const removed: EnrollmentEvent = { type: 'HomeworkRemoved', data: ref };
  given([enrolled, assigned]).when(cmd('RemoveHomework')).then([removed]);
  given([enrolled, assigned, removed]).when(cmd('StartHomework')).thenThrows(NotFoundError);
  given([enrolled, assigned, removed])
    .when({ ...cmd('AssignHomework'), homeworkId: 'h2', courseLessonId: 'l3', scheduledFor: null })
    .then([
      {
        type: 'HomeworkAssigned',
        data: { enrollmentId, homeworkId: 'h2', courseLessonId: 'l3', scheduledFor: null, at: now },
      },
    ]);
});

homework('rescheduling moves the date; the same date changes nothing', () => {
  given([enrolled, assigned])
    .when({ ...cmd('RescheduleHomework'), scheduledFor: null })
    .then([{ type: 'HomeworkRescheduled', data: { ...ref, scheduledFor: null } }]);
  given([enrolled, assigned])
    .when({ ...cmd('RescheduleHomework'), scheduledFor: '2026-11-26T17:00:00.000Z' })
    .thenNothing();
});

homework.run();
