// An organisation's mail settings, kept in `organisations.settings` (admins configure what learners
// receive): which mails are switched off and how long before a training event its reminder goes out.
import { MAIL_TEMPLATES, type MailTemplate } from '../projections/outbox/enqueue.js';

export const TRAINING_REMINDER_SETTING = 'trainingReminderMinutes';
export const MAILS_OFF_SETTING = 'mailsOff';
export const DEFAULT_TRAINING_REMINDER_MINUTES = 24 * 60;

export type MailSettings = { trainingReminderMinutes: number; mailsOff: MailTemplate[] };

const known = new Set<string>(MAIL_TEMPLATES);

export function mailsOff(settings: Record<string, unknown> | null | undefined): MailTemplate[] {
  const value = settings?.[MAILS_OFF_SETTING];
  return Array.isArray(value) ? (value.filter((v) => known.has(v)) as MailTemplate[]) : [];
}

export function mailSettingsOf(settings: Record<string, unknown> | null | undefined): MailSettings {
  const lead = settings?.[TRAINING_REMINDER_SETTING];
  return {
    trainingReminderMinutes:
      typeof lead === 'number' && Number.isInteger(lead) && lead >= 0
        ? lead
        : DEFAULT_TRAINING_REMINDER_MINUTES,
    mailsOff: mailsOff(settings),
  };
}
