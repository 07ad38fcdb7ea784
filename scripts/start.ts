// `npm start`: the whole product on the configured (or embedded) stores, with the demo organisation on an
// empty database and the web client built when it is missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { startServer } from '../main/server.js';
import { ConfigError } from '../kernel/config.js';
import { isEmpty, seedDemo } from './demo.js';

async function main() {
  const skipWeb = process.env.LECTERN_SKIP_WEB_BUILD === '1';
  if (!skipWeb && existsSync('web/index.html') && !existsSync('web/dist/index.html')) {
    console.log('Building the web client (first start only)…');
    execSync('npm run build:web', { stdio: 'inherit' });
  }
  const { runtime, config } = await startServer();
  if (config.DEMO_SEED === 'auto' && (await isEmpty(runtime.deps))) {
    const logins = await seedDemo(runtime.deps);
    console.log(`\nDemo organisation created. Open ${config.PUBLIC_URL} and sign in as:`);
    for (const l of logins)
      console.log(`  ${l.role.padEnd(8)} ${l.email.padEnd(28)} password: ${l.password}`);
    console.log('');
  }
  console.log(`Lectern is running on ${config.PUBLIC_URL} (API docs at ${config.PUBLIC_URL}/docs)`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
