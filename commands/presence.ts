// Presence from the realtime gateway: a person joined or left a live session's room. Repeats are harmless
// (the decider appends nothing when the person is already in, or already out).
import { ForbiddenError, NotFoundError } from '../domain/shared/errors.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate } from './handleCommand.js';
import { liveSessions } from './aggregates.js';

export type PresenceInput = {
  orgId: string;
  liveSessionId: string;
  personId: string;
  presence: 'joined' | 'left';
  at: string;
  correlationId?: string;
};

export async function recordPresence(deps: { eventStore: EventStore }, input: PresenceInput): Promise<void> {
  const { state } = await loadAggregate(deps.eventStore, liveSessions, input.liveSessionId);
  if (state.status === 'none' || state.status === 'deleted' || state.orgId !== input.orgId)
    throw new NotFoundError('live_session');
  const isParticipant = state.participants.some((p) => p.studentId === input.personId);
  if (input.personId !== state.teacherId && !isParticipant)
    throw new ForbiddenError(
      'room_participants_only',
      'only the teacher and the participants can be in this room',
    );
  await handleCommand(
    deps.eventStore,
    liveSessions,
    input.liveSessionId,
    {
      type: 'RecordPresence',
      liveSessionId: input.liveSessionId,
      now: input.at,
      personId: input.personId,
      presence: input.presence,
      at: input.at,
    },
    {
      orgId: input.orgId,
      actorId: input.personId,
      now: input.at,
      correlationId: input.correlationId,
    },
  );
}
