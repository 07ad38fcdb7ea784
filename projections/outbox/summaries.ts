// The outbox's handler for post-session summaries: each student the event names (their "Lesson Summary"
// preference was on) gets a mail with their own summary; the teacher summary goes to the organisation's "Teacher
// Lesson Summary Recipients" when they were set: one outbox row addressed to the organisation, which the sender
// sends to each address set at the time of sending (addresses never enter the log).
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
          language: own.language,
        },
      });
    }
    if (!d.mailTeacherSummary) return;
    const t = d.teacherSummary;
    await enqueue(db, event, 'teacher-lesson-summary', [d.orgId], {
      summary: {
        liveSessionId: d.liveSessionId,
        lessonTitle: d.lessonTitle,
        text: t.text,
        answered: t.byType.reduce((n, x) => n + x.answered, 0),
        correct: t.byType.reduce((n, x) => n + x.correct, 0),
        incorrect: t.byType.reduce((n, x) => n + x.incorrect, 0),
        percent: t.averagePercent,
      },
    });
  },
} satisfies Handlers;
