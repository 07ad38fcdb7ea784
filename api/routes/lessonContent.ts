// Lesson content (a course lesson's document of text, vocabulary and exercises) and the answers students give to
// its exercises in a live session or a homework item. Teachers and admins write content and see everyone's
// answers; a student reads the student view (no correct answers until they are revealed) and their own answers.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../../auth/sessions.js';
import { afterWrite, commandContext, etag, requireActor } from '../http.js';
import { errors } from './schemas.js';
import {
  LessonDocumentShape,
  MAX_DOCUMENT_BYTES,
  SCHEMA_VERSION,
  exercisesOf,
  maxPointsOf,
  studentView,
  type LessonDocument,
} from '../../domain/lessonContent/document.js';
import { Answer, answerKey } from '../../domain/lessonContent/grading.js';
import type { Revision } from '../../domain/lessonContent/content.js';
import {
  contentIn,
  courseLessonContent,
  emptyDocument,
  gradeEssay,
  handInAnswers,
  instantLessonContent,
  reviseInstantLessonContent,
  homeworkPlace,
  livePlace,
  revealAnswers,
  reviseCourseLessonContent,
  submitAnswer,
} from '../../commands/lessonContent.js';
import { answersIn } from '../../projections/lessonAnswers/queries.js';
import { ForbiddenError } from '../../domain/shared/errors.js';

const LessonParams = z.object({ courseId: z.uuid(), lessonId: z.uuid() });
const SessionParams = z.object({ id: z.uuid() });
const HomeworkParams = z.object({ id: z.uuid(), homeworkId: z.uuid() });
const ExerciseIdParam = z.string().min(1).max(64);

const DocumentOut = z
  .object({
    schemaVersion: z.number(),
    passMark: z.number(),
    blocks: z.array(z.record(z.string(), z.unknown())),
  })
  .passthrough();
const ContentOut = z.object({
  lessonId: z.string(),
  revision: z.number().describe('0 while the lesson has no content'),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  view: z.enum(['full', 'student']).describe('student: no correct answers'),
  revealed: z.boolean(),
  document: DocumentOut,
});
const AnswerBody = z.object({ exerciseId: ExerciseIdParam, answer: Answer });
const GradeBody = z.object({
  points: z.number().min(0).max(100),
  comment: z.string().trim().max(4000).nullable().default(null),
});
const AnswerOut = z.object({
  exerciseId: z.string(),
  exerciseType: z.string(),
  revision: z.number(),
  attempt: z.number(),
  answer: z.unknown(),
  points: z.number().nullable(),
  maxPoints: z.number(),
  correct: z.boolean().nullable(),
  wordCount: z.number().nullable(),
  comment: z.string().nullable(),
  status: z.enum(['graded', 'awaiting_teacher']),
  answeredAt: z.string(),
});
const AttemptOut = z.object({
  attempt: z.number(),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
  passMark: z.number(),
  outcome: z.string(),
  submittedAt: z.string(),
});
const StudentAnswersOut = z.object({
  studentId: z.string(),
  answered: z.number(),
  correct: z.number(),
  score: z.number(),
  maxScore: z.number(),
  exercises: z.number(),
  answers: z.array(AnswerOut),
  attempts: z.array(AttemptOut),
});
const AnswersOut = z.object({
  lessonId: z.string(),
  revision: z.number(),
  revealed: z.boolean(),
  /** The correct answers, once revealed (or always for the teacher). */
  key: z.record(z.string(), z.unknown()).nullable(),
  students: z.array(StudentAnswersOut),
});
const SubmittedOut = z.object({
  exerciseId: z.string(),
  points: z.number().nullable(),
  maxPoints: z.number(),
  correct: z.boolean().nullable(),
  status: z.enum(['graded', 'awaiting_teacher']),
  revision: z.number(),
});

const isStaff = (actor: Actor) => actor.role !== 'student';

