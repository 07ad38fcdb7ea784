// In Chromium against the real server: learners register for a training section (seats left, then the
// waitlist with its position), a trainer sees the roster; admin pages (people, reports) render with charts;
// axe-core finds no serious violations on these pages; screenshots are saved to docs/screenshots.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { skippedSuite } from '../support/suite.js';
import { DEMO_PASSWORD } from '../../scripts/demo.js';
import {
  browserUnavailable,
  describeViolations,
  launchBrowser,
  screenshot,
  shotsOnFailure,
  seriousViolations,
  signedIn,
  startServer,
  type E2EServer,
} from './support/browser.js';
import { testClock } from '../support/clock.js';

const TESTS = [
  'a learner sees seats left and registers for a section',
  'when the section is full, the next learner joins the waitlist and sees the position',
  'a trainer sees the roster with registered and waitlisted learners',
  'admin pages and reports render, with no serious accessibility violations',
];
const why = browserUnavailable();
const TRAINING = 'Customer conversations';

/** A tiny API client signed in as a demo person, to set up what the browser flows start from. */
async function apiAs(server: E2EServer, email: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  assert.is(login.status, 200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

if (why) skippedSuite('trainings in the browser', why, TESTS);
else {
  type Ctx = { server: E2EServer; browser: Browser; trainingId: string };
  const test = suite<Ctx>('trainings in the browser');
  // A fixed clock: the same week whatever day the suite runs (in the future, so the session cookies hold).
  const clock = testClock('2031-03-12T08:00:00.000Z');

  test.before(async (ctx) => {
    ctx.server = await startServer({ clock });
    ctx.browser = await launchBrowser();
    const admin = await apiAs(ctx.server, 'admin@demo.lectern.dev');
    const { groups } = await admin<{ groups: { id: string; name: string }[] }>(
      'GET',
      '/api/groups?kind=students',
    );
    const club = groups.find((g) => g.name === 'Tuesday Conversation Club')!;
    const { people } = await admin<{ people: { id: string; name: string }[] }>(
      'GET',
      '/api/people?role=teacher',
    );
    const trainer = people.find((p) => p.name === 'Tereza Teacher')!;
    const trainers = await admin<{ id: string }>('POST', '/api/groups', {
      kind: 'trainers',
      name: 'Conversation trainers',
      memberIds: [trainer.id],
    });
    await admin('PUT', `/api/trainer-groups/${trainers.id}/participant-groups`, {
      participantGroupIds: [club.id],
    });
    const training = await admin<{ id: string }>('POST', '/api/trainings', {
      name: TRAINING,
      description: 'Two mornings of role play for real customer calls.',
    });
    ctx.trainingId = training.id;
    const day = (d: number, h: number) => {
      const t = new Date(clock.now().getTime() + d * 86_400_000);
      t.setUTCHours(h, 0, 0, 0);
      return t.toISOString();
    };
    const event = (d: number) => ({
      start: day(d, 8),
      end: day(d, 11),
      timeZone: 'Europe/Berlin',
      format: 'online',
      trainerId: trainer.id,
      link: 'https://meet.example.com/conversations',
    });
    await admin('POST', `/api/trainings/${training.id}/sections`, {
      name: 'Morning group',
      participantGroupIds: [club.id],
      registrationOpens: new Date(clock.now().getTime() - 3_600_000).toISOString(),
      registrationCloses: day(6, 0),
      capacity: 2,
      trainerIds: [trainer.id],
      attendanceConfirmationRequired: true,
      events: [event(7), event(8)],
    });
    await admin('POST', `/api/trainings/${training.id}/publish`);
  });
  test.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });

  const openTraining = async (ctx: Ctx, email: string): Promise<Page> => {
    const page = await signedIn(ctx.browser, ctx.server, email);
    await page.getByRole('link', { name: 'Trainings' }).click();
    await page.getByRole('region', { name: 'Catalogue' }).getByRole('link', { name: TRAINING }).click();
    await page.getByRole('heading', { name: TRAINING }).waitFor();
    return page;
  };

  test(
    TESTS[0]!,
    shotsOnFailure(TESTS[0]!, async (ctx: Ctx) => {
      const page = await signedIn(ctx.browser, ctx.server, 'student@demo.lectern.dev');
      await page.getByRole('link', { name: 'Trainings' }).click();
      const card = page.getByRole('article').filter({ hasText: TRAINING });
      await card.getByText('2 seats left').waitFor();
      await screenshot(page, 'trainings-catalogue');
      await card.getByRole('link', { name: TRAINING }).click();
      const section = page.getByRole('article', { name: 'Morning group' });
      await section.getByText('2 of 2 seats left', { exact: false }).waitFor();
      await section.getByRole('button', { name: 'Register' }).click();
      const mine = page.getByRole('heading', { name: 'My registration' }).locator('..');
      await mine.getByText('registered').waitFor();
      await mine.getByText('0 of 2 events attended').waitFor();
      await section.getByText('1 of 2 seats left', { exact: false }).waitFor();
      await screenshot(page, 'training-registered');
      await page.context().close();
    }),
  );

  test(
    TESTS[1]!,
    shotsOnFailure(TESTS[1]!, async (ctx: Ctx) => {
      const lukas = await openTraining(ctx, 'student2@demo.lectern.dev');
      await lukas
        .getByRole('article', { name: 'Morning group' })
        .getByRole('button', { name: 'Register' })
        .click();
      await lukas.getByRole('heading', { name: 'My registration' }).waitFor();
      await lukas.context().close();
      const mia = await openTraining(ctx, 'student3@demo.lectern.dev');
      const section = mia.getByRole('article', { name: 'Morning group' });
      await section.getByText('0 of 2 seats left', { exact: false }).waitFor();
      await section.getByRole('button', { name: 'Join waitlist' }).click();
      await mia.getByText('waitlist position 1').waitFor();
      await screenshot(mia, 'training-waitlist');
      await mia.context().close();
    }),
  );

  test(
    TESTS[2]!,
    shotsOnFailure(TESTS[2]!, async (ctx: Ctx) => {
      const page = await openTraining(ctx, 'teacher@demo.lectern.dev');
      await page.getByRole('button', { name: 'Roster' }).click();
      const roster = page.getByRole('table').filter({ hasText: 'Learner' });
      for (const name of ['Sofia Student', 'Lukas Learner', 'Mia Meyer'])
        await roster.getByText(name).waitFor();
      const mia = roster.getByRole('row').filter({ hasText: 'Mia Meyer' });
      assert.match((await mia.textContent()) ?? '', /waitlist/i);
      await screenshot(page, 'training-roster');
      const violations = await seriousViolations(page);
      assert.is(violations.length, 0, `training (trainer):\n${describeViolations(violations)}`);
      await page.context().close();
    }),
  );

  test(
    TESTS[3]!,
    shotsOnFailure(TESTS[3]!, async (ctx: Ctx) => {
      const page = await signedIn(ctx.browser, ctx.server, 'admin@demo.lectern.dev');
      const pages = [
        ['/platform/admin/people', 'People', 'admin-people'],
        ['/platform/admin/groups', 'Groups', 'admin-groups'],
        ['/platform/admin/courses', 'Courses', 'admin-courses'],
        ['/platform/admin/audit', 'Audit log', 'admin-audit'],
        ['/platform/admin/reports', 'Reports', 'admin-reports'],
        ['/platform/trainings', 'Trainings', null],
        ['/platform/billing', 'Billing', null],
      ] as const;
      for (const [path, heading, shot] of pages) {
        await page.goto(`${ctx.server.url}${path}`);
        await page.getByRole('heading', { name: heading, exact: true }).waitFor();
        await page.waitForLoadState('networkidle');
        if (path.endsWith('reports')) {
          await page.getByRole('img', { name: /Training sections/ }).waitFor();
          await page.getByRole('heading', { name: 'Average scores by course' }).waitFor();
        }
        if (path.endsWith('audit'))
          await page
            .getByRole('cell', { name: /Scheduled/ })
            .first()
            .waitFor();
        if (shot) await screenshot(page, shot);
        const violations = await seriousViolations(page);
        assert.is(violations.length, 0, `${path}:\n${describeViolations(violations)}`);
      }
      await page.context().close();
    }),
  );

  test.run();
}
