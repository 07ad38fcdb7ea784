// When a lesson is taught, its content is pinned: a live session keeps the revision that was current when it
// started or its room opened (the first join), a homework item the one current when it was assigned. The process
// lessonContentPin (processes/lessonContentPin.ts) pins it at that moment; an answer that comes before the
// process (or to a lesson written only after the start) uses the same rule, so whoever pins first pins the same
// revision: the latest one written before the start in the log.
import type { EventStore } from './eventStore/port.js';
import { streamId } from './eventStore/streams.js';
import { comparePositions } from './logConsumer/checkpoints.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { lessonContents } from './aggregates.js';
import { contextKey, type AnswerContext } from '../domain/lessonContent/content.js';

type Deps = { eventStore: EventStore };

/** The moments a context starts being taught: a live session's start or first join, a homework's assignment. */
const STARTS: Record<AnswerContext['kind'], { category: string; types: string[] } | null> = {
  live: { category: 'liveSession', types: ['LiveSessionStarted', 'ParticipantJoined'] },
  homework: { category: 'enrollment', types: ['HomeworkAssigned'] },
  // An instant lesson is written in the room while it is taught: its first answer pins it.
  instant: null,
};

/** Where in the log the context started being taught (null: not yet, or pinned by its first answer). */
async function startPosition(deps: Deps, context: AnswerContext, streamOwner: string) {
  const start = STARTS[context.kind];
  if (!start) return null;
  const events = await deps.eventStore.readStream(streamId(start.category, streamOwner));
  const first = events.find(
    (e) =>
      start.types.includes(e.type) &&
      (context.kind !== 'homework' || (e.data as { homeworkId?: string }).homeworkId === context.id),
  );
  return first?.position ?? null;
}

/**
 * The revision a context is taught with when it has no pin yet: the latest revision written before it started;
 * null when it has not started or the lesson had no content then (its first answer pins the latest).
 * `streamOwner` is the live session (live) or the enrollment (homework).
 */
export async function revisionAtStart(
  deps: Deps,
  lessonId: string,
  context: AnswerContext,
  streamOwner: string,
): Promise<number | null> {
  const started = await startPosition(deps, context, streamOwner);
  if (!started) return null;
  const events = await deps.eventStore.readStream(streamId(lessonContents.category, lessonId));
  let revision: number | null = null;
  for (const e of events)
    if (e.type === 'LessonContentRevised' && comparePositions(e.position, started) < 0)
      revision = (e.data as { revision: number }).revision;
  return revision;
}

/** Pins the revision current at the context's start, if it started and had content then. */
export async function pinAtStart(
  deps: Deps,
  lessonId: string,
  context: AnswerContext,
  streamOwner: string,
  commandContext: CommandContext,
) {
  const { state } = await loadAggregate(deps.eventStore, lessonContents, lessonId);
  if (state.status === 'none' || state.taught[contextKey(context)] !== undefined) return null;
  const revision = await revisionAtStart(deps, lessonId, context, streamOwner);
  if (revision === null) return null;
  return handleCommand(
    deps.eventStore,
    lessonContents,
    lessonId,
    { type: 'PinLessonContent', lessonId, context, revision, now: commandContext.now },
    commandContext,
  );
}
