// What the app is built from. Nothing in api/ opens a connection of its own.
import type { Db } from '../db/schema.js';
import type { EventStore } from '../commands/eventStore/port.js';
import type { ProjectionRunner } from '../projections/runner.js';
import type { Bus } from '../bus/port.js';
import type { Config } from '../kernel/config.js';
import type { Clock } from '../kernel/clock.js';
import type { SessionCache } from '../auth/sessionCache.js';

export type AppDeps = {
  config: Config;
  db: Db;
  dbKind: 'postgres' | 'pglite';
  eventStore: EventStore;
  projections: ProjectionRunner;
  bus: Bus;
  clock: Clock;
  /** Who a session cookie belongs to, cached per node; the app makes one when none is given. */
  sessions?: SessionCache;
  /** false in tests; a pino options object in the server. */
  logger?: boolean | Record<string, unknown>;
};
