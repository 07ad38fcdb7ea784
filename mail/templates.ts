// What each mail says. Rendered at send time from the outbox's parameters (no personal data there) and the
// recipient's current name, time zone and language (mail/texts); invitations and their changes carry an ICS attachment.
import type { CalendarItem } from '../projections/outbox/items.js';
import type { MailTemplate } from '../projections/outbox/enqueue.js';
import { buildIcs, type IcsMethod } from './ics.js';
import { renderSummaryMail, type SummaryParams } from './summaryMail.js';
import { renderFollowUpMail, type FollowUpParams } from './followUpMail.js';
import { mailTexts, type MailTexts } from './texts/index.js';
import { LOCALE_OF, type PersonLanguage } from '../domain/shared/languages.js';

/** Who a mail is for: their name, their zone (times are shown in it too) and their language (the mail is in it). */
export type Recipient = { name: string; email: string; timeZone: string; language?: PersonLanguage };

export type RenderContext = {
  recipient: Recipient;
  from: { name: string; email: string };
  publicUrl: string;
  now: Date;
  courseNames: ReadonlyMap<string, string>;
  hostNames: ReadonlyMap<string, string>;
};

export type Params = {
  item?: CalendarItem;
  items?: CalendarItem[];
  trainingName?: string | null;
  sectionName?: string | null;
  reason?: string | null;
  /** A post-session summary: the student's own figures (in their language), or the teacher summary's. */
  summary?: SummaryParams;
  /** A follow-up message after a lesson: what the teacher wrote, the student's homework and next session. */
  followUp?: FollowUpParams;
};

export type RenderedMail = {
  subject: string;
  text: string;
  ics?: { method: IcsMethod; content: string };
};

/** The course, person and section ids the render needs names for. */
export function referencedIds(params: Params) {
  const items = [...(params.item ? [params.item] : []), ...(params.items ?? [])];
  return {
    courseIds: items.flatMap((i) => (i.courseId ? [i.courseId] : [])),
    hostIds: items.flatMap((i) => (i.hostId ? [i.hostId] : [])),
  };
}

export function titleOf(
  item: CalendarItem,
  courseNames: ReadonlyMap<string, string>,
  t: MailTexts = mailTexts(),
): string {
  if (item.kind === 'training') {
    return [item.trainingName, item.sectionName].filter(Boolean).join(' – ') || t.training;
  }
  return item.title ?? (item.courseId ? courseNames.get(item.courseId) : undefined) ?? t.liveLesson;
}

/** "Tue, 24 Nov 2026, 10:00–11:00 Europe/Berlin" in the language's locale, and the recipient's own time when
 *  their zone differs. */
export function whenOf(item: CalendarItem, recipientZone?: string, language: PersonLanguage = 'en'): string {
  const format = (zone: string) => {
    const locale = LOCALE_OF[language];
    const day = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(new Date(item.start));
    const time = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    return `${day}, ${time.format(new Date(item.start))}–${time.format(new Date(item.end))} ${zone}`;
  };
  const main = format(item.timeZone);
  if (!recipientZone || recipientZone === item.timeZone) return main;
  return `${main} (${format(recipientZone)})`;
}

/** Where the item lives in the web client. */
export function pageOf(item: CalendarItem, publicUrl: string): string {
  const base = publicUrl.replace(/\/$/, '');
  if (item.kind === 'live') return `${base}/platform/sessions/${item.id}`;
  return item.trainingId ? `${base}/platform/trainings/${item.trainingId}` : `${base}/platform/schedule`;
}

function describe(item: CalendarItem, ctx: RenderContext, t: MailTexts): string {
  const language = ctx.recipient.language;
  const lines = [
    `${titleOf(item, ctx.courseNames, t)}`,
    `${t.when}: ${whenOf(item, ctx.recipient.timeZone, language)}`,
  ];
  const host = item.hostId ? ctx.hostNames.get(item.hostId) : undefined;
  if (host) lines.push(`${item.kind === 'live' ? t.teacher : t.trainer}: ${host}`);
  if (item.location) lines.push(`${t.where}: ${item.location}`);
  if (item.link) lines.push(`${t.link}: ${item.link}`);
  if (item.notes) lines.push(`${t.notes}: ${item.notes}`);
  lines.push(`${t.details}: ${pageOf(item, ctx.publicUrl)}`);
  return lines.join('\n');
}

