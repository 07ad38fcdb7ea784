// Invariants as code: replays the event log and checks the rules money and schedules must never break. Used by
// `npm run check-invariants` (every organisation) and GET /api/admin/invariants (the admin's organisation).
//
// 1. ledger_sum: every wallet's balance equals the sum of its ledger (each event's balanceAfter is the running
//    sum of its changes), and the billing read model shows that balance;
// 2. no_overdraft: no event takes a balance below zero (or further below) at a point of the log where its
//    organisation's overdraft is off: the setting as it was then (its events), not as it is now;
// 3. charged_once: every charge of a completed (or verified) deduct session is debited exactly once, and no
//    session debit exists without its charge;
// 4. no_overlap: no teacher has two active (not canceled or deleted) sessions that overlap;
// 5. reversal_once: every reversal reverses one existing entry of its wallet, once, by its exact amount.
import type { Db } from '../db/schema.js';
import type { EventStore, RecordedEvent } from './eventStore/port.js';
import { WalletEvent } from '../domain/wallet/events.js';
import { OrganisationEvent } from '../domain/organisation/organisation.js';
import { LiveSessionEvent } from '../domain/liveSession/events.js';
import { addMinutes } from '../domain/shared/time.js';

export type Invariant = 'ledger_sum' | 'no_overdraft' | 'charged_once' | 'no_overlap' | 'reversal_once';

export const INVARIANTS: Record<Invariant, string> = {
  ledger_sum: "every balance equals the sum of its ledger, and the billing read model's balance",
  no_overdraft: 'no balance below zero at any point where overdraft is off',
  charged_once: 'every charge of a completed deduct session is debited exactly once, and nobody else',
  no_overlap: 'no teacher has overlapping active sessions',
  reversal_once: 'every reversal reverses one existing entry, once',
};

type EventRef = { position: string; streamId: string; type: string; data: unknown; at: string };
export type Violation = { invariant: Invariant; message: string; events: EventRef[] };
export type InvariantReport = {
  checked: { invariant: Invariant; rule: string; subjects: number }[];
  events: number;
  violations: Violation[];
};

const ref = (e: RecordedEvent): EventRef => ({
  position: e.position,
  streamId: e.streamId,
  type: e.type,
  data: e.data,
  at: e.metadata.at,
});

type Entry = { change: number; reversedBy: string | null; isReversal: boolean; event: RecordedEvent };
type Wallet = { orgId: string; sum: number; entries: Map<string, Entry>; last: RecordedEvent | null };
type Session = {
  orgId: string;
  teacherId: string;
  start: string;
  durationMinutes: number;
  active: boolean;
  events: RecordedEvent[];
  charges: Map<string, RecordedEvent>;
};

