// The outbox's handler for post-session summaries: each student the event names (their "Lesson Summary"
// preference was on) gets a mail with their own summary.
import type { Handlers } from '../projection.js';
import { enqueue } from './enqueue.js';

export const summaryHandlers = {
  async PostSessionSummariesMade(db, event) {
    const d = event.data;
    for (const studentId of d.mailTo) {
      const own = d.studentSummaries.find((s) => s.studentId === studentId);
      if (!own) continue;
      await enqueue(db, event, 'lesson-summary', [studentId], {
        summary: {
          liveSessionId: d.liveSessionId,
          lessonTitle: d.lessonTitle,
          text: own.text,
          answered: own.answered,
          correct: own.correct,
          incorrect: own.incorrect,
          percent: own.percent,
        },
      });
    }
  },
} satisfies Handlers;
