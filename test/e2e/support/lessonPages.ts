// What the lesson-content browser test does on a page: open it signed in (generous waits: the test machine is
// shared), join the live room without a camera, answer one exercise and wait for the graded result.
import type { Browser, Page } from 'playwright-core';
import { contextFor, type Person } from './roomCluster.js';

export async function openPage(browser: Browser, who: Person, url: string) {
  const context = await contextFor(browser, who);
  // A busy machine (other suites, builds) makes a browser slow: generous waits, never a fixed sleep.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error (${who.name}):`, e.message));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return page;
}

/** Joins the room without the camera (three video senders are a lot for a busy test machine). */
export async function joinRoom(page: Page) {
  await page.locator('.prejoin-preview video, .prejoin-nocam').first().waitFor({ timeout: 60_000 });
  await page.getByLabel('Use my camera').uncheck();
  await page.getByTestId('join').click({ timeout: 90_000 });
  await page.getByTestId('room').waitFor({ timeout: 60_000 });
}

/** Answers one exercise of the lesson on `page` and waits for the result the server graded. */
export async function answer(
  page: Page,
  exercise: string,
  fill: (card: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  const card = page.getByRole('article', { name: exercise });
  await fill(card);
  await card.getByRole('button', { name: /Submit/ }).click();
  await card.getByTestId('exercise-result').waitFor();
  return card;
}
