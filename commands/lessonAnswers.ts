// Lesson answers, the write side: the contexts where a lesson's exercises are answered (a live session, a homework
// item), answering, grading essays, handing in homework and revealing the answers. The rules are in
// domain/lessonContent; the content itself is in lessonContent.ts.
import { ForbiddenError, NotFoundError, RuleViolation } from '../domain/shared/errors.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { lessonAnswers, lessonContents } from './aggregates.js';
import { loadLiveSessionFor } from './liveSessions.js';
import { loadEnrollmentFor } from './enrollments.js';
import { homeworkFromAnswers } from './enrollmentsHomework.js';
import { loadContent, requireInstantLesson, type ContentActor, type Deps } from './lessonContent.js';
import type { Actor } from '../auth/sessions.js';
import { exercisesOf } from '../domain/lessonContent/document.js';
import {
  exerciseIn,
  revisionFor,
  type AnswerContext,
  type LessonContentState,
} from '../domain/lessonContent/content.js';
import {
  answersStreamId,
  lessonAnswersDecider,
  type LessonAnswersCommand,
  type LessonAnswersState,
} from '../domain/lessonContent/answers.js';
import type { Answer } from '../domain/lessonContent/grading.js';

type ActiveContent = Extract<LessonContentState, { status: 'active' }>;

// ---- Contexts: where answers are given. ----

export type Place = {
  context: AnswerContext;
  lessonId: string;
  /** The students who answer here. */
  studentIds: string[];
  /** Why no answers are taken any more, if so. */
  closed: { code: string; message: string } | null;
  /** Homework: the enrollment and the status, to move it along. */
  homework?: { enrollmentId: string; homeworkId: string; status: string };
};

export async function livePlace(deps: Deps, actor: ContentActor, liveSessionId: string): Promise<Place> {
  const { state } = await loadLiveSessionFor(deps, actor, liveSessionId);
  if (!state.courseLessonId) throw new RuleViolation('no_lesson', 'this live session has no course lesson');
  const ended = state.status === 'ended' || state.status === 'canceled';
  return {
    context: { kind: 'live', id: liveSessionId },
    lessonId: state.courseLessonId,
    studentIds: state.participants.map((p) => p.studentId),
    closed: ended
      ? { code: 'session_ended', message: `the live session is ${state.status}: answers are no longer taken` }
      : null,
  };
}

export async function homeworkPlace(
  deps: Deps,
  actor: ContentActor,
  enrollmentId: string,
  homeworkId: string,
): Promise<Place> {
  const enrollment = await loadEnrollmentFor(deps.eventStore, actor, enrollmentId);
  const homework = enrollment.homework[homeworkId];
  if (!homework) throw new NotFoundError('homework not found');
  return {
    context: { kind: 'homework', id: homeworkId },
    lessonId: homework.courseLessonId,
    studentIds: [enrollment.studentId],
    closed:
      homework.status === 'verified'
        ? { code: 'homework_verified', message: 'this homework is verified: answers are no longer taken' }
        : null,
    homework: { enrollmentId, homeworkId, status: homework.status },
  };
}

/** An instant lesson of a live room: its students are the room's participants; closed when the room ended. */
export async function instantPlace(
  deps: Deps,
  actor: Actor,
  roomId: string,
  lessonId: string,
): Promise<Place> {
  const { info } = await requireInstantLesson(deps, actor, roomId, lessonId);
  return {
    context: { kind: 'instant', id: lessonId },
    lessonId,
    studentIds: info.participantIds,
    closed: info.ended
      ? { code: 'session_ended', message: 'the live room has ended: answers are no longer taken' }
      : null,
  };
}

/** The content a context uses: the revision it pinned, else the latest. */
export async function contentIn(deps: Deps, place: Place) {
  const { state } = await loadContent(deps, place.lessonId);
  if (state.status === 'none') throw new RuleViolation('no_lesson_content', 'this lesson has no content yet');
  const key = `${place.context.kind}:${place.context.id}`;
  return { state, revision: revisionFor(state, place.context), revealed: state.revealed[key] === true };
}

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
    throw new ForbiddenError('only the students of this lesson answer its exercises');
  if (place.closed) throw new RuleViolation(place.closed.code, place.closed.message);
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
  if (state.taught[`${place.context.kind}:${place.context.id}`] !== undefined) return;
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
  if (actor.role === 'student') throw new ForbiddenError('only the teacher or an admin can do this');
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
    throw new NotFoundError('student not found in this lesson');
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
  return afterAttempt(deps, actor, place, result, context);
}

/** Homework: the student hands in the current attempt; passed when the score meets the pass mark. */
export async function handInAnswers(deps: Deps, actor: ContentActor, place: Place, context: CommandContext) {
  if (actor.role !== 'student' || !place.studentIds.includes(actor.personId))
    throw new ForbiddenError('only the student hands in their answers');
  if (place.closed) throw new RuleViolation(place.closed.code, place.closed.message);
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
  return handleCommand(
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
}

export type { LessonAnswersState };
