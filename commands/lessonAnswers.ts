// Lesson answers, the write side: answering, grading essays, handing in homework and revealing the answers. The
// contexts where a lesson's exercises are answered (a live session, a homework item, an instant lesson) are in
// lessonContentPlaces.ts; the rules are in domain/lessonContent; the content itself is in lessonContent.ts.
import { ForbiddenError, NotFoundError } from '../domain/shared/errors.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { lessonAnswers, lessonContents } from './aggregates.js';
import { homeworkFromAnswers } from './enrollmentsHomework.js';
import type { ContentActor, Deps } from './lessonContent.js';
import { contentIn, type Place } from './lessonContentPlaces.js';
import { exercisesOf } from '../domain/lessonContent/document.js';
import { contextKey, exerciseIn, type LessonContentState } from '../domain/lessonContent/content.js';
import {
  answersStreamId,
  lessonAnswersDecider,
  type LessonAnswersCommand,
  type LessonAnswersState,
} from '../domain/lessonContent/answers.js';
import type { Answer } from '../domain/lessonContent/grading.js';
import type { Bus } from '../bus/port.js';
import { publishRoomEvent } from './rooms.js';

type ActiveContent = Extract<LessonContentState, { status: 'active' }>;

export { contentIn, homeworkPlace, instantPlace, livePlace, type Place } from './lessonContentPlaces.js';

const answersOf = (deps: Deps, place: Place, studentId: string) =>
  loadAggregate(deps.eventStore, lessonAnswers, answersStreamId(place.context, studentId));

/**
 * A student answers one exercise. The command is checked on the current state first, so a refused answer
 * appends nothing (not even the pin of the revision); then the context pins its revision and the answer is
 * appended, graded. A homework's first answer starts it.
 */
export async function submitAnswer(
  deps: Deps,
  actor: ContentActor,
  place: Place,
  input: { exerciseId: string; answer: Answer },
  context: CommandContext,
) {
  if (actor.role !== 'student' || !place.studentIds.includes(actor.personId))
    throw new ForbiddenError('lesson_students_only', 'only the students of this lesson answer its exercises');
  if (place.closed) throw place.closed;
  const content = await contentIn(deps, place);
  const command: LessonAnswersCommand = {
    type: 'SubmitAnswer',
    context: place.context,
    studentId: actor.personId,
    lessonId: place.lessonId,
    now: context.now,
    exerciseId: input.exerciseId,
    exercise: exerciseIn(content.revision.document, input.exerciseId),
    revision: content.revision.revision,
    answer: input.answer,
    closed: place.closed,
    revealed: content.revealed,
  };
  lessonAnswersDecider.decide(command, (await answersOf(deps, place, actor.personId)).state);
  await pin(deps, place, content.state, content.revision.revision, context);
  const result = await handleCommand(
    deps.eventStore,
    lessonAnswers,
    answersStreamId(place.context, actor.personId),
    command,
    { ...context, ifMatch: undefined },
  );
  if (result.events.length > 0) await tellRoom(deps, place, actor.personId);
  if (place.homework && place.homework.status === 'added' && result.events.length > 0) {
    const { enrollmentId, homeworkId } = place.homework;
    const started = await homeworkFromAnswers(
      deps,
      enrollmentId,
      homeworkId,
      { type: 'StartHomework' },
      noKey(context),
    );
    return { ...result, position: started.position ?? result.position };
  }
  return result;
}

const noKey = (context: CommandContext): CommandContext => ({
  ...context,
  idempotencyKey: undefined,
  ifMatch: undefined,
});

async function pin(
  deps: Deps,
  place: Place,
  state: ActiveContent,
  revision: number,
  context: CommandContext,
) {
  if (state.taught[contextKey(place.context)] !== undefined) return;
  await handleCommand(
    deps.eventStore,
    lessonContents,
    place.lessonId,
    {
      type: 'PinLessonContent',
      lessonId: place.lessonId,
      context: place.context,
      revision,
      now: context.now,
    },
    noKey(context),
  );
}

function requireStaff(actor: ContentActor) {
  if (actor.role === 'student')
    throw new ForbiddenError('teacher_or_admin_only', 'only the teacher or an admin can do this');
}

