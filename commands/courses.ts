// Courses and their ordered lessons: the write side of the course routes (stream `course-<courseId>`).
import type { Lesson } from '../domain/course/course.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, type CommandContext } from './handleCommand.js';
import { courses } from './aggregates.js';

type Deps = { eventStore: EventStore };

export function createCourse(
  deps: Deps,
  orgId: string,
  courseId: string,
  input: { name: string; lessons: Lesson[] },
  context: CommandContext,
) {
  return handleCommand(
    deps.eventStore,
    courses,
    courseId,
    { type: 'CreateCourse', courseId, orgId, name: input.name, lessons: input.lessons },
    context,
  );
}

export function addCourseLesson(deps: Deps, courseId: string, lesson: Lesson, context: CommandContext) {
  return handleCommand(
    deps.eventStore,
    courses,
    courseId,
    { type: 'AddCourseLesson', courseId, lesson },
    context,
  );
}
