// Runs the migrations in migrations/ (a static list, so bundling and tsx agree on what exists).
import { Migrator, type MigrationResultSet } from 'kysely';
import type { Db } from './schema.js';
import { migrations } from '../migrations/index.js';

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Features add migrations in their own number ranges; an older-numbered one may arrive after a newer one ran.
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
