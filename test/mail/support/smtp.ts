// A real SMTP server in the test process: every message it accepts is parsed with mailparser and kept.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type Inbox = {
  url: string;
  messages: ParsedMail[];
  /** Refuse the next `n` messages with a temporary error (451), as a flaky relay would. */
  failNext(n: number): void;
  refused(): number;
  /** Resolves once at least `n` messages arrived (or rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  to(email: string): ParsedMail[];
  close(): Promise<void>;
};

export async function smtpInbox(): Promise<Inbox> {
  const messages: ParsedMail[] = [];
  let failing = 0;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      if (failing > 0) {
        failing--;
        refused++;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const addressOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []);
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext: (n) => (failing = n),
    refused: () => refused,
    async waitFor(n, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return messages;
    },
    to: (email) => messages.filter((m) => addressOf(m).some((a) => a.value.some((v) => v.address === email))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
