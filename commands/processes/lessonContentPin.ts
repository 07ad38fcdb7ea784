// Lesson content is pinned when it starts being taught: a live session that starts (or whose room opens, the
// first join) and a homework item that is assigned pin the revision of their lesson current at that moment
// (commands/lessonContentPins.ts), once: the command is keyed by the event.
import type { EventStore } from '../eventStore/port.js';
import { loadAggregate, type CommandContext } from '../handleCommand.js';
import { liveSessions } from '../aggregates.js';
import { pinAtStart } from '../lessonContentPins.js';
import type { Process } from './process.js';

/** The process: a live session that starts (or whose room opens) and a homework that is assigned pin their lesson. */
export function lessonContentPinProcess(deps: { eventStore: EventStore }): Process {
  return {
    name: 'lessonContentPin',
    handles: new Set(['LiveSessionStarted', 'ParticipantJoined', 'HomeworkAssigned']),
    async handle(event) {
      const context: CommandContext = {
        orgId: event.metadata.orgId,
        actorId: event.metadata.actorId,
        now: event.metadata.at,
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
        idempotencyKey: `process:lessonContentPin:${event.eventId}`,
      };
      if (event.type === 'HomeworkAssigned') {
        const { enrollmentId, homeworkId, courseLessonId } = event.data;
        const context_ = { kind: 'homework' as const, id: homeworkId };
        return (await pinAtStart(deps, courseLessonId, context_, enrollmentId, context))?.position ?? null;
      }
      if (event.type !== 'LiveSessionStarted' && event.type !== 'ParticipantJoined') return null;
      const { liveSessionId } = event.data;
      const { state } = await loadAggregate(deps.eventStore, liveSessions, liveSessionId);
      if (state.status === 'none' || state.status === 'deleted' || !state.courseLessonId) return null;
      const live = { kind: 'live' as const, id: liveSessionId };
      return (await pinAtStart(deps, state.courseLessonId, live, liveSessionId, context))?.position ?? null;
    },
  };
}
