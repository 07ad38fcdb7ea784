// The rules of an enrollment's terms and no-show policy, as specifications.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { enrollmentDecider, type EnrollmentEvent } from '../../domain/enrollment/enrollment.js';
import { NotFoundError } from '../../domain/shared/errors.js';

const enrollmentId = 'e1';
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
const given = spec(enrollmentDecider).given;

const policy = suite('the no-show policy of an enrollment');

policy('is free until changed: charging is recorded once', () => {
  given([enrolled])
    .when({ type: 'ChangeNoShowPolicy', enrollmentId, noShowPolicy: 'charge' })
    .then([{ type: 'EnrollmentNoShowPolicyChanged', data: { enrollmentId, noShowPolicy: 'charge' } }]);
  given([enrolled]).when({ type: 'ChangeNoShowPolicy', enrollmentId, noShowPolicy: 'free' }).thenNothing();
});

policy('the state says charge after the change', () => {
  const changed: EnrollmentEvent = {
    type: 'EnrollmentNoShowPolicyChanged',
    data: { enrollmentId, noShowPolicy: 'charge' },
  };
  const state = [enrolled, changed].reduce(enrollmentDecider.evolve, enrollmentDecider.initialState());
  if (state.status !== 'active' || state.noShowPolicy !== 'charge') throw new Error('expected charge');
  given([enrolled, changed])
    .when({ type: 'ChangeNoShowPolicy', enrollmentId, noShowPolicy: 'charge' })
    .thenNothing();
});

policy('changing terms and policy together appends both, only what changed', () => {
  given([enrolled])
    .when({
      type: 'ChangeEnrollmentTerms',
      enrollmentId,
      defaultLessonMinutes: 60,
      lessonCostTokens: 4,
      noShowPolicy: 'charge',
    })
    .then([
      {
        type: 'EnrollmentTermsChanged',
        data: { enrollmentId, defaultLessonMinutes: 60, lessonCostTokens: 4 },
      },
      { type: 'EnrollmentNoShowPolicyChanged', data: { enrollmentId, noShowPolicy: 'charge' } },
    ]);
  given([enrolled])
    .when({ type: 'ChangeEnrollmentTerms', enrollmentId, defaultLessonMinutes: 45, lessonCostTokens: 4 })
    .thenNothing();
});

policy('an unknown enrollment is not found', () => {
  given([])
    .when({ type: 'ChangeNoShowPolicy', enrollmentId, noShowPolicy: 'charge' })
    .thenThrows(NotFoundError);
});

policy.run();
