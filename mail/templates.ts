// What each mail says. Rendered at send time from the outbox's parameters (no personal data there) and the
// recipient's current name and time zone; invitations and their changes carry an ICS attachment.
import type { CalendarItem } from '../projections/outbox/items.js';
import type { MailTemplate } from '../projections/outbox/enqueue.js';
import { buildIcs, type IcsMethod } from './ics.js';
import { renderSummaryMail, type SummaryParams } from './summaryMail.js';
import { renderFollowUpMail, type FollowUpParams } from './followUpMail.js';

export type Recipient = { name: string; email: string; timeZone: string };

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

export function titleOf(item: CalendarItem, courseNames: ReadonlyMap<string, string>): string {
  if (item.kind === 'training') {
    return [item.trainingName, item.sectionName].filter(Boolean).join(' – ') || 'Training';
  }
  return item.title ?? (item.courseId ? courseNames.get(item.courseId) : undefined) ?? 'Live lesson';
}

/** "Tue, 24 Nov 2026, 10:00–11:00 Europe/Berlin", and the recipient's own time when their zone differs. */
export function whenOf(item: CalendarItem, recipientZone?: string): string {
  const format = (zone: string, withDate: boolean) => {
    const opts: Intl.DateTimeFormatOptions = {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    };
    const day = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(new Date(item.start));
    const time = new Intl.DateTimeFormat('en-GB', opts);
    const span = `${time.format(new Date(item.start))}–${time.format(new Date(item.end))} ${zone}`;
    return withDate ? `${day}, ${span}` : span;
  };
  const main = format(item.timeZone, true);
  if (!recipientZone || recipientZone === item.timeZone) return main;
  return `${main} (${format(recipientZone, true)})`;
}

/** Where the item lives in the web client. */
export function pageOf(item: CalendarItem, publicUrl: string): string {
  const base = publicUrl.replace(/\/$/, '');
  if (item.kind === 'live') return `${base}/platform/sessions/${item.id}`;
  return item.trainingId ? `${base}/platform/trainings/${item.trainingId}` : `${base}/platform/schedule`;
}

function describe(item: CalendarItem, ctx: RenderContext): string {
  const lines = [`${titleOf(item, ctx.courseNames)}`, `When: ${whenOf(item, ctx.recipient.timeZone)}`];
  const host = item.hostId ? ctx.hostNames.get(item.hostId) : undefined;
  if (host) lines.push(`${item.kind === 'live' ? 'Teacher' : 'Trainer'}: ${host}`);
  if (item.location) lines.push(`Where: ${item.location}`);
  if (item.link) lines.push(`Link: ${item.link}`);
  if (item.notes) lines.push(`Notes: ${item.notes}`);
  lines.push(`Details: ${pageOf(item, ctx.publicUrl)}`);
  return lines.join('\n');
}

/** Seed 000 "Pre-Session Communication": how to join, what to prepare, what is needed. */
function liveReminder(item: CalendarItem, ctx: RenderContext): string[] {
  return [
    '',
    `How to join: open ${pageOf(item, ctx.publicUrl)} and click "Join Session"; the room opens 10 minutes before the start.`,
    item.notes
      ? `What to prepare: ${item.notes}`
      : 'What to prepare: your questions and notes from the last lesson.',
    'You will need: a camera, a microphone (a headset is best) and an internet connection of at least 5 Mbps.',
  ];
}

/** A post-session summary in the mail: the student's own figures and where to read the rest. */
function summaryLines(summary: NonNullable<Params['summary']>, ctx: RenderContext): string[] {
  return [
    '',
    summary.text,
    `Answered: ${summary.answered}, correct: ${summary.correct}, to review: ${summary.incorrect}`,
    `The whole summary: ${ctx.publicUrl.replace(/\/$/, '')}/platform/sessions/${summary.liveSessionId}`,
  ];
}

