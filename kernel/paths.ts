// Where the project's files are, whether the code runs from its sources (tsx) or compiled into dist/ (`npm run
// build`): the root is the nearest folder above this file that holds package.json.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The project's root folder (where package.json is). */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** The built web client (`npm run build:web`). */
export const WEB_DIST = join(PROJECT_ROOT, 'web', 'dist') + '/';
