// How a mail leaves: SMTP through nodemailer when SMTP_URL is set, otherwise a log line (and the mail counts
// as sent), so the embedded default runs without a mail server.
import nodemailer from 'nodemailer';
import type { IcsMethod } from './ics.js';

export type OutgoingMail = {
  from: { name: string; email: string };
  to: { name: string; email: string };
  subject: string;
  text: string;
  ics?: { method: IcsMethod; content: string };
  /** Stable per outbox row, so a receiver can drop a duplicate of an at-least-once delivery. */
  messageId: string;
};

export type MailTransport = {
  kind: 'smtp' | 'log';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export function mailTransport(smtpUrl: string | undefined, log: (line: string) => void): MailTransport {
  if (!smtpUrl) {
    return {
      kind: 'log',
      async send(mail) {
        log(
          `mail (no SMTP_URL, logged only) to=${mail.to.email} subject=${JSON.stringify(mail.subject)}` +
            (mail.ics ? ` ics=${mail.ics.method}` : ''),
        );
      },
      close: () => undefined,
    };
  }
  const smtp = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(mail) {
      await smtp.sendMail({
        from: { name: mail.from.name, address: mail.from.email },
        to: { name: mail.to.name, address: mail.to.email },
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        ...(mail.ics
          ? { icalEvent: { method: mail.ics.method, content: mail.ics.content, filename: 'invite.ics' } }
          : {}),
      });
    },
    close: () => smtp.close(),
  };
}
