// Settings, read from the environment and validated at start-up. A bad value stops the start with its name.
import { z } from 'zod';

const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  DATA_DIR: z.string().default('./data'),
  /** Connections this node keeps to Postgres (read models and, by default, events). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(10),
  /** Postgres cancels a statement that runs longer than this (ms; 0: never). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** Postgres ends a connection left idle inside a transaction longer than this (ms; 0: never). */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** A node starting while Postgres cannot be reached waits this long for it before it gives up (ms). */
  DATABASE_STARTUP_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  EVENTSTORE_URL: z.preprocess(
    emptyToUndefined,
    z.string().startsWith('esdb', { message: 'must be an esdb:// or esdb+discover:// URL' }).optional(),
  ),
  NATS_URL: z.preprocess(emptyToUndefined, z.string().optional()),
  ICE_SERVERS: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() ? JSON.parse(v) : []),
    z.array(IceServer),
  ),
  /** TURN servers of a coturn with `use-auth-secret`, comma-separated (turn:host:3478,turns:host:5349?transport=tcp). */
  TURN_URLS: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((u) => u.trim())
            .filter(Boolean)
        : [],
    z.array(z.string().regex(/^turns?:[^\s,]+$/, { message: 'each must be a turn: or turns: URL' })),
  ),
  /** coturn's `static-auth-secret`: signs the time-limited TURN credentials handed to room members. */
  TURN_SECRET: z.preprocess(emptyToUndefined, z.string().min(16).optional()),
  /** How long one set of TURN credentials works for a new relay (seconds); browsers renew them half-way. */
  TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** Group video through a Janus SFU (its WebSocket API, e.g. ws://127.0.0.1:8188); unset: every room is a mesh. */
  JANUS_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^wss?:\/\//, { message: 'must be a ws:// or wss:// URL' })
      .optional(),
  ),
  /** Group sessions with more people than this use the SFU (when JANUS_URL is set); one-to-one stays a mesh. */
  SFU_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(2),
  /** Cameras and screens one SFU room carries at once. */
  SFU_MAX_PUBLISHERS: z.coerce.number().int().min(2).max(200).default(30),
  /** Stored document updates (Yjs: lesson documents, whiteboard) one connection may send: per second, and a burst. */
  ROOM_UPDATES_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(60),
  ROOM_UPDATES_BURST: z.coerce.number().int().min(1).max(100_000).default(300),
  /** Bytes of stored document updates one connection may send: per second, and a burst. */
  ROOM_UPDATE_BYTES_PER_SECOND: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1 << 30)
    .default(256 * 1024),
  ROOM_UPDATE_BYTES_BURST: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1 << 30)
    .default(2 * 1024 * 1024),
  /** Shared documents (names) one room may hold, and the size of one document in bytes. */
  ROOM_MAX_DOCS: z.coerce.number().int().min(2).max(1000).default(20),
  ROOM_DOC_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1 << 30)
    .default(8 * 1024 * 1024),
  /** Bytes waiting to be sent to one connection; a connection that reads slower is closed (4408). */
  ROOM_SEND_QUEUE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1 << 30)
    .default(8 * 1024 * 1024),
  SMTP_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  /** The sender of every mail: `Name <address>` or an address (default: Lectern <no-reply@PUBLIC_URL's host>). */
  MAIL_FROM: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
        message: 'must be an address or `Name <address>`',
      })
      .optional(),
  ),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /**
   * Which proxies in front of this node to believe about the client's address (X-Forwarded-For) and protocol:
   * `off` (the default: the client's own address, so a caller cannot pick its IP for the per-IP limits), a hop
   * count (`1`: one proxy), or a comma-separated list of proxy addresses or CIDR ranges.
   */
  TRUST_PROXY: z.preprocess(
    (v) => (v === undefined || v === '' ? 'off' : v),
    z.string().regex(/^(off|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
      message: 'must be off, a hop count, or a comma-separated list of proxy addresses (CIDR allowed)',
    }),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 14),
  /** Lets a Prometheus server read GET /metrics with `Authorization: Bearer <token>` (admins may always). */
  METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16).optional()),
  /**
   * A demo school with known passwords on an empty database: `auto` (the default) only on the embedded default
   * (no DATABASE_URL, no EVENTSTORE_URL, NODE_ENV not production), `on` whatever the stores, `off` never.
   */
  DEMO_SEED: z.preprocess(emptyToUndefined, z.enum(['auto', 'on', 'off']).default('auto')),
  /** The request rate limits of api/rateLimits.ts (sign-in, set-password, invitations, calendar feeds). */
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  /** Lesson analyses: an OpenAI-compatible chat-completions endpoint (base URL or full URL) for the prose. */
  AI_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  AI_API_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
  AI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  AI_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(20_000),
  /** One attempt of an analysis, its number of attempts, and the first wait before a retry (doubled each time). */
  ANALYSIS_TIMEOUT_MS: z.coerce.number().int().min(1).max(3_600_000).default(60_000),
  ANALYSIS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  ANALYSIS_RETRY_MS: z.coerce.number().int().min(0).max(3_600_000).default(2_000),
});

export type Config = z.infer<typeof ConfigSchema>;

/** TURN_URLS and TURN_SECRET go together: one without the other is a mistake worth stopping for. */
const turnPaired = (c: Config) => Boolean(c.TURN_URLS.length) === Boolean(c.TURN_SECRET);

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  let parsed;
  try {
    parsed = ConfigSchema.safeParse(env);
  } catch (error) {
    throw new ConfigError(`ICE_SERVERS: not valid JSON (${(error as Error).message})`);
  }
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  if (!turnPaired(parsed.data))
    throw new ConfigError('invalid configuration: TURN_URLS and TURN_SECRET must be set together');
  return parsed.data;
}

/** Who mail comes from: MAIL_FROM, or Lectern <no-reply@…> at the public host. */
export function mailFrom(config: Config): { name: string; email: string } {
  if (!config.MAIL_FROM) return { name: 'Lectern', email: `no-reply@${new URL(config.PUBLIC_URL).hostname}` };
  const named = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(config.MAIL_FROM);
  return named
    ? { name: named[1]!.replace(/^"|"$/g, '') || 'Lectern', email: named[2]! }
    : { name: 'Lectern', email: config.MAIL_FROM.trim() };
}

/** TRUST_PROXY as Fastify's `trustProxy`: false, a hop count, or a list of addresses. */
export function trustProxyOf(config: Pick<Config, 'TRUST_PROXY'>): boolean | number | string[] {
  const value = config.TRUST_PROXY.trim();
  if (value === 'off') return false;
  if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
  return value.split(',').map((a) => a.trim());
}

/** Whether `npm start` may create the demo school (on an empty database): see DEMO_SEED. */
export function demoSeedWanted(
  config: Pick<Config, 'DEMO_SEED' | 'DATABASE_URL' | 'EVENTSTORE_URL'>,
  nodeEnv: string | undefined,
): boolean {
  if (config.DEMO_SEED !== 'auto') return config.DEMO_SEED === 'on';
  return !config.DATABASE_URL && !config.EVENTSTORE_URL && nodeEnv !== 'production';
}

/** The origins allowed to send state-changing requests and open the WebSocket. */
export const allowedOrigins = (config: Config) => new Set([new URL(config.PUBLIC_URL).origin]);
