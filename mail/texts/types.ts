// What a mail says, per language: each template's subject and opening line, the labels of a calendar item's
// details, the live-session reminder, the summary lines and the follow-up message.
import type { MailTemplate } from '../../projections/outbox/enqueue.js';

export type MailTexts = {
  templates: Record<MailTemplate, { subject: string; intro: string }>;
  hello: (name: string) => string;
  /** Joins a subject and the item's date: "Rescheduled: English A2 on Tue, …". */
  on: string;
  reason: string;
  when: string;
  teacher: string;
  trainer: string;
  where: string;
  link: string;
  notes: string;
  details: string;
  schedule: string;
  training: string;
  liveLesson: string;
  liveSession: string;
  reminder: { join: (url: string) => string; prepare: string; prepareDefault: string; needs: string };
  summary: {
    subject: string;
    intro: string;
    figures: (answered: string, correct: string, toReview: string) => string;
    whole: string;
  };
  followUp: {
    subject: string;
    corrected: string;
    intro: string;
    keyPoints: string;
    resources: string;
    homework: string;
    homeworkTitle: string;
    next: string;
    nextTitle: string;
    prepare: string;
    lesson: string;
  };
};
