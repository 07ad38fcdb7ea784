// A student on a phone (390×844, Chromium) against the real server and the demo school: the schedule (a list of
// the week), the menu that opens the navigation, homework, billing, and registering for a training. No page is
// wider than the screen, and axe-core finds no serious violations. The live room on a phone (video, lesson and
// chat behind tabs) is checked in room.e2e. Screenshots: docs/screenshots.
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { skippedSuite } from '../support/suite.js';
import {
  PHONE,
  browserUnavailable,
  describeViolations,
  demoSchoolSuite,
  screenshot,
  seriousViolations,
  shotsOnFailure,
  signedIn,
} from './support/browser.js';

const TESTS = [
  "a student's schedule, homework, billing and trainings on a phone: nothing wider than the screen",
];
const why = browserUnavailable();
const TRAINING = 'Teaching online: the essentials';

// The page's globals as this test uses them (the test project is typed for Node, not the DOM).
declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };

/** How far the page reaches past the right edge of the screen (0: it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function fitsAndPasses(page: Page, name: string) {
  assert.is(await overflow(page), 0, `${name} is no wider than the phone`);
  const violations = await seriousViolations(page);
  assert.is(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
  await screenshot(page, `phone-${name}`);
}

/** Opens a page from the menu, which closes once the page is chosen. */
async function openFromMenu(page: Page, label: string) {
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ state: 'hidden' });
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

if (why) skippedSuite('a student on a phone (browser)', why, TESTS);
else {
  const test = demoSchoolSuite('a student on a phone (browser)');

  test(
    TESTS[0]!,
    shotsOnFailure(TESTS[0]!, async (ctx) => {
      const page = await signedIn(
        ctx.browser,
        ctx.server,
        'student@demo.lectern.dev',
        'Europe/Berlin',
        PHONE,
      );
      // The schedule opens as a list of the week, with the student's sessions.
      await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
      await page.locator('.fc-list').waitFor();
      assert.ok((await page.locator('.fc-list-event').count()) > 0, 'the week lists sessions');
      assert.is(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'the menu starts closed');
      await fitsAndPasses(page, 'schedule');

      await openFromMenu(page, 'Homework');
      await fitsAndPasses(page, 'homework');

      await openFromMenu(page, 'Billing');
      await fitsAndPasses(page, 'billing');

      // Trainings: open the demo training and register for its section, as at a desk.
      await openFromMenu(page, 'Trainings');
      await fitsAndPasses(page, 'trainings');
      await page.getByRole('region', { name: 'Catalogue' }).getByRole('link', { name: TRAINING }).click();
      await page.getByRole('heading', { level: 1, name: TRAINING }).waitFor();
      const section = page.getByRole('article', { name: 'Evening group' });
      const register = section.getByRole('button', { name: 'Register' });
      await register.scrollIntoViewIfNeeded();
      const box = (await register.boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, 'the Register button is on the screen');
      await register.click();
      const mine = page.getByRole('heading', { name: 'My registration' }).locator('..');
      await mine.getByText('registered').waitFor();
      await fitsAndPasses(page, 'training');
      await page.context().close();
    }),
  );

  test.run();
}
