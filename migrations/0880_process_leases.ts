// Leases: one node of the cluster at a time runs each process manager (and the schedule top-up once per
// period). A lease names its holder and when it lapses; a holder that stops renewing loses it at that time.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE process_leases (
      name text PRIMARY KEY,
      holder text NOT NULL,
      expires_at timestamptz NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE process_leases`.execute(db);
}
