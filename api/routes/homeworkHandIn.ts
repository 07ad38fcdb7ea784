// Homework with exercises: the student hands in the answers; passed when the score meets the lesson's pass mark,
// otherwise they try again (the attempt is kept). Essays wait for the teacher.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { errors } from './schemas.js';
import { handInAnswers, homeworkPlace } from '../../commands/lessonAnswers.js';
import { LessonAnswersSchema } from '../../contract/lessons.js';
import { answersView } from './lessonContentViews.js';
import { HomeworkParams } from './lessonAnswers.js';

export async function homeworkHandInRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/enrollments/:id/homework/:homeworkId/hand-in',
    {
      schema: {
        tags: ['lesson content'],
        description:
          "The student hands in the homework's answers: passed when the score meets the lesson's pass mark (default 60 %), otherwise try again (the attempt is kept); essays wait for the teacher",
        params: HomeworkParams,
        response: { 200: LessonAnswersSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'student');
      const place = await homeworkPlace(deps, actor, request.params.id, request.params.homeworkId);
      const context = commandContext(deps, request, actor, { ifMatch: false });
      await afterWrite(deps, reply, await handInAnswers(deps, actor, place, context));
      return answersView(deps, actor, place);
    },
  );
}
