// The follow-up message after a lesson as a student gets it by mail: the key points, the resources, their
// homework, their next session (in their own time zone) and how to prepare, in their own language.
import type { FollowUpStudent } from '../domain/followUp/followUp.js';
import type { RenderContext, RenderedMail } from './templates.js';
import { dateTimeIn, mailTexts } from './texts/index.js';

export type FollowUpParams = {
  liveSessionId: string;
  revision: number;
  keyPoints: string;
  resources: string[];
  preparation: string | null;
  homework: FollowUpStudent['homework'];
  nextSession: FollowUpStudent['nextSession'];
};

export function renderFollowUpMail(f: FollowUpParams, ctx: RenderContext): RenderedMail {
  const base = ctx.publicUrl.replace(/\/$/, '');
  const zone = ctx.recipient.timeZone;
  const language = ctx.recipient.language ?? 'en';
  const t = mailTexts(language).followUp;
  return {
    subject: f.revision > 0 ? `${t.subject} (${t.corrected})` : t.subject,
    text: [
      mailTexts(language).hello(ctx.recipient.name),
      '',
      t.intro,
      '',
      t.keyPoints,
      f.keyPoints,
      ...(f.resources.length ? ['', t.resources, ...f.resources.map((r) => `- ${r}`)] : []),
      ...(f.homework.length
        ? [
            '',
            t.homework,
            ...f.homework.map(
              (h) =>
                `- ${h.title ?? t.homeworkTitle}: ${base}/platform/enrollments/${h.enrollmentId}/homework/${h.homeworkId}`,
            ),
          ]
        : []),
      ...(f.nextSession
        ? [
            '',
            `${t.next}: ${f.nextSession.title ?? t.nextTitle}, ${dateTimeIn(f.nextSession.start, zone, language)} ${zone}`,
            `${base}/platform/sessions/${f.nextSession.liveSessionId}`,
          ]
        : []),
      ...(f.preparation ? ['', t.prepare, f.preparation] : []),
      '',
      `${t.lesson}: ${base}/platform/sessions/${f.liveSessionId}`,
    ].join('\n'),
  };
}
