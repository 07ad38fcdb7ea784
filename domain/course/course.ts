// A course: a name, the language it teaches (its lesson analyses are written in it) and an ordered list of
// lessons (class, homework, independent).
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { NotFoundError, RuleViolation } from '../shared/errors.js';
import { TaughtLanguage } from '../shared/languages.js';

export const LessonKind = z.enum(['class', 'homework', 'independent']);
const Lesson = z.object({ lessonId: z.string(), title: z.string(), kind: LessonKind });
export type Lesson = z.infer<typeof Lesson>;

export const CourseEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('CourseCreated'),
    data: z.object({
      courseId: z.string(),
      orgId: z.string(),
      name: z.string(),
      /** The language the course teaches; null when not set (courses made before it could be). */
      language: TaughtLanguage.nullable().default(null),
      lessons: z.array(Lesson),
    }),
  }),
  z.object({ type: z.literal('CourseRenamed'), data: z.object({ courseId: z.string(), name: z.string() }) }),
  z.object({
    type: z.literal('CourseLanguageSet'),
    data: z.object({ courseId: z.string(), language: TaughtLanguage.nullable() }),
  }),
  z.object({
    type: z.literal('CourseLessonAdded'),
    data: z.object({ courseId: z.string(), lesson: Lesson }),
  }),
]);
export type CourseEvent = z.infer<typeof CourseEvent>;

export type CourseCommand =
  | {
      type: 'CreateCourse';
      courseId: string;
      orgId: string;
      name: string;
      language?: TaughtLanguage | null;
      lessons: Lesson[];
    }
  | { type: 'ChangeCourse'; courseId: string; name?: string; language?: TaughtLanguage | null }
  | { type: 'AddCourseLesson'; courseId: string; lesson: Lesson };

export type CourseState =
  | { status: 'none' }
  | {
      status: 'active';
      courseId: string;
      orgId: string;
      name: string;
      language: TaughtLanguage | null;
      lessons: Lesson[];
    };

export const courseDecider: Decider<CourseCommand, CourseEvent, CourseState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (command.type === 'CreateCourse') {
      if (state.status !== 'none') throw new RuleViolation('course_exists', 'this course already exists');
      const { type: _t, language, ...data } = command;
      return [{ type: 'CourseCreated', data: { ...data, language: language ?? null } }];
    }
    if (state.status === 'none') throw new NotFoundError('course');
    switch (command.type) {
      case 'ChangeCourse': {
        const { courseId, name, language } = command;
        return [
          ...(name !== undefined && name !== state.name
            ? [{ type: 'CourseRenamed' as const, data: { courseId, name } }]
            : []),
          ...(language !== undefined && language !== state.language
            ? [{ type: 'CourseLanguageSet' as const, data: { courseId, language } }]
            : []),
        ];
      }
      case 'AddCourseLesson':
        if (state.lessons.some((l) => l.lessonId === command.lesson.lessonId)) return [];
        return [{ type: 'CourseLessonAdded', data: { courseId: command.courseId, lesson: command.lesson } }];
      default: {
        const _exhaustive: never = command;
        return [];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'CourseCreated':
        return { status: 'active', ...event.data };
      case 'CourseRenamed':
        return state.status === 'none' ? state : { ...state, name: event.data.name };
      case 'CourseLanguageSet':
        return state.status === 'none' ? state : { ...state, language: event.data.language };
      case 'CourseLessonAdded':
        return state.status === 'none' ? state : { ...state, lessons: [...state.lessons, event.data.lesson] };
      default: {
        const _exhaustive: never = event;
        return state;
      }
    }
  },
};
