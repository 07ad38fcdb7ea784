// In Chromium against the real server, what trainers and admins could do only through the API: an admin gives a
// trainer group access to a participant group and switches trainings off and on (Groups page); a trainer adds
// a section (the form keeps at least one event), adds a learner by hand, moves one to another section and
// removes one after a confirmation, reschedules an event and cancels one after a confirmation; an admin edits
// a section's settings and its groups. Each effect is read back over HTTP.
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
  shotsOnFailure,
  signedIn,
  startServer,
  type E2EServer,
} from './support/browser.js';
import { testClock } from '../support/clock.js';
import type { RosterEntry, Training } from '../../contract/trainings.js';

const TESTS = [
  'an admin gives a trainer group access to a participant group on the Groups page',
  'an admin switches trainings off and on for the organisation',
  'a trainer adds a section with two events; the form never drops its last event',
  'a trainer adds a learner by hand, moves one to another section and removes one after confirming',
  'a trainer reschedules an event and cancels another after confirming',
  'an admin edits a section’s settings and adds and removes one of its groups',
];
const why = browserUnavailable();
const TRAINING = 'Facilitation basics';
const TZ = 'Europe/Berlin';

if (why) skippedSuite('managing trainings in the browser', why, TESTS);
else {
  type Ctx = {
    server: E2EServer;
    browser: Browser;
    admin: Page;
    trainer: Page;
    trainingId: string;
    groups: Record<string, string>;
    people: Record<string, string>;
  };
  const test = suite<Ctx>('managing trainings in the browser');
  // A fixed Wednesday morning (Berlin is UTC+1 that week), whatever day the suite runs.
  const clock = testClock('2031-03-12T08:00:00.000Z');
  /** `d` days after the clock's day at `h` o'clock UTC. */
  const day = (d: number, h: number) => {
    const t = new Date(clock.now().getTime() + d * 86_400_000);
    t.setUTCHours(h, 0, 0, 0);
    return t.toISOString();
  };

  const call = async <T>(page: Page, server: E2EServer, method: string, path: string, data?: unknown) => {
    const response = await page.request.fetch(`${server.url}${path}`, {
      method,
      ...(data === undefined ? {} : { data }),
    });
    const text = await response.text();
    assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${text}`);
    return JSON.parse(text) as T;
  };
  const training = (ctx: Ctx) =>
    call<Training>(ctx.admin, ctx.server, 'GET', `/api/trainings/${ctx.trainingId}`);
  const sectionNamed = async (ctx: Ctx, name: string) =>
    (await training(ctx)).sections.find((s) => s.name === name)!;
  const rosterOf = async (ctx: Ctx, name: string) =>
    call<RosterEntry[]>(
      ctx.admin,
      ctx.server,
      'GET',
      `/api/trainings/${ctx.trainingId}/sections/${(await sectionNamed(ctx, name)).id}/roster`,
    );
  const openTraining = async (ctx: Ctx, page: Page) => {
    await page.goto(`${ctx.server.url}/platform/trainings/${ctx.trainingId}`);
    await page.getByRole('heading', { name: TRAINING }).waitFor();
  };

  test.before(async (ctx) => {
    ctx.server = await startServer({ clock });
    ctx.browser = await launchBrowser();
    ctx.admin = await signedIn(ctx.browser, ctx.server, 'admin@demo.lectern.dev', TZ);
    const { groups } = await call<{ groups: { id: string; name: string }[] }>(
      ctx.admin,
      ctx.server,
      'GET',
      '/api/groups',
    );
    ctx.groups = Object.fromEntries(groups.map((g) => [g.name, g.id]));
    const { people } = await call<{ people: { id: string; name: string }[] }>(
      ctx.admin,
      ctx.server,
      'GET',
      '/api/people',
    );
    ctx.people = Object.fromEntries(people.map((p) => [p.name, p.id]));
    const created = await call<{ id: string }>(ctx.admin, ctx.server, 'POST', '/api/trainings', {
      name: TRAINING,
      description: 'Running a workshop people take part in.',
    });
    ctx.trainingId = created.id;
    const event = (d: number) => ({
      start: day(d, 8),
      end: day(d, 10),
      timeZone: TZ,
      format: 'online',
      trainerId: ctx.people['Tereza Teacher'],
      link: 'https://meet.example.com/facilitation',
    });
    for (const [name, days] of [
      ['Group A', [7, 8]],
      ['Group B', [9, 10]],
    ] as const)
      await call(ctx.admin, ctx.server, 'POST', `/api/trainings/${ctx.trainingId}/sections`, {
        name,
        participantGroupIds: [ctx.groups['All learners']],
        registrationOpens: day(-1, 0),
        registrationCloses: day(6, 0),
        capacity: 5,
        trainerIds: [ctx.people['Tereza Teacher']],
        events: days.map(event),
      });
    await call(ctx.admin, ctx.server, 'POST', `/api/trainings/${ctx.trainingId}/publish`);
    ctx.trainer = await signedIn(ctx.browser, ctx.server, 'teacher@demo.lectern.dev', TZ);
  });
  test.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });

  test(
    TESTS[0]!,
    shotsOnFailure(TESTS[0]!, async (ctx: Ctx) => {
      const page = ctx.admin;
      const trainers = await call<{ id: string }>(page, ctx.server, 'POST', '/api/groups', {
        kind: 'trainers',
        name: 'Workshop trainers',
        memberIds: [ctx.people['Tom Tutor']],
      });
      const url = `/api/trainer-groups/${trainers.id}/participant-groups`;
      // Tom, the trainer group's member, does not see the training yet.
      const tom = await signedIn(ctx.browser, ctx.server, 'tom@demo.lectern.dev', 'Europe/London');
      const tomSees = async () =>
        (await tom.request.get(`${ctx.server.url}/api/trainings/${ctx.trainingId}`)).status();
      assert.is(await tomSees(), 404);
      await page.goto(`${ctx.server.url}/platform/admin/groups`);
      const card = page
        .getByRole('article')
        .filter({ has: page.getByRole('heading', { name: /Workshop trainers/ }) });
      const tick = async (group: string, on: boolean) => {
        const box = card.getByLabel(`Workshop trainers runs trainings for ${group}`);
        await box.waitFor();
        await page.waitForLoadState('networkidle');
        const saved = page.waitForResponse(
          (r) => r.url().endsWith(url) && r.request().method() === 'PUT' && r.ok(),
        );
        await (on ? box.check() : box.uncheck());
        await saved;
        assert.is(await box.isChecked(), on);
      };
      const access = async () =>
        (
          await call<{ participantGroupIds: string[] }>(page, ctx.server, 'GET', url)
        ).participantGroupIds.sort();
      await tick('Tuesday Conversation Club', true);
      await tick('All learners', true);
      assert.equal(
        await access(),
        [ctx.groups['Tuesday Conversation Club']!, ctx.groups['All learners']!].sort(),
      );
      await screenshot(page, 'trainer-group-access');
      assert.equal(describeViolations(await seriousViolations(page)), '');
      // Taken away again: the trainer group no longer reaches the club.
      await tick('Tuesday Conversation Club', false);
      assert.equal(await access(), [ctx.groups['All learners']!]);
      // Through All learners, Tom now sees and manages the training's sections.
      assert.is(await tomSees(), 200);
      const groupA = (await training(ctx)).sections.find((x) => x.name === 'Group A')!;
      const roster = await tom.request.get(
        `${ctx.server.url}/api/trainings/${ctx.trainingId}/sections/${groupA.id}/roster`,
      );
      assert.is(roster.status(), 200);
      await tom.context().close();
    }),
  );

  test(
    TESTS[1]!,
    shotsOnFailure(TESTS[1]!, async (ctx: Ctx) => {
      const page = ctx.admin;
      await page.goto(`${ctx.server.url}/platform/admin/groups`);
      const on = page.getByLabel('Trainings are on for this organisation');
      await on.waitFor();
      await page.waitForLoadState('networkidle');
      assert.ok(await on.isChecked());
      // The switch moves at once; what the server stored is read back once its answer arrived.
      const saved = () =>
        page.waitForResponse(
          (r) => r.url().endsWith('/api/training-settings') && r.request().method() === 'PUT',
        );
      let put = saved();
      await on.uncheck();
      assert.is((await put).status(), 200);
      await page.getByText('Nobody sees trainings while this is off').waitFor();
      const setting = () =>
        call<{ trainingsEnabled: boolean }>(page, ctx.server, 'GET', '/api/training-settings');
      assert.is((await setting()).trainingsEnabled, false);
      const learner = await signedIn(ctx.browser, ctx.server, 'student@demo.lectern.dev', TZ);
      const closed = await learner.request.get(`${ctx.server.url}/api/trainings`);
      assert.is(closed.status(), 403, 'learners see no trainings while they are off');
      put = saved();
      await on.check();
      assert.is((await put).status(), 200);
      await page.getByText('People see the trainings catalogue').waitFor();
      assert.is((await setting()).trainingsEnabled, true);
      assert.is((await learner.request.get(`${ctx.server.url}/api/trainings`)).status(), 200);
      await learner.context().close();
    }),
  );

  test(
    TESTS[2]!,
    shotsOnFailure(TESTS[2]!, async (ctx: Ctx) => {
      const page = ctx.trainer;
      await openTraining(ctx, page);
      await page.getByRole('button', { name: '+ Add section' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add section' });
      // One event to begin with, and it cannot be removed: a section needs at least one event.
      await dialog.getByText('A section needs at least one event.').waitFor();
      assert.ok(await dialog.getByRole('button', { name: 'Remove event 1' }).isDisabled());
      await dialog.getByLabel('Name', { exact: true }).fill('Group C');
      await dialog.getByLabel('Capacity').fill('4');
      await dialog.getByLabel('All learners').check();
      const first = dialog.getByRole('group', { name: 'Event 1' });
      await first.getByLabel(/^Starts/).fill('2031-03-20T14:00');
      await first.getByLabel('Ends').fill('2031-03-20T16:00');
      await first.getByLabel('Link').fill('https://meet.example.com/group-c');
      await dialog.getByRole('button', { name: '+ Another event' }).click();
      const second = dialog.getByRole('group', { name: 'Event 2' });
      // The next event starts a week later, in the same place.
      assert.is(await second.getByLabel(/^Starts/).inputValue(), '2031-03-27T14:00');
      assert.is(await second.getByLabel('Link').inputValue(), 'https://meet.example.com/group-c');
      assert.ok(await dialog.getByRole('button', { name: 'Remove event 1' }).isEnabled());
      await screenshot(page, 'training-add-section-events');
      await dialog.getByRole('button', { name: 'Save section' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { name: 'Group C' }).waitFor();
      const section = await sectionNamed(ctx, 'Group C');
      assert.is(section.capacity, 4);
      assert.equal(section.participantGroupIds, [ctx.groups['All learners']]);
      assert.equal(
        section.events.map((e) => e.start),
        ['2031-03-20T13:00:00.000Z', '2031-03-27T13:00:00.000Z'],
      );
    }),
  );

  test(
    TESTS[3]!,
    shotsOnFailure(TESTS[3]!, async (ctx: Ctx) => {
      const page = ctx.trainer;
      await openTraining(ctx, page);
      const groupA = page.getByRole('article', { name: 'Group A' });
      await groupA.getByRole('button', { name: 'Roster' }).click();
      const add = async (name: string) => {
        await groupA.getByLabel('Add a learner').selectOption({ label: name });
        await groupA.getByRole('button', { name: 'Add learner' }).click();
        await groupA
          .getByRole('table')
          .filter({ hasText: 'Learner' })
          .getByRole('cell', { name, exact: true })
          .waitFor();
      };
      await add('Noah Novak');
      await add('Emma Evans');
      const noah = (await rosterOf(ctx, 'Group A')).find((r) => r.name === 'Noah Novak');
      assert.equal([noah?.status, noah?.via], ['registered', 'manual']);
      await screenshot(page, 'training-roster-manage');
      assert.equal(describeViolations(await seriousViolations(page)), '');

      // Noah moves to Group B.
      await groupA.getByLabel('Move Noah Novak to another section').selectOption({ label: 'Group B' });
      await groupA.getByRole('cell', { name: 'Noah Novak', exact: true }).waitFor({ state: 'detached' });
      assert.not.ok((await rosterOf(ctx, 'Group A')).some((r) => r.name === 'Noah Novak'));
      assert.equal(
        (await rosterOf(ctx, 'Group B')).map((r) => [r.name, r.status]),
        [['Noah Novak', 'registered']],
      );

      // Emma is removed, after a confirmation (keeping her first changes nothing).
      await groupA.getByRole('button', { name: 'Remove Emma Evans' }).click();
      const dialog = page.getByRole('dialog', { name: 'Remove learner' });
      await dialog.getByText('Remove Emma Evans from Group A?').waitFor();
      await dialog.getByRole('button', { name: 'Keep learner' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.ok((await rosterOf(ctx, 'Group A')).some((r) => r.name === 'Emma Evans'));
      await groupA.getByRole('button', { name: 'Remove Emma Evans' }).click();
      await dialog.getByRole('button', { name: 'Remove learner' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await groupA.getByText('Nobody registered yet.').waitFor();
      assert.equal(await rosterOf(ctx, 'Group A'), []);
      const candidates = await call<{ learners: { name: string; sectionId: string | null }[] }>(
        ctx.admin,
        ctx.server,
        'GET',
        `/api/trainings/${ctx.trainingId}/sections/${(await sectionNamed(ctx, 'Group A')).id}/candidates`,
      );
      assert.is(
        candidates.learners.find((l) => l.name === 'Emma Evans')?.sectionId,
        null,
        'out of the training',
      );
    }),
  );

  test(
    TESTS[4]!,
    shotsOnFailure(TESTS[4]!, async (ctx: Ctx) => {
      const page = ctx.trainer;
      await openTraining(ctx, page);
      const groupA = page.getByRole('article', { name: 'Group A' });
      const [first, second] = (await sectionNamed(ctx, 'Group A')).events;
      // The first event moves from 09:00 to 13:00 Berlin time on the same day.
      await groupA
        .getByRole('button', { name: /^Reschedule, / })
        .first()
        .click();
      const move = page.getByRole('dialog', { name: 'Reschedule event' });
      await move.getByLabel(/^Starts/).fill('2031-03-19T13:00');
      await move.getByLabel('Ends').fill('2031-03-19T15:00');
      await move.getByRole('button', { name: 'Move event' }).click();
      await move.waitFor({ state: 'hidden' });
      const moved = (await sectionNamed(ctx, 'Group A')).events.find((e) => e.id === first!.id)!;
      assert.equal([moved.start, moved.end], ['2031-03-19T12:00:00.000Z', '2031-03-19T14:00:00.000Z']);
      assert.is(moved.timeZone, TZ, 'the event keeps its time zone');

      // Cancel the second: asked first; keeping it changes nothing.
      const cancelSecond = groupA.getByRole('button', { name: /^Cancel event, / }).nth(1);
      await cancelSecond.click();
      const cancel = page.getByRole('dialog', { name: 'Cancel event' });
      await cancel.getByText(/^Cancel the event of .+\?$/).waitFor();
      await screenshot(page, 'training-cancel-event');
      await cancel.getByRole('button', { name: 'Keep event' }).click();
      await cancel.waitFor({ state: 'hidden' });
      const statusOf = async (id: string) =>
        (await sectionNamed(ctx, 'Group A')).events.find((e) => e.id === id)!;
      assert.is((await statusOf(second!.id)).status, 'scheduled');
      await cancelSecond.click();
      await cancel.getByLabel(/^Reason/).fill('The trainer is ill');
      await cancel.getByRole('button', { name: 'Cancel event' }).click();
      await cancel.waitFor({ state: 'hidden' });
      await groupA.getByText('The trainer is ill').waitFor();
      const canceled = await statusOf(second!.id);
      assert.equal([canceled.status, canceled.cancelReason], ['canceled', 'The trainer is ill']);
      assert.is((await statusOf(first!.id)).status, 'scheduled');
    }),
  );

  test(
    TESTS[5]!,
    shotsOnFailure(TESTS[5]!, async (ctx: Ctx) => {
      const page = ctx.admin;
      await openTraining(ctx, page);
      const groupB = page.getByRole('article', { name: 'Group B' });
      await groupB.getByRole('button', { name: 'Edit section' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit Group B' });
      const settings = dialog.getByRole('form', { name: 'Section settings' });
      await settings.getByLabel('Name', { exact: true }).fill('Group B (afternoons)');
      await settings.getByLabel('Capacity').fill('8');
      await settings.getByLabel('Registrations need approval').check();
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await settings.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      const section = await sectionNamed(ctx, 'Group B (afternoons)');
      assert.ok(section, 'renamed');
      assert.equal([section.capacity, section.approvalRequired], [8, true]);
      assert.equal(section.trainerIds, [ctx.people['Tereza Teacher']], 'its trainers stay');

      // Noah registered through All learners: that group is locked in. The club is added, then removed.
      const groups = dialog.getByRole('region', { name: 'Participant groups' });
      await groups.getByText('locked: learners registered through it').waitFor();
      await groups.getByLabel('Add a group').selectOption({ label: 'Tuesday Conversation Club' });
      await groups.getByRole('button', { name: 'Add', exact: true }).click();
      const remove = groups.getByRole('button', {
        name: 'Remove Tuesday Conversation Club from the section',
      });
      await remove.waitFor();
      assert.equal(
        (await sectionNamed(ctx, 'Group B (afternoons)')).participantGroupIds.sort(),
        [ctx.groups['All learners']!, ctx.groups['Tuesday Conversation Club']!].sort(),
      );
      await screenshot(page, 'training-edit-section');
      assert.equal(describeViolations(await seriousViolations(page)), '');
      await remove.click();
      await remove.waitFor({ state: 'detached' });
      assert.equal((await sectionNamed(ctx, 'Group B (afternoons)')).participantGroupIds, [
        ctx.groups['All learners'],
      ]);
      await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { name: 'Group B (afternoons)' }).waitFor();
    }),
  );

  test.run();
}
