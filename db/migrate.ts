// Runs the migrations in migrations/ (a static list, so bundling and tsx agree on what exists).
import { Migrator, type MigrationResultSet } from 'kysely';
import type { Db } from './schema.js';
import { migrations } from '../migrations/index.js';

const migrator = (db: Db) =>
  new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Features add migrations in their own number ranges; an older-numbered one may arrive after a newer one ran.
    allowUnorderedMigrations: true,
  });

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** The names of the migrations this code knows that the database has not applied yet. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const known = await migrator(db).getMigrations();
  return known.filter((m) => !m.executedAt).map((m) => m.name);
}
