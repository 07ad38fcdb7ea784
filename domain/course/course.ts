// A course: a name and an ordered list of lessons (class, homework, independent).
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { NotFoundError, RuleViolation } from '../shared/errors.js';

export const LessonKind = z.enum(['class', 'homework', 'independent']);
const Lesson = z.object({ lessonId: z.string(), title: z.string(), kind: LessonKind });
export type Lesson = z.infer<typeof Lesson>;

export const CourseEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('CourseCreated'),
    data: z.object({ courseId: z.string(), orgId: z.string(), name: z.string(), lessons: z.array(Lesson) }),
  }),
  z.object({ type: z.literal('CourseRenamed'), data: z.object({ courseId: z.string(), name: z.string() }) }),
  z.object({
    type: z.literal('CourseLessonAdded'),
    data: z.object({ courseId: z.string(), lesson: Lesson }),
  }),
]);
export type CourseEvent = z.infer<typeof CourseEvent>;

export type CourseCommand =
  | { type: 'CreateCourse'; courseId: string; orgId: string; name: string; lessons: Lesson[] }
  | { type: 'RenameCourse'; courseId: string; name: string }
  | { type: 'AddCourseLesson'; courseId: string; lesson: Lesson };

export type CourseState =
  { status: 'none' } | { status: 'active'; courseId: string; orgId: string; name: string; lessons: Lesson[] };

export const courseDecider: Decider<CourseCommand, CourseEvent, CourseState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (command.type === 'CreateCourse') {
      if (state.status !== 'none') throw new RuleViolation('already_exists', 'this course already exists');
      const { type: _t, ...data } = command;
      return [{ type: 'CourseCreated', data }];
    }
    if (state.status === 'none') throw new NotFoundError('course not found');
    switch (command.type) {
      case 'RenameCourse':
        return command.name === state.name
          ? []
          : [{ type: 'CourseRenamed', data: { courseId: command.courseId, name: command.name } }];
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
      case 'CourseLessonAdded':
        return state.status === 'none' ? state : { ...state, lessons: [...state.lessons, event.data.lesson] };
      default: {
        const _exhaustive: never = event;
        return state;
      }
    }
  },
};
