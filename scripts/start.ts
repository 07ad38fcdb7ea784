// `npm start`: the whole product on the configured (or embedded) stores, with the demo organisation on an
// empty database and the web client built when it is missing. In production (NODE_ENV=production, compiled by
// `npm run build`) the web client must already be built: production never builds on start.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer } from '../main/server.js';
import { ConfigError, demoSeedWanted } from '../kernel/config.js';
import { PROJECT_ROOT, WEB_DIST } from '../kernel/paths.js';
import { isEmpty, seedDemo } from './demo.js';

async function main() {
  const skipWeb = process.env.LECTERN_SKIP_WEB_BUILD === '1';
  const webBuilt = existsSync(join(WEB_DIST, 'index.html'));
  if (process.env.NODE_ENV === 'production') {
    if (!webBuilt && !skipWeb) {
      console.error('web/dist is missing: run `npm run build` before starting in production.');
      process.exit(1);
    }
  } else if (!skipWeb && !webBuilt && existsSync(join(PROJECT_ROOT, 'web/index.html'))) {
    console.log('Building the web client (first start only)…');
    execSync('npm run build:web', { stdio: 'inherit', cwd: PROJECT_ROOT });
  }
  const { runtime, config } = await startServer();
  // A demo school with known passwords is for trying Lectern: only on the embedded default, or with DEMO_SEED=on.
  // A school's first organisation and admin come from `npm run setup`.
  const demo = demoSeedWanted(config, process.env.NODE_ENV);
  if (demo && (await isEmpty(runtime.deps))) {
    const logins = await seedDemo(runtime.deps);
    console.log(`\nDemo organisation created. Open ${config.PUBLIC_URL} and sign in as:`);
    for (const l of logins)
      console.log(`  ${l.role.padEnd(8)} ${l.email.padEnd(28)} password: ${l.password}`);
    console.log('');
  }
  if (!demo && (await isEmpty(runtime.deps)))
    console.log('The database has no organisation yet: create the first one with `npm run setup`.');
  console.log(`Lectern is running on ${config.PUBLIC_URL} (API docs at ${config.PUBLIC_URL}/docs)`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
