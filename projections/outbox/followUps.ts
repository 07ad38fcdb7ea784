// The outbox's handler for follow-up messages: each student of the session gets the message with their own
// homework and next session. Who wrote it (`followUpBy`) is kept so that their erasure reaches these mails.
import type { Handlers } from '../projection.js';
import { enqueue } from './enqueue.js';

export const followUpHandlers = {
  async FollowUpSent(db, event) {
    const d = event.data;
    for (const student of d.students)
      await enqueue(db, event, 'lesson-follow-up', [student.studentId], {
        followUpBy: d.sentBy,
        followUp: {
          liveSessionId: d.liveSessionId,
          revision: d.revision,
          keyPoints: d.keyPoints,
          resources: d.resources,
          preparation: d.preparation,
          homework: student.homework,
          nextSession: student.nextSession,
        },
      });
  },
} satisfies Handlers;
