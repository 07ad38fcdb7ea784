// Presence in a training event's live room (`te-<trainingEventId>`): a registered learner who is in the room once
// the event has started. One stream per training event (`trainingRoomPresence-<trainingEventId>`); each learner's
// presence is a fact once, however often they join, so attendance taken from it (commands/processes/
// trainingPresence.ts) is taken once. Whether the person may count (registered, event started) is checked by the
// application service (commands/trainingPresence.ts) before the command reaches this decider.
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';

export const TrainingRoomPresenceEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('TrainingRoomPresenceRecorded'),
    data: z.object({
      trainingEventId: z.string(),
      trainingId: z.string(),
      sectionId: z.string(),
      learnerId: z.string(),
      /** When the learner was seen in the room (at or after the event's start). */
      at: z.string(),
    }),
  }),
]);
export type TrainingRoomPresenceEvent = z.infer<typeof TrainingRoomPresenceEvent>;

export type TrainingRoomPresenceCommand = {
  type: 'RecordTrainingRoomPresence';
  trainingEventId: string;
  trainingId: string;
  sectionId: string;
  learnerId: string;
  at: string;
};

/** The learners whose presence is recorded. */
export type TrainingRoomPresenceState = { learnerIds: string[] };

export const trainingRoomPresenceDecider: Decider<
  TrainingRoomPresenceCommand,
  TrainingRoomPresenceEvent,
  TrainingRoomPresenceState
> = {
  initialState: () => ({ learnerIds: [] }),
  decide(command, state) {
    if (state.learnerIds.includes(command.learnerId)) return [];
    const { type: _type, ...data } = command;
    return [{ type: 'TrainingRoomPresenceRecorded', data }];
  },
  evolve(state, event) {
    return { learnerIds: [...state.learnerIds, event.data.learnerId] };
  },
};
