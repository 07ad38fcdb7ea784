// The follow-up message after a lesson as a student gets it by mail: the key points, the resources, their
// homework, their next session (in their own time zone) and how to prepare.
import type { FollowUpStudent } from '../domain/followUp/followUp.js';
import type { RenderContext, RenderedMail } from './templates.js';

export type FollowUpParams = {
  liveSessionId: string;
  revision: number;
  keyPoints: string;
  resources: string[];
  preparation: string | null;
  homework: FollowUpStudent['homework'];
  nextSession: FollowUpStudent['nextSession'];
};

const when = (start: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(start)) + ` ${timeZone}`;

export function renderFollowUpMail(f: FollowUpParams, ctx: RenderContext): RenderedMail {
  const base = ctx.publicUrl.replace(/\/$/, '');
  const zone = ctx.recipient.timeZone;
  return {
    subject: f.revision > 0 ? 'Follow-up after your lesson (corrected)' : 'Follow-up after your lesson',
    text: [
      `Hello ${ctx.recipient.name},`,
      '',
      'Your teacher sent a follow-up after your lesson.',
      '',
      'Key points covered:',
      f.keyPoints,
      ...(f.resources.length ? ['', 'Resources:', ...f.resources.map((r) => `- ${r}`)] : []),
      ...(f.homework.length
        ? [
            '',
            'Your homework:',
            ...f.homework.map(
              (h) =>
                `- ${h.title ?? 'Homework'}: ${base}/platform/enrollments/${h.enrollmentId}/homework/${h.homeworkId}`,
            ),
          ]
        : []),
      ...(f.nextSession
        ? [
            '',
            `Your next session: ${f.nextSession.title ?? 'live session'}, ${when(f.nextSession.start, zone)}`,
            `${base}/platform/sessions/${f.nextSession.liveSessionId}`,
          ]
        : []),
      ...(f.preparation ? ['', 'How to prepare:', f.preparation] : []),
      '',
      `The lesson: ${base}/platform/sessions/${f.liveSessionId}`,
    ].join('\n'),
  };
}
