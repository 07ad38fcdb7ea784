// `npm run migrate`: applies pending migrations to the configured database.
import { resolve } from 'node:path';
import { loadConfig } from '../kernel/config.js';
import { connectDatabase } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';

const config = loadConfig();
const database = await connectDatabase({ url: config.DATABASE_URL, dataDir: resolve(config.DATA_DIR) });
const result = await migrateToLatest(database.db);
for (const r of result.results ?? []) console.log(`${r.status.padEnd(8)} ${r.migrationName}`);
if (!result.results?.length) console.log('nothing to migrate');
await database.close();
