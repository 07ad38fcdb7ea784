// Reads of the billing read model: a wallet's balance with its ledger (newest first), and all wallets.
import type { Db } from '../../db/schema.js';

export type LedgerLine = {
  entryId: string;
  cause: string;
  change: number;
  balanceAfter: number;
  liveSessionId: string | null;
  reversedEntryId: string | null;
  reversedBy: string | null;
  reason: string | null;
  at: string;
  /** The lesson behind a session line, as the schedule shows it (null once deleted or for other causes). */
  session: { title: string | null; start: string; courseId: string } | null;
};

export type WalletView = {
  walletId: string;
  owner: string;
  ownerId: string;
  ownerName: string | null;
  balance: number;
};

export async function walletView(
  db: Db,
  ref: { walletId: string; orgId: string; owner: string; ownerId: string },
  limit = 500,
): Promise<WalletView & { ledger: LedgerLine[] }> {
  const row = await db
    .selectFrom('billing_wallets')
    .select('balance')
    .where('wallet_id', '=', ref.walletId)
    .where('org_id', '=', ref.orgId)
    .executeTakeFirst();
  const lines = await db
    .selectFrom('billing_ledger as l')
    .leftJoin('schedule_sessions as s', (j) =>
      // Compared as text: a ledger line's session id is free text in the read model.
      j.on((eb) => eb(eb.cast('s.id', 'text'), '=', eb.ref('l.live_session_id'))),
    )
    .selectAll('l')
    .select(['s.title', 's.starts_at', 's.course_id'])
    .where('l.wallet_id', '=', ref.walletId)
    .where('l.org_id', '=', ref.orgId)
    .orderBy('l.revision', 'desc')
    .limit(limit)
    .execute();
  const name = await ownerName(db, ref.ownerId);
  return {
    walletId: ref.walletId,
    owner: ref.owner,
    ownerId: ref.ownerId,
    ownerName: name,
    balance: row?.balance ?? 0,
    ledger: lines.map((l) => ({
      entryId: l.entry_id,
      cause: l.cause,
      change: l.change,
      balanceAfter: l.balance_after,
      liveSessionId: l.live_session_id,
      reversedEntryId: l.reversed_entry_id,
      reversedBy: l.reversed_by,
      reason: l.reason,
      at: new Date(l.at).toISOString(),
      session: l.starts_at
        ? { title: l.title, start: new Date(l.starts_at).toISOString(), courseId: l.course_id! }
        : null,
    })),
  };
}

async function ownerName(db: Db, id: string) {
  const person = await db.selectFrom('people').select('name').where('id', '=', id).executeTakeFirst();
  if (person) return person.name;
  const org = await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
  return org?.name ?? null;
}

export async function walletsOf(db: Db, orgId: string): Promise<WalletView[]> {
  const rows = await db
    .selectFrom('billing_wallets as w')
    .leftJoin('people as p', 'p.id', 'w.owner_id')
    .select(['w.wallet_id', 'w.owner', 'w.owner_id', 'w.balance', 'p.name'])
    .where('w.org_id', '=', orgId)
    .orderBy('p.name')
    .limit(5000)
    .execute();
  return rows.map((r) => ({
    walletId: r.wallet_id,
    owner: r.owner,
    ownerId: r.owner_id,
    ownerName: r.name ?? null,
    balance: r.balance,
  }));
}
