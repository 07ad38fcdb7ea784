// Delivers the outbox at least once: admits new outbox rows as deliveries, claims due ones with
// FOR UPDATE SKIP LOCKED (so several nodes never take the same row at once), sends, and records the outcome;
// a failure is retried with exponential backoff. A node that dies mid-send leaves its claim to expire, and the
// mail is sent again: its Message-ID is stable so receivers can drop the duplicate.
import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import type { Clock } from '../kernel/clock.js';
import type { MailTemplate } from '../projections/outbox/enqueue.js';
import { mailTransport, type MailTransport } from './transport.js';
import { referencedIds, render, type Params } from './templates.js';
import { enqueueReminders } from './reminders.js';
import { mailsOff } from './settings.js';
import { mailDeliveries } from '../kernel/metrics.js';
import { personLanguageOf } from '../domain/shared/languages.js';

export type MailSenderOptions = {
  db: Db;
  clock: Clock;
  smtpUrl?: string;
  publicUrl: string;
  /** The sender; default Lectern <no-reply@…> at the public URL's host. */
  from?: { name: string; email: string };
  log?: (line: string) => void;
  transport?: MailTransport;
  pollMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  /** How long a claim lasts before another node may take the row over. */
  leaseMs?: number;
  /** Outbox rows older than this are not sent: a projector replaying old history must not mail its past. */
  maxAgeHours?: number;
};

export type SendReport = { sent: number; skipped: number; retried: number; failed: number };

export type MailSender = {
  readonly transport: MailTransport;
  start(): void;
  stop(): Promise<void>;
  /** One round: reminders, admission, claim and send. */
  runOnce(): Promise<SendReport>;
};

