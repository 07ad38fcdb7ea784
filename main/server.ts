// Starts Lectern: loads the configuration, opens the runtime, listens, and shuts down gracefully on a signal.
// Everything it logs is JSON on stdout (pino): requests with their request and correlation ids, and the runtime's
// own lines.
import { pino } from 'pino';
import { buildApp, LOG_OPTIONS } from './app.js';
import { ConfigError, loadConfig } from '../kernel/config.js';
import { openRuntime } from './runtime.js';

/** How long a signalled node may take to stop before it exits anyway (Docker sends SIGKILL after its own 10 s). */
const SHUTDOWN_TIMEOUT_MS = 10_000;
/**
 * How long requests still open at a signal may take to finish; then their connections are closed, so that a
 * client that never ends its request (or never reads its answer) cannot hold the rest of the shutdown, and the
 * database (the embedded one above all) is still closed cleanly within SHUTDOWN_TIMEOUT_MS.
 */
const HTTP_DRAIN_MS = 5_000;

async function closeHttp(app: Awaited<ReturnType<typeof buildApp>>) {
  const cut = setTimeout(() => {
    app.log.warn(
      { afterMs: HTTP_DRAIN_MS },
      `requests still open after ${HTTP_DRAIN_MS} ms of shutdown: their connections are closed`,
    );
    app.server.closeAllConnections();
  }, HTTP_DRAIN_MS);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}

export async function startServer(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(env);
  const log = pino({ level: config.LOG_LEVEL, ...LOG_OPTIONS });
  const runtime = await openRuntime(config, {
    logger: true,
    log,
    onProjectionError: (name, error) => log.error({ err: error, consumer: name }, `${name} failed; retrying`),
  });
  const app = await buildApp(runtime.deps);
  await app.listen({ port: config.PORT, host: config.HOST });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const started = performance.now();
    let pending = 'http server';
    // What the node was still waiting for when it gave up is the operator's clue: logged whatever the log level.
    const force = setTimeout(() => {
      app.log.fatal(
        { waitingFor: pending, afterMs: Math.round(performance.now() - started) },
        `shutdown did not finish within ${SHUTDOWN_TIMEOUT_MS} ms (still stopping ${pending}); exiting`,
      );
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    force.unref();
    // A part that fails to stop is logged and the rest still stop (the database last, so the embedded one is
    // closed cleanly whatever came before); the node then exits 1.
    let failed = false;
    const step = async (name: string, run: () => Promise<void> | void) => {
      pending = name;
      const at = performance.now();
      try {
        await run();
        app.log.debug({ part: name, ms: Math.round(performance.now() - at) }, 'stopped');
      } catch (error) {
        failed = true;
        app.log.error({ part: name, err: error }, `${name} did not stop cleanly`);
      }
    };
    await step('http server', () => closeHttp(app));
    await runtime.close(step);
    app.log.info({ ms: Math.round(performance.now() - started), failed }, 'shut down');
    process.exit(failed ? 1 : 0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return { app, runtime, config };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch((error) => {
    pino(LOG_OPTIONS).fatal(
      error instanceof ConfigError ? { problem: error.message } : { err: error },
      'could not start',
    );
    process.exit(1);
  });
}
