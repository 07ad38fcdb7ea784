// No untranslated text anywhere: people sign in, switch the interface to the pseudo-locale (every catalogue string
// becomes "[Ŝçĥéðûļé]") and open every page their role has. Any visible text, aria-label, title or placeholder
// still holding plain English words is reported, unless the words came from the server's data (names, titles,
// lesson text: every string the page received as JSON) or are dates (en-GB month and day names, relative
// times). Covered: the sign-in page; a student's schedule, session page, live room (pre-join), enrollments,
// enrollment, homework, billing, trainings, preferences and password page; a teacher's session page, lesson
// completion, lesson editor and groups; an admin's people, groups, courses, audit log and reports.
// Then German for real: a student chooses Deutsch in Preferences and reads the navigation, the schedule and the
// calendar's dates in German without reloading; and a page for a live session that does not exist says so in
// German (the problems catalogue), not with the server's English detail.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { skippedSuite } from '../support/suite.js';
import {
  DESKTOP,
  browserUnavailable,
  demoSchoolSuite,
  shotsOnFailure,
  signedIn,
  type DemoSchoolCtx,
} from './support/browser.js';

/** A page to look at: its path, and whether its first heading is the page's own words (not a title from data). */
type Visit = { path: string; ownHeading?: boolean };
const TESTS = [
  'the sign-in page has no untranslated text',
  "a student's pages have no untranslated text",
  "a teacher's session, completion, lesson editor and groups pages have no untranslated text",
  "an admin's people, groups, courses, audit and reports pages have no untranslated text",
  'a student who chooses German in Preferences reads the interface, the calendar and dates in German at once',
  'a live session that does not exist is reported in German, not in the server’s English',
];
const why = browserUnavailable();
/** Words that are no one's language: the product's name. */
const NAMES = ['Lectern'];

// The page's globals as the test uses them (the test project is typed for Node, not the DOM).
declare const document: {
  documentElement: { lang: string };
  body: unknown;
  createTreeWalker(root: unknown, what: number): { nextNode(): unknown };
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }>;
};
declare const NodeFilter: { SHOW_TEXT: number };
type TextNode = { textContent: string | null; parentElement: { checkVisibility?(): boolean } | null };

/** Every string in a JSON value. */
function stringsOf(value: unknown, into: Set<string>) {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, into);
}

/** Month and weekday names as en-GB writes them, long and short. */
function dateWords(): string[] {
  const words = new Set<string>();
  for (let m = 0; m < 12; m++)
    for (const month of ['long', 'short'] as const)
      words.add(new Intl.DateTimeFormat('en-GB', { month, timeZone: 'UTC' }).format(Date.UTC(2031, m, 1)));
  for (let d = 0; d < 7; d++)
    for (const weekday of ['long', 'short'] as const)
      words.add(
        new Intl.DateTimeFormat('en-GB', { weekday, timeZone: 'UTC' }).format(Date.UTC(2031, 0, 5 + d)),
      );
  // Relative times as en-GB says them ("in 3 days", "yesterday"), as the interface's formatter writes them.
  const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
  for (const unit of ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const)
    for (const n of [-2, -1, 0, 1, 2])
      for (const part of relative.formatToParts(n, unit))
        if (part.type === 'literal') for (const w of part.value.match(/[A-Za-z]+/g) ?? []) words.add(w);
  return [...words];
}

/** What is left of a text once the pseudo-locale's strings, the data and dates are taken out: plain English. */
function untranslated(text: string, data: string[]): string | null {
  // A piece of what the server sent (a line of a lesson's text in its editor) is data too.
  if (data.some((d) => d.includes(text.trim()))) return null;
  let rest = text.replace(/\[[^\]]*\]/g, ' ');
  for (const d of data) if (d.length >= 2) rest = rest.split(d).join(' ');
  for (const w of [...dateWords(), ...NAMES, 'am', 'pm', 'AM', 'PM'])
    rest = rest.replace(new RegExp(`\\b${w}\\b`, 'g'), ' ');
  return /[A-Za-z]{3,}/.test(rest) ? text.trim() : null;
}

