// Duplicating a course lesson: a new lesson of the same type at the end of the course, with a copy of the source's
// latest content. Teachers and admins of the organisation may (like writing content); students may not.
import { ForbiddenError, NotFoundError } from '../domain/shared/errors.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { courses, lessonContents } from './aggregates.js';
import { loadContent, type ContentActor, type Deps } from './lessonContent.js';

export async function duplicateCourseLesson(
  deps: Deps,
  actor: ContentActor,
  courseId: string,
  lessonId: string,
  input: { newLessonId: string; title: string | undefined },
  context: CommandContext,
) {
  if (actor.role === 'student')
    throw new ForbiddenError('teacher_or_admin_only', 'only teachers and admins duplicate lessons');
  const course = (await loadAggregate(deps.eventStore, courses, courseId)).state;
  const source =
    course.status === 'active' && course.orgId === actor.orgId
      ? course.lessons.find((l) => l.lessonId === lessonId)
      : undefined;
  if (!source) throw new NotFoundError('lesson');
  const title = input.title ?? `${source.title} (copy)`.slice(0, 200);
  const lesson = { lessonId: input.newLessonId, title, kind: source.kind };
  const added = await handleCommand(
    deps.eventStore,
    courses,
    courseId,
    { type: 'AddCourseLesson', courseId, lesson },
    context,
  );
  const { state } = await loadContent(deps, lessonId);
  if (state.status === 'none' || state.courseId !== courseId) return { lesson, revision: 0, result: added };
  const copied = await handleCommand(
    deps.eventStore,
    lessonContents,
    lesson.lessonId,
    {
      type: 'ReviseLessonContent',
      lessonId: lesson.lessonId,
      courseId,
      orgId: actor.orgId,
      document: state.revisions[state.revision]!.document,
      by: actor.personId,
      now: context.now,
    },
    {
      ...context,
      ifMatch: undefined,
      idempotencyKey: context.idempotencyKey && `${context.idempotencyKey}:content`,
      requestHash: undefined,
    },
  );
  const revision = copied.state.status === 'active' ? copied.state.revision : 0;
  return { lesson, revision, result: copied };
}