/** The teacher grades an essay: points and a comment. A homework attempt waiting for it is then evaluated. */
export async function gradeEssay(
  deps: Deps,
  actor: ContentActor,
  place: Place,
  input: { studentId: string; exerciseId: string; points: number; comment: string | null },
  context: CommandContext,
) {
  requireStaff(actor);
  if (!place.studentIds.includes(input.studentId))
    throw new NotFoundError('lesson_student', 'student not found in this lesson');
  const content = await contentIn(deps, place);
  const result = await handleCommand(
    deps.eventStore,
    lessonAnswers,
    answersStreamId(place.context, input.studentId),
    {
      type: 'GradeEssay',
      context: place.context,
      studentId: input.studentId,
      lessonId: place.lessonId,
      now: context.now,
      exerciseId: input.exerciseId,
      points: input.points,
      comment: input.comment,
      by: actor.personId,
      exercises: exercisesOf(content.revision.document),
      passMark: content.revision.document.passMark,
    },
    context,
  );
  if (result.events.length > 0) await tellRoom(deps, place, input.studentId);
  return afterAttempt(deps, actor, place, result, context);
}

/** Homework: the student hands in the current attempt; passed when the score meets the pass mark. */
export async function handInAnswers(deps: Deps, actor: ContentActor, place: Place, context: CommandContext) {
  if (actor.role !== 'student' || !place.studentIds.includes(actor.personId))
    throw new ForbiddenError('own_answers_only', 'only the student hands in their answers');
  if (place.closed) throw place.closed;
  const content = await contentIn(deps, place);
  const result = await handleCommand(
    deps.eventStore,
    lessonAnswers,
    answersStreamId(place.context, actor.personId),
    {
      type: 'SubmitAttempt',
      context: place.context,
      studentId: actor.personId,
      lessonId: place.lessonId,
      now: context.now,
      exercises: exercisesOf(content.revision.document),
      passMark: content.revision.document.passMark,
    },
    context,
  );
  return afterAttempt(deps, actor, place, result, context);
}

/** A homework attempt that passed passes the homework (derived from the answer events, not a button). */
async function afterAttempt<R extends { events: { type: string; data: unknown }[]; position: string | null }>(
  deps: Deps,
  actor: ContentActor,
  place: Place,
  result: R,
  context: CommandContext,
): Promise<R> {
  if (!place.homework) return result;
  const passed = result.events.some(
    (e) =>
      (e.type === 'AnswerAttemptSubmitted' || e.type === 'AnswerAttemptGraded') &&
      (e.data as { outcome: string }).outcome === 'passed',
  );
  if (!passed) return result;
  const { enrollmentId, homeworkId } = place.homework;
  const change = await homeworkFromAnswers(
    deps,
    enrollmentId,
    homeworkId,
    { type: 'PassHomework' },
    noKey(context),
  );
  return { ...result, position: change.position ?? result.position };
}

/** The teacher reveals the answers in a context: students then see the key, and no more answers are taken. */
export async function revealAnswers(deps: Deps, actor: ContentActor, place: Place, context: CommandContext) {
  requireStaff(actor);
  await contentIn(deps, place);
  const result = await handleCommand(
    deps.eventStore,
    lessonContents,
    place.lessonId,
    {
      type: 'RevealAnswers',
      lessonId: place.lessonId,
      context: place.context,
      by: actor.personId,
      now: context.now,
    },
    context,
  );
  if (result.events.length > 0) await tellRoom(deps, place, null);
  return result;
}

/**
 * Tells the live room that answers changed (the teacher's progress reloads; a reveal reaches everyone). The
 * answer is recorded whatever the bus does: a teacher who misses this sees it on the next reload.
 */
async function tellRoom(deps: Deps & { bus?: Bus }, place: Place, studentId: string | null) {
  if (!deps.bus || !place.roomId || place.context.kind === 'homework') return;
  const event = {
    type: 'answers.changed' as const,
    place: place.context.kind,
    lessonId: place.lessonId,
    studentId,
  };
  await publishRoomEvent(deps.bus, place.roomId, event).catch(() => undefined);
}

export type { LessonAnswersState };
