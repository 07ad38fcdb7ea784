// Starts Lectern: loads the configuration, opens the runtime, listens, and shuts down gracefully on a signal.
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from '../kernel/config.js';
import { openRuntime } from './runtime.js';

export async function startServer(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(env);
  const runtime = await openRuntime(config, {
    logger: true,
    onProjectionError: (name, error) => console.error(`projection ${name} failed; retrying`, error),
  });
  const app = await buildApp(runtime.deps);
  await app.listen({ port: config.PORT, host: config.HOST });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return { app, runtime, config };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch((error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
