// Helpers shared by the trainings projection's handlers.
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import type { ProjectionDb } from '../projection.js';

/** The training's organisation: from the event's metadata (no query per event), else from the training row. */
export const orgOf = async (db: ProjectionDb, trainingId: string, event: RecordedEvent) =>
  event.metadata?.orgId ??
  (await db.selectFrom('trainings').select('org_id').where('id', '=', trainingId).executeTakeFirst())?.org_id;

export const touch = (db: ProjectionDb, trainingId: string, event: RecordedEvent) =>
  db
    .updateTable('trainings')
    .set({ last_revision: event.streamRevision })
    .where('id', '=', trainingId)
    .execute();
