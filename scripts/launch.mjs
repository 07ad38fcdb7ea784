// `npm start`. With NODE_ENV=production it runs the compiled server (dist/, made by `npm run build`) and loads
// neither tsx nor vite; otherwise it runs the sources through tsx, and start.ts builds the web client on the
// first start. Plain JavaScript, so that it needs no compiler to run.
import { existsSync } from 'node:fs';

if (process.env.NODE_ENV === 'production') {
  const compiled = new URL('../dist/scripts/start.js', import.meta.url);
  if (!existsSync(compiled)) {
    console.error(
      'NODE_ENV=production runs the compiled server, and dist/ is missing: run `npm run build` first.',
    );
    process.exit(1);
  }
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./start.ts');
}
