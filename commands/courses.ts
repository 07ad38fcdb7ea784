// Courses and their ordered lessons: the write side of the course routes (stream `course-<courseId>`).
import type { Lesson } from '../domain/course/course.js';
import type { TaughtLanguage } from '../domain/shared/languages.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { courses } from './aggregates.js';

type Deps = { eventStore: EventStore };

export function createCourse(
  deps: Deps,
  orgId: string,
  courseId: string,
  input: { name: string; language: TaughtLanguage | null; lessons: Lesson[] },
  context: CommandContext,
) {
  return handleCommand(
    deps.eventStore,
    courses,
    courseId,
    { type: 'CreateCourse', courseId, orgId, ...input },
    context,
  );
}

/** Renames a course and sets the language it teaches (each only when given and different). */
export function changeCourse(
  deps: Deps,
  courseId: string,
  input: { name?: string; language?: TaughtLanguage | null },
  context: CommandContext,
) {
  return handleCommand(
    deps.eventStore,
    courses,
    courseId,
    { type: 'ChangeCourse', courseId, ...input },
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

/** A course's name as its stream holds it, for answers that must not wait for the catalog read model. */
export async function courseNameOf(deps: Deps, courseId: string): Promise<string | null> {
  const { state } = await loadAggregate(deps.eventStore, courses, courseId);
  return state.status === 'active' ? state.name : null;
}
