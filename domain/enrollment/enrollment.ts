// An enrollment (seed "StudentCourse"): a student on a course with a teacher, a default lesson length and a
// lesson cost in tokens. Schedule rules and homework hang off it (see the live-session follow-up).
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { NotFoundError, RuleViolation } from '../shared/errors.js';

export const EnrollmentEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('StudentEnrolled'),
    data: z.object({
      enrollmentId: z.string(),
      orgId: z.string(),
      courseId: z.string(),
      studentId: z.string(),
      teacherId: z.string(),
      defaultLessonMinutes: z.number(),
      lessonCostTokens: z.number(),
    }),
  }),
  z.object({
    type: z.literal('EnrollmentTermsChanged'),
    data: z.object({
      enrollmentId: z.string(),
      defaultLessonMinutes: z.number(),
      lessonCostTokens: z.number(),
    }),
  }),
]);
export type EnrollmentEvent = z.infer<typeof EnrollmentEvent>;
type Enrolled = Extract<EnrollmentEvent, { type: 'StudentEnrolled' }>['data'];

export type EnrollmentCommand =
  | ({ type: 'EnrollStudent' } & Enrolled)
  | {
      type: 'ChangeEnrollmentTerms';
      enrollmentId: string;
      defaultLessonMinutes: number;
      lessonCostTokens: number;
    };

export type EnrollmentState = { status: 'none' } | ({ status: 'active' } & Enrolled);

export const enrollmentDecider: Decider<EnrollmentCommand, EnrollmentEvent, EnrollmentState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (command.type === 'EnrollStudent') {
      if (state.status !== 'none')
        throw new RuleViolation('already_exists', 'this enrollment already exists');
      const { type: _t, ...data } = command;
      return [{ type: 'StudentEnrolled', data }];
    }
    if (state.status === 'none') throw new NotFoundError('enrollment not found');
    const { enrollmentId, defaultLessonMinutes, lessonCostTokens } = command;
    if (defaultLessonMinutes === state.defaultLessonMinutes && lessonCostTokens === state.lessonCostTokens)
      return [];
    return [
      { type: 'EnrollmentTermsChanged', data: { enrollmentId, defaultLessonMinutes, lessonCostTokens } },
    ];
  },
  evolve(state, event) {
    switch (event.type) {
      case 'StudentEnrolled':
        return { status: 'active', ...event.data };
      case 'EnrollmentTermsChanged':
        return state.status === 'none' ? state : { ...state, ...event.data };
      default: {
        const _exhaustive: never = event;
        return state;
      }
    }
  },
};