const TEXT: Record<MailTemplate, { subject: string; intro: string; ics?: IcsMethod }> = {
  'live-session-scheduled': {
    subject: 'Scheduled',
    intro: 'A live session was scheduled for you.',
    ics: 'REQUEST',
  },
  'live-session-rescheduled': {
    subject: 'Rescheduled',
    intro: 'Your live session has a new time.',
    ics: 'REQUEST',
  },
  'live-session-canceled': { subject: 'Canceled', intro: 'Your live session was canceled.', ics: 'CANCEL' },
  'live-session-removed': {
    subject: 'Removed',
    intro: 'You are no longer in this live session.',
    ics: 'CANCEL',
  },
  'live-session-reminder': { subject: 'Reminder', intro: 'Your live session starts within 24 hours.' },
  'training-registered': {
    subject: 'Registered',
    intro: 'You are registered. These are your dates:',
    ics: 'REQUEST',
  },
  'training-requested': { subject: 'Registration requested', intro: 'Your registration awaits approval.' },
  'training-waitlisted': { subject: 'Waitlisted', intro: 'The section is full: you are on its waitlist.' },
  'training-declined': { subject: 'Registration declined', intro: 'Your registration was declined.' },
  'training-deregistered': {
    subject: 'Deregistered',
    intro: 'You are no longer registered for this section.',
    ics: 'CANCEL',
  },
  'training-event-added': {
    subject: 'New date',
    intro: 'A date was added to your training.',
    ics: 'REQUEST',
  },
  'training-event-rescheduled': {
    subject: 'Rescheduled',
    intro: 'A date of your training has a new time.',
    ics: 'REQUEST',
  },
  'training-event-changed': { subject: 'Updated', intro: 'A date of your training changed.', ics: 'REQUEST' },
  'training-event-canceled': {
    subject: 'Canceled',
    intro: 'A date of your training was canceled.',
    ics: 'CANCEL',
  },
  'training-reminder': { subject: 'Reminder', intro: 'Your training date is coming up.' },
  'lesson-summary': { subject: 'Lesson summary', intro: 'Here is the summary of your lesson.' },
  'lesson-follow-up': { subject: 'Follow-up after your lesson', intro: 'Your teacher sent a follow-up.' },
  'teacher-lesson-summary': {
    subject: 'Teacher lesson summary',
    intro: 'Here is the teacher summary of a lesson (all participants).',
  },
};

export function render(template: MailTemplate, params: Params, ctx: RenderContext): RenderedMail {
  if (template === 'lesson-summary' && params.summary) return renderSummaryMail(params.summary, ctx);
  if (template === 'lesson-follow-up' && params.followUp) return renderFollowUpMail(params.followUp, ctx);
  const text = TEXT[template];
  const items = params.items ?? (params.item ? [params.item] : []);
  const heading = template.startsWith('training-')
    ? [params.trainingName, params.sectionName].filter(Boolean).join(' – ') || 'Training'
    : items[0]
      ? titleOf(items[0], ctx.courseNames)
      : (params.summary?.lessonTitle ?? 'Live session');
  const when = params.item ? ` on ${whenOf(params.item)}` : '';
  const body = [
    `Hello ${ctx.recipient.name},`,
    '',
    text.intro,
    ...(params.reason && params.reason !== 'self' ? ['', `Reason: ${params.reason}`] : []),
    ...items.flatMap((item) => ['', describe(item, ctx)]),
    ...(template === 'live-session-reminder' && params.item ? liveReminder(params.item, ctx) : []),
    ...(params.summary ? summaryLines(params.summary, ctx) : []),
    '',
    `Your schedule: ${ctx.publicUrl.replace(/\/$/, '')}/platform/schedule`,
  ].join('\n');
  const mail: RenderedMail = { subject: `${text.subject}: ${heading}${when}`, text: body };
  if (text.ics && items.length > 0) {
    mail.ics = {
      method: text.ics,
      content: buildIcs(items, {
        method: text.ics,
        stamp: ctx.now,
        organizer: ctx.from,
        attendee: { name: ctx.recipient.name, email: ctx.recipient.email },
        summaryOf: (item) => titleOf(item, ctx.courseNames),
        descriptionOf: (item) => describe(item, ctx),
        urlOf: (item) => pageOf(item, ctx.publicUrl),
      }),
    };
  }
  return mail;
}
