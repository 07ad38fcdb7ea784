// Presence in a training event's live room as attendance (trainings): the gateway reports a learner seen in the
// room `te-<trainingEventId>` once the event has started; this records it on the event's presence stream, once
// per learner. The training attendance itself is taken by the process trainingPresence (processes/), which
// carries out RecordAttendance with source `presence` for each recorded presence.
import { NotFoundError, RuleViolation } from '../domain/shared/errors.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandResult } from './handleCommand.js';
import { trainingRoomPresence, trainings } from './aggregates.js';
import { findTrainingEvent } from '../domain/training/state.js';
import type {
  TrainingRoomPresenceEvent,
  TrainingRoomPresenceState,
} from '../domain/trainingRoom/presence.js';

export type TrainingPresenceInput = {
  orgId: string;
  trainingEventId: string;
  learnerId: string;
  at: string;
  correlationId?: string;
};

/**
 * Records that a learner is in the training event's room. Refused (and nothing recorded) unless the event exists
 * in the organisation, is not canceled, has started and has not ended, and the learner holds a confirmed seat in
 * its section. Repeats append nothing.
 */
export async function recordTrainingRoomPresence(
  deps: { db: Db; eventStore: EventStore },
  input: TrainingPresenceInput,
): Promise<CommandResult<TrainingRoomPresenceState, TrainingRoomPresenceEvent>> {
  const row = await deps.db
    .selectFrom('training_events')
    .select(['training_id', 'org_id'])
    .where('id', '=', input.trainingEventId)
    .executeTakeFirst();
  if (!row || row.org_id !== input.orgId) throw new NotFoundError('training_event');
  const { state } = await loadAggregate(deps.eventStore, trainings, row.training_id);
  const found = state.status === 'created' ? findTrainingEvent(state, input.trainingEventId) : undefined;
  if (state.status !== 'created' || !found) throw new NotFoundError('training_event');
  const { section, trainingEvent } = found;
  if (trainingEvent.canceled)
    throw new RuleViolation('training_event_canceled', 'this training event was canceled');
  const at = Date.parse(input.at);
  if (at < Date.parse(trainingEvent.start) || at >= Date.parse(trainingEvent.end))
    throw new RuleViolation(
      'training_event_not_running',
      'presence counts between the start and the end of the event',
    );
  const seat = state.registrations[input.learnerId];
  if (seat?.sectionId !== section.sectionId || seat.status !== 'registered')
    throw new RuleViolation(
      'learner_not_registered',
      'presence and attendance count for learners registered in the section',
    );
  return handleCommand(
    deps.eventStore,
    trainingRoomPresence,
    input.trainingEventId,
    {
      type: 'RecordTrainingRoomPresence',
      trainingEventId: input.trainingEventId,
      trainingId: row.training_id,
      sectionId: section.sectionId,
      learnerId: input.learnerId,
      at: input.at,
    },
    {
      orgId: input.orgId,
      actorId: input.learnerId,
      now: input.at,
      correlationId: input.correlationId,
    },
  );
}
