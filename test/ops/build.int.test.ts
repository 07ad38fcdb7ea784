// The production build: `tsc -p tsconfig.build.json` compiles the server to dist/, and `NODE_ENV=production npm
// start` (scripts/launch.mjs) runs the compiled server without tsx or vite. The web client is built here only when
// web/dist is missing (its build is what `npm run build` runs after tsc; the browser suites check what it makes).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const root = new URL('../../', import.meta.url).pathname;

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  assert.is(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

const test = suite('production build');

test('npm run build compiles the server to dist/ (and the web client when it is missing)', () => {
  run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json']);
  assert.ok(existsSync(join(root, 'dist/scripts/start.js')));
  assert.ok(existsSync(join(root, 'dist/main/server.js')));
  if (!existsSync(join(root, 'web/dist/index.html'))) run('npm', ['run', 'build:web']);
});

test('NODE_ENV=production npm start runs the compiled server and loads neither tsx nor vite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-prod-'));
  const loadedFile = join(dir, 'loaded.txt');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', './test/ops/support/loadedModules.mjs', 'scripts/launch.mjs'],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: '',
        DATABASE_URL: '',
        NATS_URL: '',
        EVENTSTORE_URL: '',
        DATA_DIR: join(dir, 'data'),
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://localhost:${port}`,
        LOG_LEVEL: 'warn',
        LECTERN_LOADED_MODULES: loadedFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    // Up to 3 minutes: on a loaded machine PGlite and the migrations take a while.
    for (let i = 0; i < 1800 && !output.includes('Lectern is running'); i++) {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(output.includes('Lectern is running'), `the compiled server did not start:\n${output}`);
    const base = `http://127.0.0.1:${port}`;
    assert.is((await fetch(`${base}/health/ready`)).status, 200);
    const page = await fetch(`${base}/`);
    assert.is(page.status, 200, 'the compiled server serves the built web client');
    assert.match(await page.text(), /<div id="root"/);
    assert.not.match(output, /Demo organisation created/, 'production seeds no demo school unless asked');

    child.kill('SIGTERM');
    const code = child.exitCode ?? (await new Promise<number | null>((r) => child.once('exit', r)));
    assert.is(code, 0, `graceful shutdown:\n${output}`);
    const loaded = readFileSync(loadedFile, 'utf8').split('\n');
    assert.ok(
      loaded.some((f) => f.endsWith('/dist/main/server.js')),
      'the compiled server ran',
    );
    const forbidden = loaded.filter(
      (f) => /\/node_modules\/(tsx|vite|esbuild|rollup|get-tsconfig)\//.test(f) || /\.tsx?$/.test(f),
    );
    assert.equal(forbidden, [], 'no tsx, vite or TypeScript source is loaded in production');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