function contentView(lessonId: string, actor: Actor, revision: Revision | null, revealed: boolean) {
  const document: LessonDocument = revision?.document ?? emptyDocument();
  const full = isStaff(actor) || revealed;
  return {
    lessonId,
    revision: revision?.revision ?? 0,
    updatedAt: revision?.at ?? null,
    updatedBy: isStaff(actor) ? (revision?.by ?? null) : null,
    view: full ? ('full' as const) : ('student' as const),
    revealed,
    document: (full ? document : studentView(document)) as z.infer<typeof DocumentOut>,
  };
}

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
        response: { 200: ContentOut, ...errors },
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
        response: { 200: DocumentOut, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { courseId, lessonId } = request.params;
      const content = await courseLessonContent(deps, actor, courseId, lessonId);
      reply.header('content-disposition', `attachment; filename="lesson-${lessonId}.json"`);
      return (content.current?.document ?? emptyDocument()) as z.infer<typeof DocumentOut>;
    },
  );

  r.put(
    '/api/courses/:courseId/lessons/:lessonId/content',
    {
      schema: {
        tags: ['lesson content'],
        description: `Writes a new revision (also the import of an exported document). At most ${MAX_DOCUMENT_BYTES} bytes and 200 exercises; every exercise needs a correct answer. If-Match pins the revision (ETag).`,
        params: LessonParams,
        body: LessonDocumentShape,
        response: { 200: ContentOut, ...errors },
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

  // ---- Content of an instant lesson (made in a live room) ----

  const InstantParams = z.object({ roomId: z.string().max(80), lessonId: z.uuid() });

  r.get(
    '/api/rooms/:roomId/instant-lessons/:lessonId/content',
    {
      schema: {
        tags: ['lesson content'],
        description:
          "An instant lesson's content: the whole document for the room's teacher, the student view for students",
        params: InstantParams,
        response: { 200: ContentOut, ...errors },
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
      schema: {
        tags: ['lesson content'],
        description:
          "The room's teacher writes a new revision of an instant lesson (same format and limits as a course lesson)",
        params: InstantParams,
        body: LessonDocumentShape,
        response: { 200: ContentOut, ...errors },
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

  // ---- Contexts: a live session, a homework item ----

  type Place = Awaited<ReturnType<typeof livePlace>>;

  const content = async (actor: Actor, place: Place) => {
    const c = await contentIn(deps, place);
    return contentView(place.lessonId, actor, c.revision, c.revealed);
  };

  const answers = async (actor: Actor, place: Place) => {
    const c = await contentIn(deps, place);
    const document = c.revision.document;
    const exercises = exercisesOf(document);
    const maxScore = maxPointsOf(document);
    const own = !isStaff(actor);
    const rows = await answersIn(deps.db, {
      orgId: actor.orgId,
      kind: place.context.kind,
      contextId: place.context.id,
      studentId: own ? actor.personId : undefined,
    });
    const studentIds = own ? [actor.personId] : place.studentIds;
    const key =
      isStaff(actor) || c.revealed ? Object.fromEntries(exercises.map((e) => [e.id, answerKey(e)])) : null;
    return {
      lessonId: place.lessonId,
      revision: c.revision.revision,
      revealed: c.revealed,
      key,
      students: studentIds.map((studentId) => {
        const mine = rows.answers.filter((a) => a.studentId === studentId);
        return {
          studentId,
          answered: mine.length,
          correct: mine.filter((a) => a.correct === true).length,
          score: Math.round(mine.reduce((s, a) => s + (a.points ?? 0), 0) * 100) / 100,
          maxScore,
          exercises: exercises.length,
          answers: mine.map(({ studentId: _s, gradedAt: _g, ...a }) => ({
            ...a,
            status: a.points === null ? ('awaiting_teacher' as const) : ('graded' as const),
          })),
          attempts: rows.attempts
            .filter((t) => t.studentId === studentId)
            .map(({ studentId: _s, ...t }) => t),
        };
      }),
    };
  };

  const contexts = [
    {
      prefix: '/api/live-sessions/:id',
      params: SessionParams,
      tag: 'live session',
      place: (actor: Actor, p: { id: string }) => livePlace(deps, actor, p.id),
    },
    {
      prefix: '/api/enrollments/:id/homework/:homeworkId',
      params: HomeworkParams,
      tag: 'homework',
      place: (actor: Actor, p: { id: string; homeworkId?: string }) =>
        homeworkPlace(deps, actor, p.id, p.homeworkId!),
    },
  ] as const;

  for (const c of contexts) {
    const params = c.params as typeof HomeworkParams;
    r.get(
      `${c.prefix}/content`,
      {
        schema: {
          tags: ['lesson content'],
          description: `The lesson content of this ${c.tag}, in the revision it is taught with (pinned at its first answer)`,
          params,
          response: { 200: ContentOut, ...errors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return content(actor, await c.place(actor, request.params));
      },
    );

    r.get(
      `${c.prefix}/answers`,
      {
        schema: {
          tags: ['lesson content'],
          description: `Answers in this ${c.tag}: every student's for the teacher and admins, a student's own`,
          params,
          response: { 200: AnswersOut, ...errors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return answers(actor, await c.place(actor, request.params));
      },
    );

    r.post(
      `${c.prefix}/answers`,
      {
        schema: {
          tags: ['lesson content'],
          description: `A student answers an exercise (graded at once unless it is an essay); answering again changes the answer`,
          params,
          body: AnswerBody,
          response: { 201: SubmittedOut, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request, 'student');
        const place = await c.place(actor, request.params);
        const context = commandContext(deps, request, actor, { ifMatch: false });
        const result = await submitAnswer(deps, actor, place, request.body, context);
        await afterWrite(deps, reply, result);
        const given = result.state.answers[request.body.exerciseId];
        if (!given) throw new ForbiddenError('the answer was not taken');
        return reply.status(201).send({
          exerciseId: given.exerciseId,
          points: given.grade.points,
          maxPoints: given.grade.maxPoints,
          correct: given.grade.correct,
          status: given.grade.points === null ? 'awaiting_teacher' : 'graded',
          revision: given.revision,
        });
      },
    );

    r.post(
      `${c.prefix}/answers/reveal`,
      {
        schema: {
          tags: ['lesson content'],
          description:
            'The teacher reveals the correct answers to the students; no more answers are taken after',
          params,
          response: { 200: AnswersOut, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request, 'admin', 'teacher');
        const place = await c.place(actor, request.params);
        const result = await revealAnswers(
          deps,
          actor,
          place,
          commandContext(deps, request, actor, { ifMatch: false }),
        );
        await afterWrite(deps, reply, result);
        return answers(actor, place);
      },
    );

    r.post(
      `${c.prefix}/students/:studentId/answers/:exerciseId/grade`,
      {
        schema: {
          tags: ['lesson content'],
          description:
            'The teacher grades an essay answer: points (at most the exercise points) and a comment',
          params: params.extend({ studentId: z.uuid(), exerciseId: ExerciseIdParam }),
          body: GradeBody,
          response: { 200: AnswersOut, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request, 'admin', 'teacher');
        const place = await c.place(actor, request.params);
        const { studentId, exerciseId } = request.params;
        const context = commandContext(deps, request, actor, { ifMatch: false });
        const result = await gradeEssay(
          deps,
          actor,
          place,
          { studentId, exerciseId, ...request.body },
          context,
        );
        await afterWrite(deps, reply, result);
        return answers(actor, place);
      },
    );
  }

  r.post(
    '/api/enrollments/:id/homework/:homeworkId/hand-in',
    {
      schema: {
        tags: ['lesson content'],
        description:
          "The student hands in the homework's answers: passed when the score meets the lesson's pass mark (default 60 %), otherwise try again (the attempt is kept); essays wait for the teacher",
        params: HomeworkParams,
        response: { 200: AnswersOut, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'student');
      const place = await homeworkPlace(deps, actor, request.params.id, request.params.homeworkId);
      const context = commandContext(deps, request, actor, { ifMatch: false });
      await afterWrite(deps, reply, await handInAnswers(deps, actor, place, context));
      return answers(actor, place);
    },
  );
}
