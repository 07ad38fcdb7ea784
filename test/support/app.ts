// The real app on a fresh database, driven through `inject`, with helpers to create people and sign in.
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildApp, type App } from '../../main/app.js';
import { loadConfig } from '../../kernel/config.js';
import { openRuntime, type Runtime } from '../../main/runtime.js';
import { hashPassword } from '../../auth/passwords.js';
import { createOrganisation, createPerson, createGroup } from '../../db/people.js';
import type { Role } from '../../db/people.table.js';
import { testDatabase, natsUrl } from './services.js';
import { testClock, type TestClock } from './clock.js';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export type TestApp = {
  app: App;
  runtime: Runtime;
  deps: Runtime['deps'];
  clock: TestClock;
  dbKind: 'postgres' | 'pglite';
  close(): Promise<void>;
  /** Creates an organisation with an admin; returns its id and the admin's session. */
  organisation(name?: string, settings?: Record<string, unknown>): Promise<{ orgId: string; admin: Session }>;
  person(orgId: string, role: Role, name?: string): Promise<Session>;
  group(orgId: string, name: string, memberIds: string[], kind?: 'students' | 'trainers'): Promise<string>;
  /** Waits until every projection has applied all events. */
  settle(): Promise<void>;
  countEvents(): Promise<number>;
};

export type Session = {
  id: string;
  orgId: string;
  email: string;
  cookie: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
};

export async function testApp(
  options: {
    env?: Record<string, string>;
    clock?: TestClock;
    nats?: boolean;
    requirePostgres?: boolean;
  } = {},
): Promise<TestApp | null> {
  const database = await testDatabase({ requirePostgres: options.requirePostgres });
  if (!database) return null;
  const nats = options.nats ? await natsUrl() : null;
  if (options.nats && !nats) return null;
  const clock = options.clock ?? testClock();
  const config = loadConfig({
    DATABASE_URL: database.url,
    PUBLIC_URL: 'http://localhost:3000',
    // Suites sign in many people from one address; test/security/rateLimits turns the limits on.
    RATE_LIMITS: 'off',
    ...(nats ? { NATS_URL: nats } : {}),
    ...options.env,
  });
  const runtime = await openRuntime(config, {
    clock,
    onProjectionError: (name, e) => console.error(`projection ${name}:`, e),
  });
  const app = await buildApp(runtime.deps);
  await app.ready();
  let counter = 0;

  const session = (id: string, orgId: string, email: string, cookie: string): Session => {
    const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        payload: body as object | undefined,
        headers: { cookie, ...headers },
      });
    return {
      id,
      orgId,
      email,
      cookie,
      request,
      get: (url) => request('GET', url),
      post: (url, body, headers) => request('POST', url, body ?? {}, headers),
    };
  };

  const person = async (orgId: string, role: Role, name = `${role} ${++counter}`) => {
    passwordHash ??= hashPassword(PASSWORD);
    const email = `${role}${++counter}.${orgId.slice(0, 8)}@test.lectern.dev`;
    const id = await createPerson(runtime.deps.db, {
      orgId,
      role,
      name,
      email,
      passwordHash: await passwordHash,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    return session(id, orgId, email, cookie);
  };

  return {
    app,
    runtime,
    deps: runtime.deps,
    clock,
    dbKind: database.kind,
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
    },
    async organisation(name = 'Test School', settings = {}) {
      const orgId = await createOrganisation(runtime.deps.db, name, settings);
      return { orgId, admin: await person(orgId, 'admin', 'Admin') };
    },
    person,
    group: (orgId, name, memberIds, kind) => createGroup(runtime.deps.db, orgId, name, memberIds, kind),
    async settle() {
      // The last event actually written, not the reader's head: the head waits behind the oldest running
      // transaction of the whole Postgres cluster, which another suite's slow transaction may hold back.
      const { rows } = await sql<{ position: string }>`
        SELECT tx_id::text || ':' || global_position::text AS position FROM events
        ORDER BY tx_id DESC, global_position DESC LIMIT 1`.execute(runtime.deps.db);
      const last = rows[0]?.position;
      if (last && !(await runtime.deps.projections.waitFor(last, 60_000)))
        throw new Error(`projections did not reach ${last} within 60 s`);
    },
    async countEvents() {
      return (await runtime.deps.eventStore.countEvents?.()) ?? -1;
    },
  };
}
