// Preloaded with `node --import` by test/ops/build.int.test.ts: records every module the process loads (ES modules
// through a resolve hook, CommonJS through require.cache) and writes the list, one per line, to the file named by
// LECTERN_LOADED_MODULES when the process exits.
import { register, createRequire } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = process.env.LECTERN_LOADED_MODULES;
const loaded = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => loaded.add(url.startsWith('file:') ? fileURLToPath(url) : url));
port1.unref();
register('./loadedModulesHooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });

const require = createRequire(import.meta.url);
process.on('exit', () => {
  for (const file of Object.keys(require.cache)) loaded.add(file);
  if (out) writeFileSync(out, [...loaded].join('\n'));
});
