// Where an online training event's live room is, and which events have one.
import type { TrainerEvent } from '../../../../contract/trainings';

export const trainingRoomPath = (trainingEventId: string) => `/training-room/${trainingEventId}`;

/** Online and hybrid events that take place have a live room (in-person ones do not). */
export const hasRoom = (e: Pick<TrainerEvent, 'format' | 'status'>) =>
  e.format !== 'in-person' && e.status === 'scheduled';
