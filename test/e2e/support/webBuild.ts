// Makes sure web/dist is a build of the current web sources before a browser test serves it. Browser suites run
// in parallel, so the check and the build happen under one file lock: the first builds, the others wait and
// then find it fresh.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST } from '../../../api/routes/web.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const WEB = join(ROOT, 'web');
const LOCK = '/tmp/lectern-web-build.lock';

function newestSource(dir: string): number {
  return readdirSync(dir).reduce((newest, name) => {
    if (name === 'dist' || name === 'node_modules') return newest;
    const path = join(dir, name);
    const s = statSync(path);
    return Math.max(newest, s.isDirectory() ? newestSource(path) : s.mtimeMs);
  }, 0);
}

/** True when web/dist is missing or older than a file under web/ (sources, index.html, vite config). */
export function webBuildStale() {
  const index = `${WEB_DIST}index.html`;
  if (!existsSync(index)) return true;
  return newestSource(WEB) > statSync(index).mtimeMs;
}

export function ensureWebBuild() {
  if (!webBuildStale()) return;
  const script = 'node --import tsx test/e2e/support/webBuild.ts';
  // flock(1) serialises builds across test processes; without it (rare), build directly.
  const command = hasFlock() ? `flock ${LOCK} ${script}` : script;
  execSync(command, { cwd: ROOT, stdio: 'inherit' });
}

/** Runs inside the lock: another suite may have just built it. */
export function buildIfStale() {
  if (webBuildStale()) execSync('npm run build:web', { cwd: ROOT, stdio: 'inherit' });
}

function hasFlock() {
  try {
    execSync('command -v flock', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
