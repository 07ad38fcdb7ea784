// The reports projection, a batch at a time, for live sessions and wallets (the bulk of any history): load
// what the batch touches in a few queries, fold it in memory with the same rules as sessionFacts.ts and
// ledgerFacts.ts, and write it back set-based. Training events stay one at a time (they are few).
import { sql } from 'kysely';
import { memorySlot, type ProjectionDb, type RecordedOf, type ReplayMemory } from '../projection.js';
import { insertRows, opensStream, rowsOf } from '../setBased.js';
import type { ReportLedgerTable, ReportWalletsTable } from './reports.table.js';
import { fold, SESSION_TYPES, type SessionType, type Touched } from './sessionFold.js';

export { SESSION_TYPES };

export const WALLET_TYPES = new Set([
  'WalletOpened',
  'WalletCredited',
  'WalletDebited',
  'WalletEntryReversed',
] as const);
type WalletType = typeof WALLET_TYPES extends Set<infer T> ? T : never;
export const BATCH_TYPES: ReadonlySet<SessionType | WalletType> = new Set([
  ...SESSION_TYPES,
  ...WALLET_TYPES,
]);
const isSession = (e: RecordedOf<SessionType | WalletType>): e is RecordedOf<SessionType> =>
  SESSION_TYPES.has(e.type as SessionType);
const isWallet = (e: RecordedOf<SessionType | WalletType>): e is RecordedOf<WalletType> =>
  WALLET_TYPES.has(e.type as WalletType);

const any = (ids: string[]) => sql<string>`any(${ids}::uuid[])`;

export async function applyReportsBatch(
  db: ProjectionDb,
  events: RecordedOf<SessionType | WalletType>[],
  memory?: ReplayMemory,
) {
  const sessionEvents = events.filter(isSession);
  const walletEvents = events.filter(isWallet);
  if (sessionEvents.length) await sessionsBatch(db, sessionEvents, memory);
  if (walletEvents.length) await ledgerBatch(db, walletEvents);
}

/** A replay's sessions of the previous batch, as written (see ReplayMemory). */
const lastWritten = memorySlot<Map<string, Touched>>('reports: sessions of the previous batch');

async function sessionsBatch(db: ProjectionDb, events: RecordedOf<SessionType>[], memory?: ReplayMemory) {
  const ids = [...new Set(events.map((e) => e.data.liveSessionId))];
  // Sessions created in this batch (in a replay, nearly all) are neither looked up nor replaced.
  const created = new Set(events.filter(opensStream).map((e) => e.data.liveSessionId));
  const known = ids.filter((id) => !created.has(id));
  const remembered = memory?.recall(lastWritten);
  const touched = new Map<string, Touched>(
    ids.map((id) => [
      id,
      remembered?.get(id) ?? { session: null, attendance: new Map(), scores: new Map(), deleted: false },
    ]),
  );
  // A session the previous batch of a replay wrote (the one a page boundary cut) is not read back.
  const toLoad = remembered ? known.filter((id) => !remembered.has(id)) : known;
  if (toLoad.length) await loadKnown(db, toLoad, touched);
  for (const event of events) fold(touched.get(event.data.liveSessionId)!, event);
  if (known.length) {
    await db.deleteFrom('report_attendance').where('session_id', '=', any(known)).execute();
    await db.deleteFrom('report_scores').where('session_id', '=', any(known)).execute();
  }
  const live = [...touched.values()].filter((t) => t.session && !t.deleted);
  memory?.remember(lastWritten, new Map(live.map((t) => [t.session!.session_id, t])));
  const deleted = known.filter((id) => touched.get(id)!.deleted);
  if (deleted.length) await db.deleteFrom('report_sessions').where('session_id', '=', any(deleted)).execute();
  const fresh = live.filter((t) => created.has(t.session!.session_id)).map((t) => t.session!);
  await insertRows(db, 'report_sessions', fresh);
  const updated = live.filter((t) => !created.has(t.session!.session_id)).map((t) => t.session!);
  if (updated.length) {
    await db
      .insertInto('report_sessions')
      .expression((eb) => eb.selectFrom(rowsOf('report_sessions', updated)).selectAll())
      .onConflict((oc) =>
        oc.column('session_id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          starts_at: eb.ref('excluded.starts_at'),
          ends_at: eb.ref('excluded.ends_at'),
          duration_minutes: eb.ref('excluded.duration_minutes'),
          time_zone: eb.ref('excluded.time_zone'),
          status: eb.ref('excluded.status'),
          held: eb.ref('excluded.held'),
          canceled_at: eb.ref('excluded.canceled_at'),
          canceled_by: eb.ref('excluded.canceled_by'),
          cancel_reason: eb.ref('excluded.cancel_reason'),
          cancel_notice_minutes: eb.ref('excluded.cancel_notice_minutes'),
        })),
      )
      .execute();
  }
  await insertRows(
    db,
    'report_attendance',
    live.flatMap((t) => [...t.attendance.values()]),
  );
  await insertRows(
    db,
    'report_scores',
    live.flatMap((t) => [...t.scores.values()]),
  );
}

