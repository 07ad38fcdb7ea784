// In Chromium against the real server: a person changes their password from the account menu (their other
// sign-in ends, this one stays), a new person opens their one-time link, chooses a password and is signed in, and
// an admin toggles the organisation's Overdraft card.
import * as assert from 'uvu/assert';
import { skippedSuite } from '../support/suite.js';
import { DEMO_PASSWORD } from '../../scripts/demo.js';
import {
  browserUnavailable,
  describeViolations,
  demoSchoolSuite,
  seriousViolations,
  shotsOnFailure,
  signedIn,
  type E2EServer,
} from './support/browser.js';

const TESTS = [
  'change password from Preferences and the account menu: the other session ends, this one stays, the new password signs in',
  'a one-time link: choose a password and be signed in',
  'the admin toggles the Overdraft card and the API reads the new value back',
];
const why = browserUnavailable();
const NEW_PASSWORD = 'my own long password';

async function signIn(server: E2EServer, email: string, password: string) {
  return fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

if (why) skippedSuite('account in the browser', why, TESTS);
else {
  const test = demoSchoolSuite('account in the browser');

  test(
    TESTS[0]!,
    shotsOnFailure(TESTS[0]!, async (ctx) => {
      const email = 'tom@demo.lectern.dev';
      const elsewhere = (await signIn(ctx.server, email, DEMO_PASSWORD)).headers
        .get('set-cookie')!
        .split(';')[0]!;
      const page = await signedIn(ctx.browser, ctx.server, email);
      // Reachable from the account menu and from Preferences.
      assert.is(
        await page.getByRole('link', { name: 'Change password' }).getAttribute('href'),
        '/platform/account/password',
      );
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Preferences' }).click();
      await page.getByRole('heading', { name: 'Preferences' }).waitFor();
      await page.getByRole('link', { name: 'Change your password' }).click();
      await page.getByRole('heading', { name: 'Change password' }).waitFor();
      assert.equal(describeViolations(await seriousViolations(page)), '');

      await page.getByLabel('Current password').fill('not my password');
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('New password again').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('alert').filter({ hasText: 'current password is wrong' }).waitFor();

      await page.getByLabel('Current password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByTestId('password-changed').waitFor();

      const other = await fetch(`${ctx.server.url}/api/me`, { headers: { cookie: elsewhere } });
      assert.is(other.status, 401, 'the other sign-in ended');
      await page.reload();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      assert.is((await signIn(ctx.server, email, DEMO_PASSWORD)).status, 401);
      assert.is((await signIn(ctx.server, email, NEW_PASSWORD)).status, 200);
      await page.context().close();
    }),
  );

  test(
    TESTS[1]!,
    shotsOnFailure(TESTS[1]!, async (ctx) => {
      const admin = (await signIn(ctx.server, 'admin@demo.lectern.dev', DEMO_PASSWORD)).headers
        .get('set-cookie')!
        .split(';')[0]!;
      const created = await fetch(`${ctx.server.url}/api/people`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Nina New', email: 'nina@demo.lectern.dev', role: 'teacher' }),
      });
      assert.is(created.status, 201, await created.clone().text());
      const { invitation } = (await created.json()) as { invitation: { link: string } };
      const path = new URL(invitation.link).pathname + new URL(invitation.link).hash;

      const context = await ctx.browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${ctx.server.url}${path}`);
      await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
      assert.equal(describeViolations(await seriousViolations(page)), '');
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('New password again').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Set password and sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      assert.match(await page.locator('.whoami-name').innerText(), /Nina New/);
      await context.close();
    }),
  );

  test(
    TESTS[2]!,
    shotsOnFailure(TESTS[2]!, async (ctx) => {
      const page = await signedIn(ctx.browser, ctx.server, 'admin@demo.lectern.dev');
      const read = async () =>
        (await (await page.request.get(`${ctx.server.url}/api/organisation/settings`)).json()).allowOverdraft;
      await page.goto(`${ctx.server.url}/platform/admin/groups`);
      const card = page.getByRole('region', { name: 'Overdraft' });
      const box = card.getByRole('checkbox', { name: 'Allow balances below zero' });
      await box.and(page.locator(':enabled')).waitFor();
      const before = await box.isChecked();
      assert.is(await read(), before);
      await box.click();
      await card.getByRole('checkbox', { name: 'Allow balances below zero', checked: !before }).waitFor();
      await box.and(page.locator(':enabled')).waitFor();
      assert.is(await read(), !before);
      await page.context().close();
    }),
  );

  test.run();
}