export async function checkInvariants(
  deps: { db: Db; eventStore: EventStore },
  options: { orgId?: string; batchSize?: number } = {},
): Promise<InvariantReport> {
  const violations: Violation[] = [];
  const wallets = new Map<string, Wallet>();
  const sessions = new Map<string, Session>();
  const debits = new Map<string, RecordedEvent[]>(); // `${liveSessionId}:${studentId}` -> WalletDebited
  // What each organisation was created with; its OrganisationOverdraftSet events change it as the log goes on.
  const overdraft = await overdraftByOrg(deps.db);
  const counts = { ledger_sum: 0, no_overdraft: 0, charged_once: 0, no_overlap: 0, reversal_once: 0 };
  const violate = (invariant: Invariant, message: string, events: RecordedEvent[]) =>
    violations.push({ invariant, message, events: events.map(ref) });

  let after: string | null = null;
  let read = 0;
  for (;;) {
    const batch = await deps.eventStore.readAll({ after, limit: options.batchSize ?? 2000 });
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.position;
    for (const event of batch) {
      if (options.orgId && event.metadata.orgId !== options.orgId) continue;
      read++;
      if (event.streamId.startsWith('wallet-')) walletEvent(event);
      else if (event.streamId.startsWith('liveSession-')) sessionEvent(event);
      else if (event.streamId.startsWith('organisation-')) organisationEvent(event);
    }
  }

  function organisationEvent(event: RecordedEvent) {
    const parsed = OrganisationEvent.safeParse({ type: event.type, data: event.data });
    if (parsed.success && parsed.data.type === 'OrganisationOverdraftSet')
      overdraft.set(parsed.data.data.orgId, parsed.data.data.allowOverdraft);
  }

  function walletEvent(event: RecordedEvent) {
    const parsed = WalletEvent.safeParse({ type: event.type, data: event.data });
    if (!parsed.success) return;
    const e = parsed.data;
    const wallet = wallets.get(e.data.walletId) ?? {
      orgId: event.metadata.orgId,
      sum: 0,
      entries: new Map<string, Entry>(),
      last: null,
    };
    wallets.set(e.data.walletId, wallet);
    let change: number | null = null;
    let balanceAfter: number | null = null;
    switch (e.type) {
      case 'WalletCredited':
        change = e.data.tokens;
        balanceAfter = e.data.balanceAfter;
        wallet.entries.set(e.data.entryId, { change, reversedBy: null, isReversal: false, event });
        break;
      case 'WalletDebited': {
        change = -e.data.tokens;
        balanceAfter = e.data.balanceAfter;
        wallet.entries.set(e.data.entryId, { change, reversedBy: null, isReversal: false, event });
        if (e.data.cause.kind === 'session') {
          const key = `${e.data.cause.liveSessionId}:${e.data.walletId}`;
          debits.set(key, [...(debits.get(key) ?? []), event]);
        }
        break;
      }
      case 'WalletEntryReversed': {
        counts.reversal_once++;
        change = e.data.change;
        balanceAfter = e.data.balanceAfter;
        const target = wallet.entries.get(e.data.reversedEntryId);
        if (!target)
          violate('reversal_once', `reverses ${e.data.reversedEntryId}, not an entry of its wallet`, [event]);
        else if (target.isReversal) violate('reversal_once', 'reverses a reversal', [target.event, event]);
        else if (target.reversedBy)
          violate('reversal_once', `reverses ${e.data.reversedEntryId} a second time`, [target.event, event]);
        else if (target.change !== -e.data.change)
          violate('reversal_once', `gives ${e.data.change} back for a change of ${target.change}`, [
            target.event,
            event,
          ]);
        if (target) target.reversedBy = e.data.entryId;
        wallet.entries.set(e.data.entryId, { change, reversedBy: null, isReversal: true, event });
        break;
      }
      case 'WalletChargeRefused':
        balanceAfter = e.data.balance;
        change = 0;
        break;
      default:
        return;
    }
    const before = wallet.sum;
    wallet.sum += change;
    wallet.last = event;
    if (balanceAfter !== wallet.sum)
      violate(
        'ledger_sum',
        `balance ${balanceAfter} after this event, but its ledger sums to ${wallet.sum}`,
        [event],
      );
    // A balance left below zero while overdraft was on may stay there after it is turned off; only going (further)
    // below zero while it is off breaks the rule.
    if (wallet.sum < 0 && wallet.sum < before && !overdraft.get(wallet.orgId))
      violate('no_overdraft', `balance ${wallet.sum} with overdraft off`, [event]);
    // Go on from what the event says, so one bad event is reported once, not on every later line.
    wallet.sum = balanceAfter;
  }

  function sessionEvent(event: RecordedEvent) {
    const parsed = LiveSessionEvent.safeParse({ type: event.type, data: event.data });
    if (!parsed.success) return;
    const e = parsed.data;
    const id = e.data.liveSessionId;
    if (e.type === 'LiveSessionScheduled') {
      const { orgId, teacherId, start, durationMinutes } = e.data;
      sessions.set(id, {
        orgId,
        teacherId,
        start,
        durationMinutes,
        active: true,
        events: [event],
        charges: new Map(),
      });
      return;
    }
    const session = sessions.get(id);
    if (!session) return;
    switch (e.type) {
      case 'LiveSessionRescheduled':
        session.start = e.data.start;
        session.durationMinutes = e.data.durationMinutes;
        session.events.push(event);
        break;
      case 'LiveSessionCanceled':
      case 'LiveSessionDeleted':
        session.active = false;
        break;
      case 'LiveSessionCompleted':
      case 'LiveSessionVerified':
        for (const charge of e.data.charges)
          if (charge.tokens > 0) session.charges.set(charge.studentId, event);
        break;
      default:
    }
  }

  // 1 (read model) and 2 are per wallet; counted here.
  const balances = await readModelBalances(deps.db, options.orgId);
  for (const [walletId, wallet] of wallets) {
    counts.ledger_sum++;
    counts.no_overdraft++;
    const shown = balances.get(walletId);
    if (wallet.last && shown !== undefined && shown !== wallet.sum)
      violate('ledger_sum', `the billing read model shows ${shown}, the ledger sums to ${wallet.sum}`, [
        wallet.last,
      ]);
  }

  // 3: every charge debited once; no session debit without a charge.
  for (const [liveSessionId, session] of sessions)
    for (const [studentId, completed] of session.charges) {
      counts.charged_once++;
      const found = debits.get(`${liveSessionId}:${studentId}`) ?? [];
      if (found.length !== 1)
        violate('charged_once', `student ${studentId} is debited ${found.length} times for this lesson`, [
          completed,
          ...found,
        ]);
    }
  for (const [key, found] of debits) {
    const [liveSessionId, studentId] = key.split(':') as [string, string];
    if (!sessions.get(liveSessionId)?.charges.has(studentId))
      violate(
        'charged_once',
        `student ${studentId} is debited for a lesson that charged them nothing`,
        found,
      );
  }

  // 4: overlapping active sessions of one teacher.
  const byTeacher = new Map<string, [string, Session][]>();
  for (const entry of sessions)
    if (entry[1].active)
      byTeacher.set(entry[1].teacherId, [...(byTeacher.get(entry[1].teacherId) ?? []), entry]);
  for (const list of byTeacher.values()) {
    counts.no_overlap += list.length;
    list.sort((a, b) => Date.parse(a[1].start) - Date.parse(b[1].start));
    let open: [string, Session] | null = null;
    for (const entry of list) {
      if (open && Date.parse(entry[1].start) < Date.parse(addMinutes(open[1].start, open[1].durationMinutes)))
        violate('no_overlap', `sessions ${open[0]} and ${entry[0]} of one teacher overlap`, [
          open[1].events.at(-1)!,
          entry[1].events.at(-1)!,
        ]);
      const end = (s: Session) => Date.parse(addMinutes(s.start, s.durationMinutes));
      if (!open || end(entry[1]) > end(open[1])) open = entry;
    }
  }

  return {
    checked: (Object.keys(INVARIANTS) as Invariant[]).map((invariant) => ({
      invariant,
      rule: INVARIANTS[invariant],
      subjects: counts[invariant],
    })),
    events: read,
    violations,
  };
}

async function overdraftByOrg(db: Db): Promise<Map<string, boolean>> {
  const rows = await db.selectFrom('organisations').select(['id', 'settings']).execute();
  return new Map(rows.map((r) => [r.id, r.settings?.allowOverdraft === true]));
}

async function readModelBalances(db: Db, orgId: string | undefined): Promise<Map<string, number>> {
  let q = db.selectFrom('billing_wallets').select(['wallet_id', 'balance']);
  if (orgId) q = q.where('org_id', '=', orgId);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.wallet_id, r.balance]));
}
