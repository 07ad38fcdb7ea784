// The post-session summary process: when a group session ends, its summaries are made (if its student group or
// a participant's enrollment has the "Post-Session Summary" switch on), once: the command is keyed by the event.
import type { Db } from '../../db/schema.js';
import type { EventStore } from '../eventStore/port.js';
import { makeSessionSummaries } from '../sessionSummaries.js';
import type { Process } from './process.js';

export function sessionSummaryProcess(deps: { eventStore: EventStore; db: Db }): Process {
  return {
    name: 'sessionSummary',
    handles: new Set(['LiveSessionEnded']),
    async handle(event) {
      if (event.type !== 'LiveSessionEnded') return null;
      const result = await makeSessionSummaries(deps, event.data.liveSessionId, {
        orgId: event.metadata.orgId,
        actorId: event.metadata.actorId,
        now: event.metadata.at,
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
        idempotencyKey: `process:sessionSummary:${event.eventId}`,
      });
      return result?.position ?? null;
    },
  };
}
