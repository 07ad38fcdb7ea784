// Where a lesson's exercises are answered: a live session, a homework item or an instant lesson of a live room
// (who answers there, whether answers are still taken), and the revision of the content taught there.
import { NotFoundError, RuleViolation } from '../domain/shared/errors.js';
import { loadLiveSessionFor } from './liveSessionAccess.js';
import { loadEnrollmentFor } from './enrollments.js';
import { loadContent, requireInstantLesson, type ContentActor, type Deps } from './lessonContent.js';
import { revisionAtStart } from './lessonContentPins.js';
import type { Actor } from '../auth/sessions.js';
import { contextKey, revisionFor, type AnswerContext } from '../domain/lessonContent/content.js';

export type Place = {
  context: AnswerContext;
  lessonId: string;
  /** The students who answer here. */
  studentIds: string[];
  /** Why no answers are taken any more, if so. */
  closed: RuleViolation | null;
  /** Homework: the enrollment and the status, to move it along. */
  homework?: { enrollmentId: string; homeworkId: string; status: string };
  /** The stream whose events start the teaching (the live session, the enrollment); none for instant lessons. */
  startedIn?: string;
  /** The live room where the answers are given (live sessions, instant lessons): its teacher is told of changes. */
  roomId?: string;
};

export async function livePlace(deps: Deps, actor: ContentActor, liveSessionId: string): Promise<Place> {
  const { state } = await loadLiveSessionFor(deps, actor, liveSessionId);
  if (!state.courseLessonId) throw new RuleViolation('no_lesson', 'this live session has no course lesson');
  const ended = state.status === 'ended' || state.status === 'canceled';
  return {
    context: { kind: 'live', id: liveSessionId },
    lessonId: state.courseLessonId,
    studentIds: state.participants.map((p) => p.studentId),
    startedIn: liveSessionId,
    roomId: `ls-${liveSessionId}`,
    closed: ended
      ? state.status === 'ended'
        ? new RuleViolation('session_ended', 'the live session has ended')
        : new RuleViolation('session_canceled', 'the live session was canceled')
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
  if (!homework) throw new NotFoundError('homework');
  return {
    context: { kind: 'homework', id: homeworkId },
    lessonId: homework.courseLessonId,
    studentIds: [enrollment.studentId],
    closed:
      homework.status === 'verified'
        ? new RuleViolation('homework_closed', 'this homework is verified: answers are no longer taken')
        : null,
    homework: { enrollmentId, homeworkId, status: homework.status },
    startedIn: enrollmentId,
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
    roomId,
    studentIds: info.participantIds,
    closed: info.ended
      ? new RuleViolation('room_ended', 'the live room has ended: answers are no longer taken')
      : null,
  };
}

/**
 * The content a context uses: the revision it pinned; before the pin is recorded, the one current when it started
 * (lessonContentPins.ts); else the latest.
 */
export async function contentIn(deps: Deps, place: Place) {
  const { state } = await loadContent(deps, place.lessonId);
  if (state.status === 'none') throw new RuleViolation('no_lesson_content', 'this lesson has no content yet');
  const key = contextKey(place.context);
  const pinned = state.taught[key] !== undefined;
  const atStart =
    pinned || !place.startedIn
      ? null
      : await revisionAtStart(deps, place.lessonId, place.context, place.startedIn);
  const revision = atStart === null ? revisionFor(state, place.context) : state.revisions[atStart]!;
  return { state, revision, revealed: state.revealed[key] === true };
}
