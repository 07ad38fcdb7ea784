// An enrollment (a student's place on a course): a student on a course with a teacher, a default lesson length and a
// lesson cost in tokens. Schedule rules and homework hang off it (see the live-session follow-up).
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { NotFoundError, RuleViolation } from '../shared/errors.js';
import {
  decideHomework,
  evolveHomework,
  homeworkEvents,
  type HomeworkCommand,
  type HomeworkState,
} from './homework.js';
import {
  decideScheduleRule,
  evolveScheduleRules,
  scheduleRuleEvents,
  type ScheduleRuleCommand,
  type ScheduleRulesState,
} from './scheduleRules.js';

/** Whether a student who did not come is charged for the lesson (read by the completion flow). */
export const NoShowPolicy = z.enum(['free', 'charge']);
export type NoShowPolicy = z.infer<typeof NoShowPolicy>;

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
  z.object({
    type: z.literal('EnrollmentNoShowPolicyChanged'),
    data: z.object({ enrollmentId: z.string(), noShowPolicy: NoShowPolicy }),
  }),
  ...homeworkEvents,
  ...scheduleRuleEvents,
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
      /** Optional so one PATCH can change terms and policy in one append. */
      noShowPolicy?: NoShowPolicy;
    }
  | { type: 'ChangeNoShowPolicy'; enrollmentId: string; noShowPolicy: NoShowPolicy }
  | HomeworkCommand
  | ScheduleRuleCommand;

export type EnrollmentState =
  | { status: 'none' }
  | ({
      status: 'active';
      noShowPolicy: NoShowPolicy;
      homework: HomeworkState;
      scheduleRules: ScheduleRulesState;
    } & Enrolled);

const homeworkCommands = new Set<string>([
  'AssignHomework',
  'RescheduleHomework',
  'RemoveHomework',
  'StartHomework',
  'PassHomework',
  'VerifyHomework',
  'RevokeHomeworkVerification',
] satisfies HomeworkCommand['type'][]);
const isHomeworkCommand = (c: EnrollmentCommand): c is HomeworkCommand => homeworkCommands.has(c.type);
const homeworkEventTypes = new Set<string>(homeworkEvents.map((e) => e.shape.type.value));
type HomeworkEvent = Extract<EnrollmentEvent, { type: `Homework${string}` }>;
type ScheduleRuleEvent = Extract<EnrollmentEvent, { type: `Schedule${string}` }>;

export const enrollmentDecider: Decider<EnrollmentCommand, EnrollmentEvent, EnrollmentState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (command.type === 'EnrollStudent') {
      if (state.status !== 'none')
        throw new RuleViolation('enrollment_exists', 'this enrollment already exists');
      const { type: _t, ...data } = command;
      return [{ type: 'StudentEnrolled', data }];
    }
    if (state.status === 'none') throw new NotFoundError('enrollment');
    if (isHomeworkCommand(command)) return decideHomework(command, state.homework);
    switch (command.type) {
      case 'ChangeEnrollmentTerms': {
        const { enrollmentId, defaultLessonMinutes, lessonCostTokens, noShowPolicy } = command;
        const events: EnrollmentEvent[] = [];
        if (
          defaultLessonMinutes !== state.defaultLessonMinutes ||
          lessonCostTokens !== state.lessonCostTokens
        )
          events.push({
            type: 'EnrollmentTermsChanged',
            data: { enrollmentId, defaultLessonMinutes, lessonCostTokens },
          });
        if (noShowPolicy !== undefined && noShowPolicy !== state.noShowPolicy)
          events.push({ type: 'EnrollmentNoShowPolicyChanged', data: { enrollmentId, noShowPolicy } });
        return events;
      }
      case 'ChangeNoShowPolicy':
        if (command.noShowPolicy === state.noShowPolicy) return [];
        return [
          {
            type: 'EnrollmentNoShowPolicyChanged',
            data: { enrollmentId: command.enrollmentId, noShowPolicy: command.noShowPolicy },
          },
        ];
      default:
        return decideScheduleRule(command, state.scheduleRules);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'StudentEnrolled':
        return {
          status: 'active',
          noShowPolicy: 'free',
          homework: {},
          scheduleRules: { rules: {}, occurrences: {} },
          ...event.data,
        };
      case 'EnrollmentTermsChanged':
        return state.status === 'none' ? state : { ...state, ...event.data };
      case 'EnrollmentNoShowPolicyChanged':
        return state.status === 'none' ? state : { ...state, noShowPolicy: event.data.noShowPolicy };
      default:
        if (state.status === 'none') return state;
        if (homeworkEventTypes.has(event.type))
          return { ...state, homework: evolveHomework(state.homework, event as HomeworkEvent) };
        return {
          ...state,
          scheduleRules: evolveScheduleRules(state.scheduleRules, event as ScheduleRuleEvent),
        };
    }
  },
};
