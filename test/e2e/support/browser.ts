// Browser tests: a real server on a free port with a fresh database and the demo organisation, and Debian's
// Chromium driven by playwright-core (never a downloaded browser). Also axe-core and screenshots.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sql } from 'kysely';
import { suite } from 'uvu';
import { buildApp, type App } from '../../../main/app.js';
import { loadConfig } from '../../../kernel/config.js';
import { openRuntime, type Runtime } from '../../../main/runtime.js';
import { seedDemo, DEMO_PASSWORD, type DemoLogins } from '../../../scripts/demo.js';
import { ensureWebBuild } from './webBuild.js';
import { isCI, testDatabase, type TestDatabase } from '../../support/services.js';
import { testClock, type TestClock } from '../../support/clock.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = new URL('../../../', import.meta.url).pathname;
export const SCREENSHOTS = `${ROOT}docs/screenshots/`;

/** The demo school's fixed moment in the browser suites (a Thursday morning in March 2031). */
export const DEMO_MOMENT = '2031-03-12T08:00:00.000Z';

export type DemoSchoolCtx = { server: E2EServer; browser: Browser };

/** A browser suite against the demo school on a fixed clock: one server and one Chromium for all its tests. */
export function demoSchoolSuite(name: string, at = DEMO_MOMENT) {
  const test = suite<DemoSchoolCtx>(name);
  test.before(async (ctx) => {
    ctx.server = await startServer({ clock: testClock(at) });
    ctx.browser = await launchBrowser();
  });
  test.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return test;
}

/** Why browser tests cannot run here, or null when they can. In CI a missing browser is a failure. */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (isCI) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}`);
  return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
}

export type E2EServer = {
  url: string;
  app: App;
  runtime: Runtime;
  logins: DemoLogins;
  /** The server's fixed clock, when the suite gave one: the demo week and the browsers' clocks start from it. */
  clock?: TestClock;
  close(): Promise<void>;
};

/** Builds the web client when it is stale (once, under a lock shared by all browser suites), then starts the real server with the demo organisation. */
export async function startServer(options: { clock?: TestClock } = {}): Promise<E2EServer> {
  // Under a lock shared with the other browser suites, and again when web/ changed since the last build.
  ensureWebBuild();
  const database: TestDatabase = (await testDatabase())!;
  const config = loadConfig({
    DATABASE_URL: database.url,
    DATA_DIR: database.url ? undefined : `${ROOT}data/e2e-${process.pid}`,
    PUBLIC_URL: 'http://127.0.0.1:3000',
    DEMO_SEED: 'off',
    LOG_LEVEL: 'warn',
  });
  const runtime = await openRuntime(config, {
    ...(options.clock ? { clock: options.clock } : {}),
    onProjectionError: (name, e) => console.error(`projection ${name}:`, e),
  });
  const app = await buildApp(runtime.deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const logins = await seedDemo(runtime.deps);
  // The read models must include the whole demo before a browser looks (a busy machine needs more than the
  // seed's own 10 s): the course, the five enrollments and the week of sessions.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { rows } = await sql<{ ready: boolean }>`SELECT
        (SELECT count(*) FROM courses) >= 1 AND (SELECT count(*) FROM enrollments) >= 5
        AND (SELECT count(*) FROM schedule_sessions) >= 6 AS ready`.execute(runtime.deps.db);
    if (rows[0]?.ready) break;
    if (Date.now() > deadline) throw new Error('the read models did not catch up with the demo data');
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    runtime,
    logins,
    ...(options.clock ? { clock: options.clock } : {}),
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
    },
  };
}

/** Headless Chromium for tests: no sandbox, GPU, QUIC or background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export const DESKTOP = { width: 1366, height: 900 };
/** A phone held upright (an iPhone 12 to 15). */
export const PHONE = { width: 390, height: 844 };

/** A new browser context (its own cookies), signed in as `email` with the demo password. */
export async function signedIn(
  browser: Browser,
  server: E2EServer,
  email: string,
  timeZone = 'Europe/Berlin',
  viewport: { width: number; height: number } = DESKTOP,
) {
  const context = await browser.newContext({ viewport, timezoneId: timeZone });
  context.setDefaultTimeout(20_000);
  // A server on a fixed clock: the page's clock starts at the same moment (then runs), so "today" in the
  // calendar and the join window agree with the server whatever day the suite runs.
  if (server.clock) {
    await context.clock.install({ time: server.clock.now() });
    await context.clock.resume();
  }
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error (${email}):`, e.message));
  await page.goto(server.url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // On a phone the navigation waits behind the menu button.
  await (
    viewport.width > 760
      ? page.getByRole('navigation', { name: 'Main' })
      : page.getByRole('button', { name: 'Menu' })
  ).waitFor();
  return page;
}

export type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: `${ROOT}node_modules/axe-core/axe.min.js` });
  const violations = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }
    ).axe.run();
    return result.violations as AxeViolation[];
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const describeViolations = (vs: AxeViolation[]) =>
  vs
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: false });
}

/** Runs a test body; when it fails, saves a screenshot of every open page to test-results/ to show why. */
export function shotsOnFailure<C extends { browser: Browser }>(
  name: string,
  body: (ctx: C) => Promise<void>,
) {
  return async (ctx: C) => {
    try {
      await body(ctx);
    } catch (error) {
      mkdirSync(`${ROOT}test-results`, { recursive: true });
      const pages = ctx.browser?.contexts().flatMap((c) => c.pages()) ?? [];
      const slug = name.replace(/\W+/g, '-').slice(0, 60);
      await Promise.all(
        pages.map((p, i) =>
          p.screenshot({ path: `${ROOT}test-results/${slug}-${i}.png` }).catch(() => undefined),
        ),
      );
      throw error;
    }
  };
}