async function loadKnown(db: ProjectionDb, ids: string[], touched: Map<string, Touched>) {
  for (const s of await db
    .selectFrom('report_sessions')
    .selectAll()
    .where('session_id', '=', any(ids))
    .execute())
    touched.get(s.session_id)!.session = s;
  for (const a of await db
    .selectFrom('report_attendance')
    .selectAll()
    .where('session_id', '=', any(ids))
    .execute())
    touched.get(a.session_id)!.attendance.set(a.student_id, a);
  for (const r of await db
    .selectFrom('report_scores')
    .selectAll()
    .where('session_id', '=', any(ids))
    .execute())
    touched.get(r.session_id)!.scores.set(r.student_id, r);
}

type LedgerEntry = Omit<ReportLedgerTable, 'org_id' | 'owner_kind' | 'owner_id'>;

/**
 * Wallets and their ledger entries. An entry takes its wallet's organisation and owner in the insert itself (a
 * join with the wallets, opened in this batch or before), so the batch reads nothing back; an entry of a wallet
 * the read model never had is dropped by the join, as the one-event path drops it.
 */
async function ledgerBatch(db: ProjectionDb, events: RecordedOf<WalletType>[]) {
  const opened: ReportWalletsTable[] = [];
  const entries: LedgerEntry[] = [];
  for (const event of events) {
    if (event.type === 'WalletOpened') {
      const d = event.data;
      opened.push({ wallet_id: d.walletId, org_id: d.orgId, owner_kind: d.owner, owner_id: d.ownerId });
      continue;
    }
    const d = event.data;
    const base = {
      wallet_id: d.walletId,
      at: event.metadata.at,
      seq: event.streamRevision,
      entry_id: d.entryId,
      balance_after: d.balanceAfter,
    };
    if (event.type === 'WalletCredited')
      entries.push({
        ...base,
        kind: 'credit',
        cause: 'credit',
        live_session_id: null,
        tokens: event.data.tokens,
      });
    else if (event.type === 'WalletDebited') {
      const cause = event.data.cause;
      entries.push({
        ...base,
        kind: 'debit',
        cause: cause.kind,
        live_session_id: cause.kind === 'session' ? cause.liveSessionId : null,
        tokens: -event.data.tokens,
      });
    } else
      entries.push({
        ...base,
        kind: 'reversal',
        cause: 'reversal',
        live_session_id: null,
        tokens: event.data.change,
      });
  }
  if (opened.length)
    await db
      .insertInto('report_wallets')
      .expression((eb) => eb.selectFrom(rowsOf('report_wallets', opened)).selectAll())
      .onConflict((oc) => oc.doNothing())
      .execute();
  if (entries.length)
    await db
      .insertInto('report_ledger')
      .columns([
        'entry_id',
        'wallet_id',
        'org_id',
        'owner_kind',
        'owner_id',
        'at',
        'kind',
        'cause',
        'live_session_id',
        'tokens',
        'balance_after',
        'seq',
      ])
      .expression((eb) =>
        eb
          .selectFrom(rowsOf('report_ledger', entries))
          .innerJoin('report_wallets as w', 'w.wallet_id', 'r.wallet_id')
          .select([
            'r.entry_id',
            'r.wallet_id',
            'w.org_id',
            'w.owner_kind',
            'w.owner_id',
            'r.at',
            'r.kind',
            'r.cause',
            'r.live_session_id',
            'r.tokens',
            'r.balance_after',
            'r.seq',
          ]),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
}
