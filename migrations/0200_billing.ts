// The billing read model: wallet balances and ledger lines with their cause.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE billing_wallets (
      wallet_id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      owner text NOT NULL,
      owner_id uuid NOT NULL,
      balance integer NOT NULL,
      last_revision integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX billing_wallets_org ON billing_wallets (org_id)`.execute(db);
  await sql`
    CREATE TABLE billing_ledger (
      entry_id text PRIMARY KEY,
      wallet_id uuid NOT NULL,
      org_id uuid NOT NULL,
      revision integer NOT NULL,
      cause text NOT NULL,
      change integer NOT NULL,
      balance_after integer NOT NULL,
      live_session_id text,
      reversed_entry_id text,
      reversed_by text,
      reason text,
      actor_id text,
      at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX billing_ledger_wallet ON billing_ledger (wallet_id, revision)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE billing_ledger, billing_wallets`.execute(db);
}
