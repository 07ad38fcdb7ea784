// Stable codes beside the English the server wrote for people, so the interface words them in each person's
// language: why a schedule rule skipped an occurrence (with the conflicting session's times), and why a lesson
// analysis attempt failed (with its values). Rows written before keep null; the queries read their stored text.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['schedule_rule_occurrences', 'group_schedule_occurrences'])
    await sql`
      ALTER TABLE ${sql.table(table)}
        ADD COLUMN reason_code text,
        ADD COLUMN conflict_start timestamptz,
        ADD COLUMN conflict_end timestamptz`.execute(db);
  await sql`ALTER TABLE lesson_analyses ADD COLUMN last_failure jsonb`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE lesson_analyses DROP COLUMN last_failure`.execute(db);
  for (const table of ['schedule_rule_occurrences', 'group_schedule_occurrences'])
    await sql`
      ALTER TABLE ${sql.table(table)}
        DROP COLUMN reason_code,
        DROP COLUMN conflict_start,
        DROP COLUMN conflict_end`.execute(db);
}