async function textsOn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as TextNode | null; n; n = walker.nextNode() as TextNode | null) {
      const text = n.textContent?.trim();
      if (text && n.parentElement?.checkVisibility?.() !== false) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]'))
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    return out;
  });
}

if (why) skippedSuite('the pseudo-locale (browser)', why, TESTS);
else {
  const test = demoSchoolSuite('the pseudo-locale (browser)');

  /** Turns the pseudo-locale on in this browser context (before any page script runs). */
  const pseudo = (page: Page) =>
    page
      .context()
      .addInitScript(() =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem('lectern.pseudoLocale', '1'),
      );

  /** Every string the page received as JSON from now on: data, which is not translated. */
  function receivedData(page: Page): Set<string> {
    const received = new Set<string>();
    page.on('response', (r) => {
      if (!(r.headers()['content-type'] ?? '').includes('json')) return;
      void r.json().then(
        (body: unknown) => stringsOf(body, received),
        () => undefined,
      );
    });
    return received;
  }

  /** Opens each page and returns "path: text" for every text left in English. */
  async function untranslatedOn(page: Page, received: Set<string>, visits: Visit[]): Promise<string[]> {
    const found: string[] = [];
    const origin = new URL(page.url()).origin;
    for (const { path, ownHeading = true } of visits) {
      await page.goto(`${origin}${path}`);
      await page.locator('h1, h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      if (ownHeading)
        assert.match(
          (await page.locator('h1, h2').first().textContent()) ?? '',
          /^\[/,
          `${path} is in the pseudo-locale`,
        );
      const data = [...received].sort((a, b) => b.length - a.length);
      for (const text of await textsOn(page)) {
        const plain = untranslated(text, data);
        if (plain && !found.includes(`${path}: ${plain}`)) found.push(`${path}: ${plain}`);
      }
    }
    return found;
  }

  /** A signed-in page in the pseudo-locale, with the data it receives collected. */
  async function pseudoSignedIn(ctx: DemoSchoolCtx, email: string) {
    const page = await signedIn(ctx.browser, ctx.server, email);
    await pseudo(page);
    return { page, received: receivedData(page) };
  }

  const api = async <T>(page: Page, path: string): Promise<T> => {
    const response = await page.request.get(`${new URL(page.url()).origin}${path}`);
    assert.ok(response.ok(), `${path}: ${response.status()}`);
    return (await response.json()) as T;
  };

  /** The demo week's sessions, seen by the person of `page`. */
  const demoWeek = (page: Page, ctx: DemoSchoolCtx) => {
    const from = ctx.server.clock!.now().toISOString();
    const to = new Date(ctx.server.clock!.now().getTime() + 7 * 86_400_000).toISOString();
    return api<{ sessions: { id: string; kind: string; status: string }[] }>(
      page,
      `/api/schedule?from=${from}&to=${to}`,
    );
  };

  test(
    TESTS[0]!,
    shotsOnFailure(TESTS[0]!, async (ctx) => {
      const context = await ctx.browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      await pseudo(page);
      await page.goto(`${ctx.server.url}/signin`);
      const found = await untranslatedOn(page, new Set(), [{ path: '/signin' }]);
      assert.equal(found, [], `untranslated text:\n${found.join('\n')}`);
      await context.close();
    }),
  );

  test(
    TESTS[1]!,
    shotsOnFailure(TESTS[1]!, async (ctx) => {
      const { page, received } = await pseudoSignedIn(ctx, 'student@demo.lectern.dev');
      const { enrollments } = await api<{ enrollments: { id: string }[] }>(page, '/api/enrollments');
      const { sessions } = await demoWeek(page, ctx);
      const session = sessions.find((x) => x.status === 'scheduled')!;
      const found = await untranslatedOn(page, received, [
        { path: '/platform/schedule' },
        { path: `/platform/sessions/${session.id}`, ownHeading: false },
        { path: `/room/${session.id}`, ownHeading: false },
        { path: '/platform/enrollments' },
        { path: `/platform/enrollments/${enrollments[0]!.id}`, ownHeading: false },
        { path: '/platform/homework' },
        { path: '/platform/billing' },
        { path: '/platform/trainings' },
        { path: '/platform/preferences' },
        { path: '/platform/account/password' },
      ]);
      assert.equal(found, [], `untranslated text:\n${found.join('\n')}`);
      await page.context().close();
    }),
  );

  test(
    TESTS[2]!,
    shotsOnFailure(TESTS[2]!, async (ctx) => {
      const { page, received } = await pseudoSignedIn(ctx, 'teacher@demo.lectern.dev');
      const { sessions } = await demoWeek(page, ctx);
      const session = sessions.find((x) => x.status === 'scheduled')!;
      const { courses } = await api<{ courses: { id: string; lessons: { id: string }[] }[] }>(
        page,
        '/api/courses',
      );
      const course = courses[0]!;
      const found = await untranslatedOn(page, received, [
        { path: `/platform/sessions/${session.id}`, ownHeading: false },
        { path: `/platform/sessions/${session.id}/complete`, ownHeading: false },
        {
          path: `/platform/courses/${course.id}/lessons/${course.lessons[0]!.id}/content`,
          ownHeading: false,
        },
        { path: '/platform/admin/groups' },
      ]);
      assert.equal(found, [], `untranslated text:\n${found.join('\n')}`);
      await page.context().close();
    }),
  );

  test(
    TESTS[3]!,
    shotsOnFailure(TESTS[3]!, async (ctx) => {
      const { page, received } = await pseudoSignedIn(ctx, 'admin@demo.lectern.dev');
      const found = await untranslatedOn(page, received, [
        { path: '/platform/admin/people' },
        { path: '/platform/admin/groups' },
        { path: '/platform/admin/courses' },
        { path: '/platform/admin/audit' },
        { path: '/platform/admin/reports' },
      ]);
      assert.equal(found, [], `untranslated text:\n${found.join('\n')}`);
      await page.context().close();
    }),
  );

  test(
    TESTS[4]!,
    shotsOnFailure(TESTS[4]!, async (ctx) => {
      const page = await signedIn(ctx.browser, ctx.server, 'student2@demo.lectern.dev');
      await page.goto(`${ctx.server.url}/platform/preferences`);
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/people/me/preferences') && r.request().method() === 'PUT',
      );
      await page.getByLabel(/My language/).selectOption('de');
      assert.is((await saved).status(), 200);
      // At once, without a reload: the navigation, then the schedule with its calendar in German.
      const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
      await nav.getByRole('link', { name: 'Stundenplan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Stundenplan' }).waitFor();
      await page.getByRole('button', { name: 'Heute' }).waitFor();
      // The week of 10–16 March 2031 in the calendar's German title.
      await page.getByText(/März/).first().waitFor();
      assert.is(await page.evaluate(() => document.documentElement.lang), 'de');
      await page.context().close();
    }),
  );

  test(
    TESTS[5]!,
    shotsOnFailure(TESTS[5]!, async (ctx) => {
      const page = await signedIn(ctx.browser, ctx.server, 'student3@demo.lectern.dev');
      const origin = new URL(page.url()).origin;
      const saved = await page.request.put(`${origin}/api/people/me/preferences`, {
        data: { language: 'de' },
      });
      assert.ok(saved.ok(), `German chosen: ${saved.status()}`);
      const missing = '00000000-0000-4000-8000-000000000000';
      const answer = page.waitForResponse((r) => r.url().endsWith(`/api/live-sessions/${missing}`));
      await page.goto(`${origin}/platform/sessions/${missing}`);
      const problem = (await (await answer).json()) as { status: number; detail: string; resource: string };
      assert.equal(
        { status: problem.status, resource: problem.resource },
        { status: 404, resource: 'live_session' },
      );
      const box = page.getByRole('alert');
      await box.getByText('Diese Live-Sitzung gibt es nicht, oder Sie dürfen sie nicht sehen.').waitFor();
      assert.is(await page.evaluate(() => document.documentElement.lang), 'de');
      assert.not.match((await box.textContent()) ?? '', problem.detail, 'the English detail is not shown');
      await page.context().close();
    }),
  );

  test.run();
}
