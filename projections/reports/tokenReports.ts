// The tokens report: credited, debited per cause and reversed per period, and every wallet's balance at the
// end of the period.
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import { conditions, period, type ReportFilter } from './filters.js';

const num = (v: unknown) => Number(v ?? 0);

export async function tokensReport(db: Db, f: ReportFilter) {
  const studentOnly = f.studentGroupId ? { student: 'l.owner_id' } : {};
  const { rows } = await sql<Record<string, unknown>>`
    SELECT ${period(f, 'l.at')} AS period,
           coalesce(sum(l.tokens) FILTER (WHERE l.kind = 'credit'), 0) AS credited,
           coalesce(-sum(l.tokens) FILTER (WHERE l.kind = 'debit' AND l.cause = 'session'), 0) AS debited_sessions,
           coalesce(-sum(l.tokens) FILTER (WHERE l.kind = 'debit' AND l.cause = 'analysis'), 0) AS debited_analysis,
           coalesce(-sum(l.tokens) FILTER (WHERE l.kind = 'debit' AND l.cause = 'summary'), 0) AS debited_summaries,
           coalesce(sum(l.tokens) FILTER (WHERE l.kind = 'reversal'), 0) AS reversed
    FROM report_ledger l
    WHERE ${conditions(f, { org: 'l.org_id', time: 'l.at', ...studentOnly })}
    GROUP BY 1 ORDER BY 1`.execute(db);
  // The balance after each wallet's last entry before the end of the period.
  const balances = await sql<Record<string, unknown>>`
    SELECT DISTINCT ON (l.wallet_id) l.wallet_id, l.owner_kind, l.owner_id, p.name, l.balance_after
    FROM report_ledger l LEFT JOIN people p ON p.id = l.owner_id
    WHERE l.org_id = ${f.orgId} AND l.at < ${f.to}
      ${f.studentGroupId ? sql`AND l.owner_id IN (SELECT person_id FROM student_group_members WHERE group_id = ${f.studentGroupId})` : sql``}
    ORDER BY l.wallet_id, l.seq DESC`.execute(db);
  return {
    periods: rows.map((r) => ({
      period: String(r.period),
      credited: num(r.credited),
      debitedSessions: num(r.debited_sessions),
      debitedAnalysis: num(r.debited_analysis),
      debitedSummaries: num(r.debited_summaries),
      reversed: num(r.reversed),
    })),
    balances: balances.rows
      .map((r) => ({
        walletId: String(r.wallet_id),
        ownerKind: String(r.owner_kind),
        ownerId: String(r.owner_id),
        name: (r.name as string | null) ?? null,
        balance: num(r.balance_after),
      }))
      .sort((a, b) => a.ownerKind.localeCompare(b.ownerKind) || (a.name ?? '').localeCompare(b.name ?? '')),
  };
}
