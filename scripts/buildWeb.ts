// `npm run build:web`: builds the web client with Vite, prints every bundle's size (raw and gzip), and fails
// when the JavaScript the main route loads (the entry and its static imports) exceeds its budget.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const MAIN_ROUTE_BUDGET_KB = 300;
const MAIN_ROUTE_PAGE = 'src/pages/Schedule.tsx';
const webRoot = new URL('../web/', import.meta.url).pathname;
const dist = join(webRoot, 'dist');

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; css?: string[] };

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(8);
const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === '.vite' ? [] : files(path)) : [path];
  });
}

async function main() {
  await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;

  console.log(`\n${'file'.padEnd(56)}${'raw kB'.padStart(8)}${'gzip kB'.padStart(9)}`);
  for (const file of files(dist)
    .filter((f) => /\.(js|css)$/.test(f))
    .sort()) {
    console.log(`${relative(dist, file).padEnd(56)}${kb(statSync(file).size)} ${kb(gzipSize(file))}`);
  }

  // The main route (/platform/schedule, where signing in lands): the entry chunk, the schedule page and
  // everything they import statically. Other pages load lazily and are not counted.
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const dep of manifest[key]!.imports ?? []) visit(dep);
  };
  visit(entryKey);
  const entryJs = [...seen].reduce((sum, key) => sum + gzipSize(join(dist, manifest[key]!.file)), 0);
  visit(MAIN_ROUTE_PAGE);
  const mainJs = [...seen].reduce((sum, key) => sum + gzipSize(join(dist, manifest[key]!.file)), 0);
  console.log(`\nentry JavaScript (sign-in, layout, router): ${(entryJs / 1024).toFixed(1)} kB gzip`);
  const line = `main route JavaScript (entry + schedule): ${(mainJs / 1024).toFixed(1)} kB gzip (budget ${MAIN_ROUTE_BUDGET_KB} kB)`;
  if (mainJs > MAIN_ROUTE_BUDGET_KB * 1024) {
    console.error(`${line}: OVER BUDGET`);
    process.exit(1);
  }
  console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
