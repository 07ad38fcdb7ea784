// Lesson content: the document of a course lesson or of an instant lesson made in a live room (text, vocabulary
// and exercises). Teachers and admins (an instant lesson: the room's host) write it and export it; everyone
// else who may see the lesson reads the student view (no correct answers). Answers are in lessonAnswers.ts.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { afterWrite, commandContext, etag, requireActor } from '../http.js';
import { errors } from './schemas.js';
import {
  LessonDocumentShape,
  MAX_DOCUMENT_BYTES,
  SCHEMA_VERSION,
} from '../../domain/lessonContent/document.js';
import {
  courseLessonContent,
  emptyDocument,
  instantLessonContent,
  reviseCourseLessonContent,
  reviseInstantLessonContent,
} from '../../commands/lessonContent.js';
import { DuplicatedLessonSchema, LessonContentSchema, LessonDocumentOut } from '../../contract/lessons.js';
import { duplicateCourseLesson } from '../../commands/lessonContentDuplicate.js';
import { newId } from './ids.js';
import { contentView } from './lessonContentViews.js';
import { InstantParams, lessonAnswerRoutes } from './lessonAnswers.js';
import { homeworkHandInRoutes } from './homeworkHandIn.js';

const LessonParams = z.object({ courseId: z.uuid(), lessonId: z.uuid() });

/**
 * A lesson's document may be up to 1 MiB: its PUT takes a body a little larger than that (the app-wide limit is
 * 1 MiB), so an oversize document reaches the document check and gets a 400 naming the limit, not a bare 413.
 */
export const LESSON_BODY_LIMIT = MAX_DOCUMENT_BYTES + 32 * 1024;

/** The lesson content routes, with the answers (live session, homework) and the homework hand-in. */
export async function lessonContentRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- Content of a course lesson ----

  r.get(
    '/api/courses/:courseId/lessons/:lessonId/content',
    {
      schema: {
        tags: ['lesson content'],
        description:
          'The latest revision: the whole document for teachers and admins, the student view for students',
        params: LessonParams,
        response: { 200: LessonContentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { courseId, lessonId } = request.params;
      const content = await courseLessonContent(deps, actor, courseId, lessonId);
      reply.header('etag', etag(content.streamRevision));
      return contentView(lessonId, actor, content.current, false);
    },
  );

  r.get(
    '/api/courses/:courseId/lessons/:lessonId/content/export',
    {
      schema: {
        tags: ['lesson content'],
        description: `The document as JSON (schemaVersion ${SCHEMA_VERSION}), to import with PUT .../content`,
        params: LessonParams,
        response: { 200: LessonDocumentOut, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { courseId, lessonId } = request.params;
      const content = await courseLessonContent(deps, actor, courseId, lessonId);
      reply.header('content-disposition', `attachment; filename="lesson-${lessonId}.json"`);
      return (content.current?.document ?? emptyDocument()) as z.infer<typeof LessonDocumentOut>;
    },
  );

  r.put(
    '/api/courses/:courseId/lessons/:lessonId/content',
    {
      bodyLimit: LESSON_BODY_LIMIT,
      schema: {
        tags: ['lesson content'],
        description: `Writes a new revision (also the import of an exported document). At most ${MAX_DOCUMENT_BYTES} bytes and 200 exercises; every exercise needs a correct answer. If-Match pins the revision (ETag).`,
        params: LessonParams,
        body: LessonDocumentShape,
        response: { 200: LessonContentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { courseId, lessonId } = request.params;
      const context = commandContext(deps, request, actor);
      const result = await reviseCourseLessonContent(deps, actor, courseId, lessonId, request.body, context);
      await afterWrite(deps, reply, result);
      const state = result.state;
      const current = state.status === 'active' ? state.revisions[state.revision]! : null;
      return contentView(lessonId, actor, current, false);
    },
  );

  r.post(
    '/api/courses/:courseId/lessons/:lessonId/duplicate',
    {
      schema: {
        tags: ['lesson content'],
        description:
          'Teachers and admins duplicate a lesson: a new lesson of the same type at the end of the course, with a copy of its latest content (title default "<title> (copy)")',
        params: LessonParams,
        body: z.object({ title: z.string().trim().min(1).max(200).optional() }),
        response: { 201: DuplicatedLessonSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { courseId, lessonId } = request.params;
      const context = commandContext(deps, request, actor);
      const input = { newLessonId: newId(context.idempotencyKey), title: request.body.title };
      const copy = await duplicateCourseLesson(deps, actor, courseId, lessonId, input, context);
      await afterWrite(deps, reply, copy.result);
      return reply.status(201).send({ courseId, ...copy.lesson, revision: copy.revision });
    },
  );

  // ---- Content of an instant lesson (made in a live room) ----

  r.get(
    '/api/rooms/:roomId/instant-lessons/:lessonId/content',
    {
      schema: {
        tags: ['lesson content'],
        description:
          "An instant lesson's content: the whole document for the room's teacher, the student view for students",
        params: InstantParams,
        response: { 200: LessonContentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { roomId, lessonId } = request.params;
      const content = await instantLessonContent(deps, actor, roomId, lessonId);
      reply.header('etag', etag(content.streamRevision));
      return contentView(lessonId, actor, content.current, false);
    },
  );

  r.put(
    '/api/rooms/:roomId/instant-lessons/:lessonId/content',
    {
      bodyLimit: LESSON_BODY_LIMIT,
      schema: {
        tags: ['lesson content'],
        description:
          "The room's teacher writes a new revision of an instant lesson (same format and limits as a course lesson)",
        params: InstantParams,
        body: LessonDocumentShape,
        response: { 200: LessonContentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { roomId, lessonId } = request.params;
      const context = commandContext(deps, request, actor);
      const result = await reviseInstantLessonContent(deps, actor, roomId, lessonId, request.body, context);
      await afterWrite(deps, reply, result);
      const state = result.state;
      const current = state.status === 'active' ? state.revisions[state.revision]! : null;
      return contentView(lessonId, actor, current, false);
    },
  );

  await lessonAnswerRoutes(app, deps);
  await homeworkHandInRoutes(app, deps);
}
