// The composition root: opens the database, the event store and the bus the configuration names, runs the
// migrations and the projectors, and hands back the app's dependencies with a way to close them all.
import type pg from 'pg';
import { resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import { mailFrom, type Config } from '../kernel/config.js';
import type { AppDeps } from '../api/deps.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import { connectDatabase } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { whenReachable } from '../db/whenReachable.js';
import { postgresEventStore } from '../commands/eventStore/postgres.js';
import type { EventStore } from '../commands/eventStore/port.js';
import { withPersonalData } from '../commands/eventStore/personalData/store.js';
import { PERSONAL_DATA_ERASED_SUBJECT } from '../commands/erasure.js';
import { forgetStates } from '../commands/streamCache.js';
import { sharedReads } from '../commands/logConsumer/sharedReads.js';
import { projectionRunner } from '../projections/runner.js';
import { projections } from '../projections/index.js';
import { processRunner, withProcesses } from '../commands/processes/runner.js';
import { processes } from '../commands/processes/index.js';
import { localBus } from '../bus/local.js';
import type { Bus } from '../bus/port.js';
import { mailSender, type MailSender } from '../mail/sender.js';
import { startScheduleRuleTopUp } from '../commands/scheduleRulesTopUp.js';
import { startGroupScheduleTopUp } from '../commands/groupScheduleTopUp.js';
import { reconciliation } from '../commands/processes/reconciliation.js';
import { lessonAnalysisWorker } from '../commands/lessonAnalysis/setup.js';
import { consumerFailures } from '../kernel/metrics.js';
import { LOG_OPTIONS } from '../api/app.js';

export type Runtime = {
  deps: AppDeps;
  /** The `pg` pool behind `deps.db` on Postgres (none on PGlite), for tools such as the rebuild. */
  pool?: pg.Pool;
  mailer: MailSender;
  /** Repairs what crashes between the steps of a command left (orphaned slots, abandoned reservations). */
  reconciliation: ReturnType<typeof reconciliation>;
  /** Stops everything in order; `step` is told each part's name and runs it (the server times them). */
  close(step?: (name: string, run: () => Promise<void> | void) => Promise<void>): Promise<void>;
};

export async function openRuntime(
  config: Config,
  options: {
    clock?: Clock;
    logger?: AppDeps['logger'];
    startProjections?: boolean;
    onProjectionError?: (name: string, e: unknown) => void;
    /** Where the runtime's own lines go (mail without SMTP_URL); default: a JSON logger when `logger` is set. */
    log?: Logger;
  } = {},
): Promise<Runtime> {
  // Every failure of a projection, process manager or background job is counted for the metrics, then reported.
  const reportError = options.onProjectionError;
  options = {
    ...options,
    onProjectionError: (name, e) => {
      consumerFailures.inc({
        consumer: name,
        kind: projections.some((p) => p.name === name) ? 'projection' : 'process',
      });
      reportError?.(name, e);
    },
  };
  const log = options.log ?? (options.logger ? pino({ level: config.LOG_LEVEL, ...LOG_OPTIONS }) : undefined);
  const database = await connectDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : resolve(config.DATA_DIR),
    poolSize: config.DATABASE_POOL_SIZE,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
  await whenReachable(() => migrateToLatest(database.db), {
    timeoutMs: config.DATABASE_STARTUP_TIMEOUT_MS,
    onWait: (e, attempt) =>
      log?.warn({ err: e, attempt }, 'the database cannot be reached yet; the node waits for it'),
  });
  // Personal text in events is sealed with its person's key, whichever store holds the log.
  const eventStore = withPersonalData(await openEventStore(config, database), database.db);
  const bus = await openBus(config);
  // An erasure on any node: folded states cached here may hold the erased person's text.
  const stopForgetting = bus.subscribe(PERSONAL_DATA_ERASED_SUBJECT, () => forgetStates(eventStore));
  // Process managers (a finished lesson debits wallets) run beside the projectors and are waited for with them.
  // Lesson analyses run off the log in a worker of their own (timers, retries), stopped before the runner.
  const analyses = lessonAnalysisWorker(config, {
    db: database.db,
    eventStore,
    clock: options.clock ?? systemClock,
    onError: (e) => options.onProjectionError?.('lessonAnalysis worker', e),
  });
  // The projectors and process managers read the log through one reader: consumers at the same position share
  // a page. Their commands still go to the event store itself.
  const logReader = sharedReads(eventStore);
  const runner = withProcesses(
    projectionRunner(database.db, logReader, projections, { onError: options.onProjectionError }),
    processRunner(database.db, logReader, processes({ eventStore, analyses, db: database.db }), {
      onError: options.onProjectionError,
    }),
  );
  if (options.startProjections !== false) {
    analyses.start();
    runner.start();
  }
  const deps: AppDeps = {
    config,
    db: database.db,
    dbKind: database.kind,
    eventStore,
    projections: runner,
    bus,
    clock: options.clock ?? systemClock,
    logger: options.logger,
  };
  // Delivers the mail outbox; without SMTP_URL it logs each mail (when the app logs) and counts it as sent.
  const mailer = mailSender({
    db: database.db,
    clock: deps.clock,
    smtpUrl: config.SMTP_URL,
    publicUrl: config.PUBLIC_URL,
    from: mailFrom(config),
    log: log ? (line) => log.info(line) : undefined,
  });
  if (options.startProjections !== false) mailer.start();
  // Keeps recurring schedules filled to their horizon (hourly; adding a rule fills it at once).
  const stopTopUp =
    options.startProjections !== false
      ? startScheduleRuleTopUp(deps, {
          onError: (e) => options.onProjectionError?.('schedule rule top-up', e),
        })
      : async () => {};
  // The same for recurring group classes, which also follow the group's members.
  const stopGroupTopUp =
    options.startProjections !== false
      ? startGroupScheduleTopUp(deps, {
          onError: (e) => options.onProjectionError?.('group schedule top-up', e),
        })
      : async () => {};
  const reconciler = reconciliation(
    { db: database.db, eventStore, clock: deps.clock },
    { onError: (e) => options.onProjectionError?.('reconciliation', e) },
  );
  if (options.startProjections !== false) reconciler.start();
  return {
    deps,
    pool: database.pool,
    mailer,
    reconciliation: reconciler,
    async close(
      step = async (_name: string, run: () => Promise<void> | void) => {
        await run();
      },
    ) {
      await step('schedule rule top-up', stopTopUp);
      await step('group schedule top-up', stopGroupTopUp);
      await step('reconciliation', () => reconciler.stop());
      await step('mail sender', () => mailer.stop());
      await step('lesson analyses', () => analyses.stop());
      await step('projections and processes', () => runner.stop());
      stopForgetting();
      await step('bus', () => bus.close());
      await step('event store', () => eventStore.close());
      await step('database', () => database.close());
    },
  };
}

async function openEventStore(
  config: Config,
  database: Awaited<ReturnType<typeof connectDatabase>>,
): Promise<EventStore> {
  if (config.EVENTSTORE_URL) {
    const { eventStoreDb } = await import('../commands/eventStore/eventStoreDb.js');
    return eventStoreDb(config.EVENTSTORE_URL);
  }
  return postgresEventStore(database.db, {
    listen: database.kind === 'postgres' ? database.listen : undefined,
    pool: database.pool,
    kind: database.kind,
  });
}

async function openBus(config: Config): Promise<Bus> {
  if (!config.NATS_URL) return localBus();
  const { natsBus } = await import('../bus/nats.js');
  return natsBus(config.NATS_URL);
}
