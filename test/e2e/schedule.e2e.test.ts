// In Chromium against the real server: a teacher schedules a group session from the Schedule page, the API's
// error detail shows when the slot is taken, a student sees the session and can join 10 minutes before start;
// axe-core finds no serious violations; screenshots of the pages are saved to docs/screenshots.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { skippedSuite } from '../support/suite.js';
import {
  browserUnavailable,
  describeViolations,
  launchBrowser,
  screenshot,
  seriousViolations,
  signedIn,
  startServer,
  type E2EServer,
} from './support/browser.js';
import { isoToZoned } from '../../web/src/lib/time.js';

const TESTS = [
  'a teacher schedules a group session with Create Session',
  'a taken slot shows the API error detail in the form',
  'a student sees the session and can join 10 minutes before it starts',
  'the main pages have no serious accessibility violations',
];
const why = browserUnavailable();

if (why) skippedSuite('schedule in the browser', why, TESTS);
else {
  type Ctx = { server: E2EServer; browser: Browser; teacher: Page; sessionId: string; start: string };
  const test = suite<Ctx>('schedule in the browser');
  const TZ = 'Europe/Berlin';
  const TITLE = 'Present Tense Review (e2e)';

  test.before(async (ctx) => {
    ctx.server = await startServer();
    ctx.browser = await launchBrowser();
    // Starts in 5 minutes, so the join window (10 minutes before start) is already open.
    const start = new Date(Date.now() + 5 * 60_000);
    start.setUTCSeconds(0, 0);
    ctx.start = start.toISOString();
  });
  test.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });

  test(TESTS[0]!, async (ctx) => {
    const page = (ctx.teacher = await signedIn(ctx.browser, ctx.server, 'teacher@demo.lectern.dev', TZ));
    await page.getByRole('heading', { name: 'Schedule' }).waitFor();
    await page
      .locator('.fc-event')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await page.getByRole('button', { name: 'Create Session' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create Session' });
    await dialog.getByRole('combobox').first().selectOption({ label: 'English B1' });
    await dialog.getByLabel('Course lesson (optional)').selectOption({ index: 2 });
    await dialog.getByLabel(/Date and time/).fill(isoToZoned(ctx.start, TZ));
    await dialog.getByLabel('45 min').check();
    await dialog.getByLabel('Group').check();
    await dialog.getByLabel(/Sofia Student/).check();
    await dialog.getByLabel(/Emma Evans/).check();
    await dialog.getByLabel('Title (optional)').fill(TITLE);
    await dialog.getByLabel('Notes (optional)').fill('Bring one question about your week.');
    await screenshot(page, 'create-session');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/live-sessions') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Save' }).click();
    const response = await created;
    assert.is(response.status(), 201, await response.text());
    ctx.sessionId = ((await response.json()) as { id: string }).id;
    await page
      .getByRole('status')
      .filter({ hasText: `Session “${TITLE}” scheduled.` })
      .waitFor();
    await page.goto(
      `${ctx.server.url}/platform/schedule?view=timeGridWeek&date=${isoToZoned(ctx.start, TZ).slice(0, 10)}`,
    );
    await page.locator('.fc-event', { hasText: TITLE }).waitFor();
    await screenshot(page, 'schedule-week');
  });

  test(TESTS[1]!, async ({ teacher: page, start }) => {
    await page.getByRole('button', { name: 'Create Session' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create Session' });
    await dialog.getByRole('combobox').first().selectOption({ label: 'English B1' });
    await dialog.getByLabel(/Date and time/).fill(isoToZoned(start, TZ));
    await dialog.getByLabel('Group').check();
    await dialog.getByLabel(/Emma Evans/).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    assert.match(text, /Not possible right now\./);
    assert.ok(text.length > 30, `the API's detail is shown: ${text}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test(TESTS[2]!, async (ctx) => {
    const page = await signedIn(ctx.browser, ctx.server, 'student@demo.lectern.dev', TZ);
    assert.not.ok(
      await page.getByRole('button', { name: 'Create Session' }).isVisible(),
      'students do not create',
    );
    await page.goto(
      `${ctx.server.url}/platform/schedule?view=listWeek&date=${isoToZoned(ctx.start, TZ).slice(0, 10)}`,
    );
    const event = page.getByRole('link', { name: TITLE });
    await event.waitFor();
    await screenshot(page, 'schedule-list-student');
    await event.click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const join = page.getByRole('link', { name: 'Join Session' });
    await join.waitFor();
    assert.is(await join.getAttribute('href'), `/room/${ctx.sessionId}`);
    assert.ok(await page.getByText('Emma Evans').isVisible());
    await screenshot(page, 'session-detail');
    await page.context().close();
  });

  test(TESTS[3]!, async (ctx) => {
    const page = ctx.teacher;
    const pages = [
      ['/platform/schedule', 'Schedule'],
      [`/platform/sessions/${ctx.sessionId}`, TITLE],
    ] as const;
    for (const [path, heading] of pages) {
      await page.goto(`${ctx.server.url}${path}`);
      await page.getByRole('heading', { name: heading }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await seriousViolations(page);
      assert.is(violations.length, 0, `${path}:\n${describeViolations(violations)}`);
    }
    await page.context().close();
    const anonymous = await ctx.browser.newPage();
    await anonymous.goto(ctx.server.url);
    await anonymous.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(anonymous, 'sign-in');
    const violations = await seriousViolations(anonymous);
    assert.is(violations.length, 0, `sign-in:\n${describeViolations(violations)}`);
    await anonymous.close();
  });

  test.run();
}
