// Lesson content, the write side: who may read and revise the document of a course lesson or of an instant lesson
// made in a live room. Answers to its exercises are in lessonAnswers.ts; the rules are in domain/lessonContent.
import { ForbiddenError, NotFoundError } from '../domain/shared/errors.js';
import type { Role } from '../db/people.table.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { courses, lessonContents, rooms } from './aggregates.js';
import { roomMembership } from '../auth/roomAccess.js';
import type { Actor } from '../auth/sessions.js';
import {
  parseLessonDocument,
  SCHEMA_VERSION,
  DEFAULT_PASS_MARK,
  type LessonDocument,
} from '../domain/lessonContent/document.js';
import type { Revision } from '../domain/lessonContent/content.js';

export type Deps = { db: Db; eventStore: EventStore };
export type ContentActor = { personId: string; orgId: string; role: Role };

export const emptyDocument = (): LessonDocument => ({
  schemaVersion: SCHEMA_VERSION,
  passMark: DEFAULT_PASS_MARK,
  blocks: [],
});

/** A lesson of a course of the actor's organisation, or "not found". */
async function requireCourseLesson(deps: Deps, actor: ContentActor, courseId: string, lessonId: string) {
  const course = (await loadAggregate(deps.eventStore, courses, courseId)).state;
  if (
    course.status === 'none' ||
    course.orgId !== actor.orgId ||
    !course.lessons.some((l) => l.lessonId === lessonId)
  )
    throw new NotFoundError('lesson');
}

export async function loadContent(deps: Deps, lessonId: string) {
  return loadAggregate(deps.eventStore, lessonContents, lessonId);
}

/** The content of a course lesson (an empty document at revision 0 when nothing was written yet). */
export async function courseLessonContent(
  deps: Deps,
  actor: ContentActor,
  courseId: string,
  lessonId: string,
) {
  await requireCourseLesson(deps, actor, courseId, lessonId);
  const { state, revision: streamRevision } = await loadContent(deps, lessonId);
  if (state.status === 'none' || state.courseId !== courseId)
    return { revision: 0, streamRevision: -1, current: null as Revision | null };
  return { revision: state.revision, streamRevision, current: state.revisions[state.revision]! };
}

/** Teachers and admins write a course lesson's document (validated whole; nothing is appended when it fails). */
export async function reviseCourseLessonContent(
  deps: Deps,
  actor: ContentActor,
  courseId: string,
  lessonId: string,
  input: unknown,
  context: CommandContext,
) {
  if (actor.role === 'student')
    throw new ForbiddenError('teacher_or_admin_only', 'only teachers and admins write lesson content');
  const document = parseLessonDocument(input, 'body');
  await requireCourseLesson(deps, actor, courseId, lessonId);
  return revise(deps, actor, { lessonId, courseId, document }, context);
}

/** Appends the new revision (nothing when the document did not change). */
function revise(
  deps: Deps,
  actor: ContentActor,
  target: { lessonId: string; courseId: string | null; document: LessonDocument },
  context: CommandContext,
) {
  return handleCommand(
    deps.eventStore,
    lessonContents,
    target.lessonId,
    { type: 'ReviseLessonContent', ...target, orgId: actor.orgId, by: actor.personId, now: context.now },
    context,
  );
}

// ---- Instant lessons: made in a live room, not in the course list. ----

/** An instant lesson of a room the actor is in (a stranger gets "not found"), and whether they host it. */
export async function requireInstantLesson(deps: Deps, actor: Actor, roomId: string, lessonId: string) {
  const { info, roomRole } = await roomMembership(deps, actor, roomId);
  const room = (await loadAggregate(deps.eventStore, rooms, roomId)).state;
  if (!room.instantLessons.some((l) => l.lessonId === lessonId)) throw new NotFoundError('lesson');
  return { info, host: roomRole === 'host' };
}

/** The content of an instant lesson (empty at revision 0 until the teacher writes it). */
export async function instantLessonContent(deps: Deps, actor: Actor, roomId: string, lessonId: string) {
  const { host } = await requireInstantLesson(deps, actor, roomId, lessonId);
  const { state, revision: streamRevision } = await loadContent(deps, lessonId);
  const current = state.status === 'active' ? state.revisions[state.revision]! : null;
  return { host, streamRevision, current };
}

/** The room's host (the teacher, an admin, a training's trainer) writes an instant lesson's document. */
export async function reviseInstantLessonContent(
  deps: Deps,
  actor: Actor,
  roomId: string,
  lessonId: string,
  input: unknown,
  context: CommandContext,
) {
  if (actor.role === 'student')
    throw new ForbiddenError('teacher_or_admin_only', 'only teachers and admins write lesson content');
  const document = parseLessonDocument(input, 'body');
  const { host } = await requireInstantLesson(deps, actor, roomId, lessonId);
  if (!host) throw new ForbiddenError('host_only', 'only the teacher of this room writes its lessons');
  return revise(deps, actor, { lessonId, courseId: null, document }, context);
}
