// Training attendance from presence: each learner's recorded presence in a training event's live room
// (commands/trainingPresence.ts) marks them as attended with source `presence`, as the system (by: null).
// Once per presence: the command's idempotency key comes from the event, and the training's decider appends
// nothing when the learner is already marked attended. A mark the trainer has confirmed stays as confirmed
// (the decider refuses; that is final, not retried); where the section requires confirmation, the presence
// mark counts towards completion only once a trainer confirms it.
import type { EventStore } from '../eventStore/port.js';
import { handleCommand } from '../handleCommand.js';
import { trainings } from '../aggregates.js';
import { isTransient, type Process } from './process.js';

/** A training's stream is written by many nodes at once (registrations): decide again this often. */
const ATTEMPTS = 30;

export function trainingPresenceProcess(deps: { eventStore: EventStore }): Process {
  return {
    name: 'trainingPresence',
    handles: new Set(['TrainingRoomPresenceRecorded']),
    async handle(event) {
      if (event.type !== 'TrainingRoomPresenceRecorded') return null;
      const { trainingId, trainingEventId, learnerId, at } = event.data;
      try {
        const result = await handleCommand(
          deps.eventStore,
          trainings,
          trainingId,
          {
            type: 'RecordAttendance',
            trainingId,
            trainingEventId,
            learnerId,
            attended: true,
            source: 'presence',
            now: at,
            by: null,
          },
          {
            orgId: event.metadata.orgId,
            actorId: event.metadata.actorId,
            now: at,
            correlationId: event.metadata.correlationId,
            causationId: event.eventId,
            idempotencyKey: `process:trainingPresence:${event.eventId}`,
            maxAttempts: ATTEMPTS,
          },
        );
        return result.position ?? null;
      } catch (error) {
        // The learner left the section, the event was canceled, the trainer confirmed: nothing to take.
        if (isTransient(error)) throw error;
        return null;
      }
    },
  };
}