/** Before a live session: how to join, what to prepare, what is needed. */
function liveReminder(item: CalendarItem, ctx: RenderContext, t: MailTexts): string[] {
  return [
    '',
    t.reminder.join(pageOf(item, ctx.publicUrl)),
    `${t.reminder.prepare}: ${item.notes ?? t.reminder.prepareDefault}`,
    t.reminder.needs,
  ];
}

/** A post-session summary in the mail: the figures and where to read the rest. */
function summaryLines(summary: NonNullable<Params['summary']>, ctx: RenderContext, t: MailTexts): string[] {
  const n = (x: number) => x.toLocaleString(LOCALE_OF[ctx.recipient.language ?? 'en']);
  return [
    '',
    summary.text,
    t.summary.figures(n(summary.answered), n(summary.correct), n(summary.incorrect)),
    `${t.summary.whole}: ${ctx.publicUrl.replace(/\/$/, '')}/platform/sessions/${summary.liveSessionId}`,
  ];
}

/** The calendar invitation each template carries, if any. */
const ICS: Partial<Record<MailTemplate, IcsMethod>> = {
  'live-session-scheduled': 'REQUEST',
  'live-session-rescheduled': 'REQUEST',
  'live-session-canceled': 'CANCEL',
  'live-session-removed': 'CANCEL',
  'training-registered': 'REQUEST',
  'training-deregistered': 'CANCEL',
  'training-event-added': 'REQUEST',
  'training-event-rescheduled': 'REQUEST',
  'training-event-changed': 'REQUEST',
  'training-event-canceled': 'CANCEL',
};

export function render(template: MailTemplate, params: Params, ctx: RenderContext): RenderedMail {
  if (template === 'lesson-summary' && params.summary) return renderSummaryMail(params.summary, ctx);
  if (template === 'lesson-follow-up' && params.followUp) return renderFollowUpMail(params.followUp, ctx);
  const t = mailTexts(ctx.recipient.language);
  const text = t.templates[template];
  const method = ICS[template];
  const items = params.items ?? (params.item ? [params.item] : []);
  const heading = template.startsWith('training-')
    ? [params.trainingName, params.sectionName].filter(Boolean).join(' – ') || t.training
    : items[0]
      ? titleOf(items[0], ctx.courseNames, t)
      : (params.summary?.lessonTitle ?? t.liveSession);
  const when = params.item ? ` ${t.on} ${whenOf(params.item, undefined, ctx.recipient.language)}` : '';
  const body = [
    t.hello(ctx.recipient.name),
    '',
    text.intro,
    ...(params.reason && params.reason !== 'self' ? ['', `${t.reason}: ${params.reason}`] : []),
    ...items.flatMap((item) => ['', describe(item, ctx, t)]),
    ...(template === 'live-session-reminder' && params.item ? liveReminder(params.item, ctx, t) : []),
    ...(params.summary ? summaryLines(params.summary, ctx, t) : []),
    '',
    `${t.schedule}: ${ctx.publicUrl.replace(/\/$/, '')}/platform/schedule`,
  ].join('\n');
  const mail: RenderedMail = { subject: `${text.subject}: ${heading}${when}`, text: body };
  if (method && items.length > 0) {
    mail.ics = {
      method,
      content: buildIcs(items, {
        method,
        stamp: ctx.now,
        organizer: ctx.from,
        attendee: { name: ctx.recipient.name, email: ctx.recipient.email },
        summaryOf: (item) => titleOf(item, ctx.courseNames, t),
        descriptionOf: (item) => describe(item, ctx, t),
        urlOf: (item) => pageOf(item, ctx.publicUrl),
      }),
    };
  }
  return mail;
}
