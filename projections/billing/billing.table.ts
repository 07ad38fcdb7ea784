// Tables of the billing read model (migration 0200).
export interface BillingWalletsTable {
  wallet_id: string;
  org_id: string;
  owner: string;
  owner_id: string;
  balance: number;
  last_revision: number;
}

export interface BillingLedgerTable {
  entry_id: string;
  wallet_id: string;
  org_id: string;
  revision: number;
  /** session, analysis, credit, reversal or charge_refused (0 tokens: a charge the billing process could not make) */
  cause: string;
  change: number;
  balance_after: number;
  live_session_id: string | null;
  reversed_entry_id: string | null;
  reversed_by: string | null;
  reason: string | null;
  actor_id: string | null;
  at: Date | string;
}
