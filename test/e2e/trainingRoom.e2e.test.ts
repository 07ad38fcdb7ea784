// In Chromium against the real server, on a fixed clock: the trainer opens an online training event's live room
// from "My events" on the Trainings page, a registered learner opens "My events", joins the same room after the
// start, and the trainer sees her attendance recorded (the section's roster counts the event as attended).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { skippedSuite } from '../support/suite.js';
import { DEMO_PASSWORD } from '../../scripts/demo.js';
import {
  browserUnavailable,
  screenshot,
  shotsOnFailure,
  signedIn,
  startServer,
  type E2EServer,
} from './support/browser.js';
import { launchChromium } from './support/roomCluster.js';
import { testClock } from '../support/clock.js';

const TESTS = ['a learner joins the training room from My events and the trainer sees her attendance'];
const why = browserUnavailable();
const TRAINING = 'Handling complaints';

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

if (why) skippedSuite('training room in the browser', why, TESTS);
else {
  type Ctx = { server: E2EServer; browser: Browser; trainingId: string; start: string };
  const test = suite<Ctx>('training room in the browser');
  const clock = testClock('2031-03-12T08:00:00.000Z');

  test.before(async (ctx) => {
    try {
      await setUp(ctx);
    } catch (error) {
      console.error('setting up failed:', error);
      throw error;
    }
  });
  const setUp = async (ctx: Ctx) => {
    ctx.server = await startServer({ clock });
    ctx.browser = await launchChromium();
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
      name: 'Complaint trainers',
      memberIds: [trainer.id],
    });
    await admin('PUT', `/api/trainer-groups/${trainers.id}/participant-groups`, {
      participantGroupIds: [club.id],
    });
    const training = await admin<{ id: string }>('POST', '/api/trainings', {
      name: TRAINING,
      description: 'One online morning: calm answers to angry customers.',
    });
    ctx.trainingId = training.id;
    const at = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();
    ctx.start = at(30);
    await admin('POST', `/api/trainings/${training.id}/sections`, {
      name: 'Online group',
      participantGroupIds: [club.id],
      registrationOpens: at(-60),
      registrationCloses: at(20),
      capacity: 5,
      trainerIds: [trainer.id],
      attendanceConfirmationRequired: false,
      events: [
        {
          start: ctx.start,
          end: at(150),
          timeZone: 'Europe/Berlin',
          format: 'online',
          trainerId: trainer.id,
          location: 'Lectern live room',
          link: null,
        },
      ],
    });
    await admin('POST', `/api/trainings/${training.id}/publish`);
    const sofia = await apiAs(ctx.server, 'student@demo.lectern.dev');
    const detail = await sofia<{ sections: { id: string }[] }>('GET', `/api/trainings/${training.id}`);
    await sofia('POST', `/api/trainings/${training.id}/sections/${detail.sections[0]!.id}/registrations`, {});
    // Five minutes into the event.
    clock.set(new Date(Date.parse(ctx.start) + 5 * 60_000).toISOString());
  };
  test.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });

  /** From the Trainings page's "My events", into the event's room. */
  const joinFromMyEvents = async (page: Page) => {
    await page.getByRole('link', { name: 'Trainings' }).click();
    const mine = page.getByTestId('my-training-events');
    const row = mine.getByRole('row').filter({ hasText: TRAINING });
    await row.waitFor();
    await row.getByRole('link', { name: 'Join room' }).click();
    await page.getByTestId('join').click();
    await page.getByTestId('training-room').waitFor();
  };

  test(
    TESTS[0]!,
    shotsOnFailure(TESTS[0]!, async (ctx: Ctx) => {
      const trainer = await signedIn(ctx.browser, ctx.server, 'teacher@demo.lectern.dev');
      await joinFromMyEvents(trainer);
      assert.is(await trainer.getByTestId('training-room').getAttribute('data-role'), 'host');

      const sofia = await signedIn(ctx.browser, ctx.server, 'student@demo.lectern.dev');
      await sofia.getByRole('link', { name: 'Trainings' }).click();
      await sofia.getByTestId('my-training-events').getByText(TRAINING).waitFor();
      await screenshot(sofia, 'training-my-events');
      await joinFromMyEvents(sofia);
      assert.is(await sofia.getByTestId('training-room').getAttribute('data-role'), 'participant');
      await sofia.getByTestId('training-room-people').getByText('2 in the room').waitFor();
      await trainer.getByTestId('training-room-people').getByText('2 in the room').waitFor();
      await screenshot(sofia, 'training-room-learner');

      // The trainer looks at the roster on the training's page (a tab of their own; the room stays open).
      const roster = await trainer.context().newPage();
      const deadline = Date.now() + 30_000;
      for (;;) {
        await roster.goto(`${ctx.server.url}/platform/trainings/${ctx.trainingId}`);
        await roster.getByRole('heading', { name: TRAINING }).waitFor();
        await roster.getByRole('button', { name: 'Roster' }).click();
        const row = roster.getByRole('row').filter({ hasText: 'Sofia Student' });
        await row.waitFor();
        const text = (await row.textContent()) ?? '';
        if (text.includes('1/1')) break;
        assert.ok(Date.now() < deadline, `Sofia's attendance was not recorded: ${text}`);
        await roster.waitForTimeout(500);
      }
      await screenshot(roster, 'training-room-attendance');
      await sofia.context().close();
      await trainer.context().close();
    }),
  );

  test.run();
}