/** 30 s, 1 min, 2 min, ... capped at one hour. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

type Claimed = {
  id: string;
  org_id: string;
  recipient_id: string;
  template: string;
  params: unknown;
  attempts: number;
};

export function mailSender(options: MailSenderOptions): MailSender {
  const { db, clock } = options;
  const log = options.log ?? (() => undefined);
  const transport = options.transport ?? mailTransport(options.smtpUrl, log);
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const maxAgeMs = (options.maxAgeHours ?? 72) * 3_600_000;
  const from = options.from ?? { name: 'Lectern', email: `no-reply@${new URL(options.publicUrl).hostname}` };
  let running = false;
  let loop: Promise<void> = Promise.resolve();
  let wake: (() => void) | undefined;

  async function admit(now: Date) {
    await sql`
      INSERT INTO mail_deliveries (id, org_id, recipient_id, template, params, status, attempts, next_attempt_at, created_at)
      SELECT o.id, o.org_id, o.recipient_id, o.template, o.params, 'pending', 0, ${now}, o.created_at
      FROM mail_outbox o
      WHERE o.created_at > ${new Date(now.getTime() - maxAgeMs)}
        AND NOT EXISTS (SELECT 1 FROM mail_deliveries d WHERE d.id = o.id)
      ON CONFLICT (id) DO NOTHING`.execute(db);
  }

  async function claim(now: Date): Promise<Claimed[]> {
    return db.transaction().execute(async (trx) => {
      const { rows } = await sql<Claimed>`
        SELECT id, org_id, recipient_id, template, params, attempts FROM mail_deliveries
        WHERE (status = 'pending' AND next_attempt_at <= ${now})
           OR (status = 'sending' AND locked_until < ${now})
        ORDER BY next_attempt_at
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`.execute(trx);
      if (rows.length === 0) return [];
      await trx
        .updateTable('mail_deliveries')
        .set((eb) => ({
          status: 'sending',
          locked_until: new Date(now.getTime() + leaseMs),
          attempts: eb('attempts', '+', 1),
        }))
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
    });
  }

  async function finish(id: string, values: Record<string, unknown>) {
    await db
      .updateTable('mail_deliveries')
      .set({ locked_until: null, ...values })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .execute();
  }

  /**
   * The teacher summary of a session, addressed to the organisation: sent to each of its "Teacher Lesson Summary
   * Recipients" as set now. A retry after a partial failure sends to every address again.
   */
  async function deliverToRecipients(row: Claimed, now: Date): Promise<keyof SendReport> {
    const org = await db
      .selectFrom('organisations')
      .select('settings')
      .where('id', '=', row.org_id)
      .executeTakeFirst();
    const list = org?.settings?.teacherLessonSummaryRecipients;
    const addresses = Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : [];
    if (addresses.length === 0) {
      await finish(row.id, { status: 'skipped', last_error: 'no Teacher Lesson Summary Recipients set' });
      return 'skipped';
    }
    if ((mailsOff(org?.settings) as string[]).includes(row.template)) {
      await finish(row.id, { status: 'skipped', last_error: 'switched off by the organisation' });
      return 'skipped';
    }
    return send(
      row,
      now,
      addresses.map((email) => ({ name: email, email, time_zone: 'UTC' })),
    );
  }

  async function deliver(row: Claimed, now: Date): Promise<keyof SendReport> {
    if (row.template === 'teacher-lesson-summary') return deliverToRecipients(row, now);
    const recipient = await db
      .selectFrom('people as p')
      .innerJoin('organisations as o', 'o.id', 'p.org_id')
      .leftJoin('person_preferences as pp', 'pp.person_id', 'p.id')
      .select(['p.name', 'p.email', 'p.time_zone', 'pp.language', 'o.settings'])
      .where('p.id', '=', row.recipient_id)
      .where('p.org_id', '=', row.org_id)
      .where('p.active', '=', true)
      .where('p.erased_at', 'is', null)
      .executeTakeFirst();
    if (!recipient) {
      await finish(row.id, { status: 'skipped', last_error: 'recipient inactive, erased or unknown' });
      return 'skipped';
    }
    if ((mailsOff(recipient.settings) as string[]).includes(row.template)) {
      await finish(row.id, { status: 'skipped', last_error: 'switched off by the organisation' });
      return 'skipped';
    }
    return send(row, now, [recipient]);
  }

  async function send(
    row: Claimed,
    now: Date,
    recipients: { name: string; email: string; time_zone: string; language?: string | null }[],
  ): Promise<keyof SendReport> {
    try {
      const params = (typeof row.params === 'string' ? JSON.parse(row.params) : row.params) as Params;
      const { courseIds, hostIds } = referencedIds(params);
      const courses = courseIds.length
        ? await db.selectFrom('courses').select(['id', 'name']).where('id', 'in', courseIds).execute()
        : [];
      const hosts = hostIds.length
        ? await db.selectFrom('people').select(['id', 'name']).where('id', 'in', hostIds).execute()
        : [];
      const messageId = `<${row.id.replace(/[^\w.-]/g, '.')}@lectern>`;
      for (const recipient of recipients) {
        const mail = render(row.template as MailTemplate, params, {
          recipient: {
            name: recipient.name,
            email: recipient.email,
            timeZone: recipient.time_zone,
            language: personLanguageOf(recipient.language),
          },
          from,
          publicUrl: options.publicUrl,
          now,
          courseNames: new Map(courses.map((c) => [c.id, c.name])),
          hostNames: new Map(hosts.map((h) => [h.id, h.name])),
        });
        await transport.send({
          from,
          to: { name: recipient.name, email: recipient.email },
          messageId,
          ...mail,
        });
      }
      await finish(row.id, { status: 'sent', sent_at: clock.now(), message_id: messageId, last_error: null });
      return 'sent';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (row.attempts >= maxAttempts) {
        await finish(row.id, { status: 'failed', last_error: message });
        log(`mail ${row.id} failed for good after ${row.attempts} attempts: ${message}`);
        return 'failed';
      }
      await finish(row.id, {
        status: 'pending',
        last_error: message,
        next_attempt_at: new Date(clock.now().getTime() + backoffMs(row.attempts)),
      });
      return 'retried';
    }
  }

  async function runOnce(): Promise<SendReport> {
    const report: SendReport = { sent: 0, skipped: 0, retried: 0, failed: 0 };
    const now = clock.now();
    await enqueueReminders(db, now);
    await admit(now);
    for (;;) {
      const rows = await claim(now);
      for (const row of rows) {
        const outcome = await deliver(row, now);
        report[outcome]++;
        mailDeliveries.inc({ outcome });
      }
      if (rows.length < batchSize) return report;
    }
  }

  return {
    transport,
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          try {
            await runOnce();
          } catch (error) {
            log(`mail sender: ${error instanceof Error ? error.message : String(error)}`);
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, options.pollMs ?? 2000);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      transport.close();
    },
  };
}
