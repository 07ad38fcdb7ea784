// The follow-up messages read model: each session's latest message, with each student's homework and next
// session as they were when it was sent. When its author is erased, what they wrote reads as ERASED_TEXT.
import { projection, type ProjectionDb } from '../projection.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';

async function erasePersonalData(db: ProjectionDb, personId: string) {
  await db
    .updateTable('follow_ups')
    .set({ key_points: ERASED_TEXT, resources: JSON.stringify([]), preparation: ERASED_TEXT })
    .where('sent_by', '=', personId)
    .execute();
}

export const followUpsProjection = projection(
  'followUps',
  ['follow_ups'],
  {
    async FollowUpSent(db, event) {
      const d = event.data;
      const row = {
        org_id: d.orgId,
        teacher_id: d.teacherId,
        revision: d.revision,
        key_points: d.keyPoints,
        resources: JSON.stringify(d.resources),
        preparation: d.preparation,
        students: JSON.stringify(d.students),
        sent_by: d.sentBy,
        sent_at: d.at,
      };
      await db
        .insertInto('follow_ups')
        .values({ live_session_id: d.liveSessionId, ...row })
        .onConflict((oc) =>
          oc.column('live_session_id').doUpdateSet(row).where('follow_ups.revision', '<', d.revision),
        )
        .execute();
    },
  },
  { erasePersonalData },
);
