// Answers to a lesson's exercises in a live session, a homework item or an instant lesson of a live room: the content as taught there, every
// student's answers for the teacher and admins (a student's own for a student), answering, revealing the key and
// grading essays. Anything of another organisation, or a context the caller is not part of, is 404.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../../auth/sessions.js';
import { afterWrite, commandContext, readModelsCaughtUp, requireActor } from '../http.js';
import { errors } from './schemas.js';
import { Answer } from '../../domain/lessonContent/grading.js';
import {
  gradeEssay,
  homeworkPlace,
  instantPlace,
  livePlace,
  revealAnswers,
  submitAnswer,
  type Place,
} from '../../commands/lessonAnswers.js';
import { ForbiddenError } from '../../domain/shared/errors.js';
import { LessonAnswersSchema, LessonContentSchema, SubmittedAnswerSchema } from '../../contract/lessons.js';
import { answersView, contextContentView } from './lessonContentViews.js';

export const HomeworkParams = z.object({ id: z.uuid(), homeworkId: z.uuid() });
const SessionParams = z.object({ id: z.uuid() });
export const InstantParams = z.object({ roomId: z.string().max(80), lessonId: z.uuid() });
const ExerciseIdParam = z.string().min(1).max(64);
const AnswerBody = z.object({ exerciseId: ExerciseIdParam, answer: Answer });
const GradeBody = z.object({
  points: z.number().min(0).max(100),
  comment: z.string().trim().max(4000).nullable().default(null),
});

export async function lessonAnswerRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  type Params = Record<string, string>;
  type Context = {
    prefix: string;
    params: z.ZodObject<Record<string, z.ZodType<string>>>;
    tag: string;
    /** Instant lessons have their content route in lessonContent.ts (the host edits the latest revision). */
    contentRoute: boolean;
    place: (actor: Actor, p: Params) => Promise<Place>;
  };
  const contexts: Context[] = [
    {
      prefix: '/api/live-sessions/:id',
      params: SessionParams,
      tag: 'live session',
      contentRoute: true,
      place: (actor, p) => livePlace(deps, actor, p.id!),
    },
    {
      prefix: '/api/enrollments/:id/homework/:homeworkId',
      params: HomeworkParams,
      tag: 'homework',
      contentRoute: true,
      place: (actor, p) => homeworkPlace(deps, actor, p.id!, p.homeworkId!),
    },
    {
      prefix: '/api/rooms/:roomId/instant-lessons/:lessonId',
      params: InstantParams,
      tag: 'instant lesson',
      contentRoute: false,
      place: (actor, p) => instantPlace(deps, actor, p.roomId!, p.lessonId!),
    },
  ];

  for (const c of contexts) {
    const params = c.params;
    if (c.contentRoute)
      r.get(
        `${c.prefix}/content`,
        {
          schema: {
            tags: ['lesson content'],
            description: `The lesson content of this ${c.tag}, in the revision it is taught with (pinned when the session starts or its room opens, when the homework is assigned; else at the first answer)`,
            params,
            response: { 200: LessonContentSchema, ...errors },
          },
        },
        async (request) => {
          const actor = requireActor(request);
          return contextContentView(deps, actor, await c.place(actor, request.params));
        },
      );

    r.get(
      `${c.prefix}/answers`,
      {
        schema: {
          tags: ['lesson content'],
          description: `Answers in this ${c.tag}: every student's for the teacher and admins, a student's own`,
          params,
          response: { 200: LessonAnswersSchema, ...errors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const place = await c.place(actor, request.params);
        // Read after the room said answers changed: the read model must include that change (the push is sent
        // once the change is in the log, which can be before the projector applied it).
        await readModelsCaughtUp(deps, 10_000);
        return answersView(deps, actor, place);
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
          response: { 201: SubmittedAnswerSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request, 'student');
        const place = await c.place(actor, request.params);
        const context = commandContext(deps, request, actor, { ifMatch: false });
        const result = await submitAnswer(deps, actor, place, request.body, context);
        await afterWrite(deps, reply, result);
        const given = result.state.answers[request.body.exerciseId];
        if (!given) throw new ForbiddenError('answer_not_taken', 'the answer was not taken');
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
          response: { 200: LessonAnswersSchema, ...errors },
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
        return answersView(deps, actor, place);
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
          response: { 200: LessonAnswersSchema, ...errors },
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
        return answersView(deps, actor, place);
      },
    );
  }
}
