// In Chromium against the real server, what used to need the API: an admin sets an enrollment's no-show policy,
// changes a schedule rule from a chosen lesson on ("this and following") and removes a rule after a
// confirmation that says how many lessons it cancels; a teacher who closed a lesson with Finish later verifies
// and deducts it after the billing preview. Each effect is read back over HTTP.
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
import type { ScheduleRule } from '../../contract/enrollments.js';

const TESTS = [
  'an admin sets the no-show policy in Change terms and the enrollment reads it back',
  'an admin changes a schedule rule from a chosen lesson on (this and following)',
  'removing a rule asks first, says how many lessons it cancels, and cancels exactly those',
  'a lesson closed with Finish is later verified and deducted after the billing preview',
];
const why = browserUnavailable();

if (why) skippedSuite('enrollment and completion controls in the browser', why, TESTS);
else {
  type Ctx = {
    server: E2EServer;
    browser: Browser;
    admin: Page;
    enrollmentId: string;
    studentId: string;
    courseId: string;
  };
  const test = suite<Ctx>('enrollment and completion controls in the browser');
  const TZ = 'Europe/Berlin';
  // A fixed Wednesday morning; the rules below start from it, whatever day the suite runs.
  const clock = testClock('2031-03-12T08:00:00.000Z');

  const getJson = async <T>(page: Page, server: E2EServer, path: string): Promise<T> => {
    const response = await page.request.get(`${server.url}${path}`);
    assert.is(response.status(), 200, `${path}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const rulesOf = async (ctx: Ctx) =>
    (
      await getJson<{ rules: ScheduleRule[] }>(
        ctx.admin,
        ctx.server,
        `/api/enrollments/${ctx.enrollmentId}/schedule-rules`,
      )
    ).rules;
  const statusOf = async (ctx: Ctx, liveSessionId: string) =>
    (await getJson<{ status: string }>(ctx.admin, ctx.server, `/api/live-sessions/${liveSessionId}`)).status;
  const scheduledAhead = (rule: ScheduleRule) =>
    rule.occurrences.filter(
      (o) =>
        o.outcome === 'scheduled' &&
        o.sessionStatus === 'scheduled' &&
        Date.parse(o.start) > clock.now().getTime(),
    );

  test.before(async (ctx) => {
    ctx.server = await startServer({ clock });
    ctx.browser = await launchBrowser();
    ctx.admin = await signedIn(ctx.browser, ctx.server, 'admin@demo.lectern.dev', TZ);
    const { enrollments } = await getJson<{
      enrollments: { id: string; studentName: string; studentId: string; courseId: string }[];
    }>(ctx.admin, ctx.server, '/api/enrollments');
    const sofia = enrollments.find((e) => e.studentName === 'Sofia Student')!;
    ctx.enrollmentId = sofia.id;
    ctx.studentId = sofia.studentId;
    ctx.courseId = sofia.courseId;
  });
  test.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });

  test(
    TESTS[0]!,
    shotsOnFailure(TESTS[0]!, async (ctx: Ctx) => {
      const page = ctx.admin;
      await page.goto(`${ctx.server.url}/platform/enrollments/${ctx.enrollmentId}`);
      await page.getByText('absent students are not charged').waitFor();
      await page.getByRole('button', { name: 'Change terms' }).click();
      const dialog = page.getByRole('dialog', { name: 'Change terms' });
      assert.is(await dialog.getByLabel('When a student is absent').inputValue(), 'free');
      await dialog.getByLabel('When a student is absent').selectOption({ label: 'Charged the lesson cost' });
      await screenshot(page, 'enrollment-no-show-policy');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('absent students are charged the lesson cost').waitFor();
      const enrollment = await getJson<{ noShowPolicy: string; lessonCostTokens: number }>(
        page,
        ctx.server,
        `/api/enrollments/${ctx.enrollmentId}`,
      );
      assert.is(enrollment.noShowPolicy, 'charge');
      assert.is(enrollment.lessonCostTokens, 4, 'the other terms stay');
    }),
  );

  test(
    TESTS[1]!,
    shotsOnFailure(TESTS[1]!, async (ctx: Ctx) => {
      const page = ctx.admin;
      await page.getByRole('button', { name: 'Add Schedule Rule' }).click();
      const add = page.getByRole('dialog', { name: 'Add Schedule Rule' });
      await add.getByLabel('Monday').check();
      await add.getByLabel(/^Time/).fill('18:00');
      await add.getByRole('button', { name: 'Save rule' }).click();
      await add.getByRole('status').filter({ hasText: 'Rule saved' }).waitFor();
      await add.getByRole('button', { name: 'Done' }).click();
      const [monday] = await rulesOf(ctx);
      const mondays = scheduledAhead(monday!);
      assert.ok(mondays.length >= 3, `several Mondays are scheduled: ${mondays.length}`);

      const item = page.getByRole('listitem').filter({ hasText: 'Monday at 18:00' });
      await item.getByRole('button', { name: 'Change Monday at 18:00 from a date on' }).click();
      const dialog = page.getByRole('dialog', { name: 'Change this and following lessons' });
      const from = mondays[2]!.start;
      await dialog.getByLabel('From the lesson on').selectOption(from);
      await dialog.getByText(`the ${mondays.length - 2} scheduled lessons are canceled`).waitFor();
      await dialog.getByLabel('Monday').uncheck();
      await dialog.getByLabel('Tuesday').check();
      await dialog.getByLabel(/^Time/).fill('18:30');
      await dialog.getByLabel('Lesson length (minutes)').fill('45');
      await screenshot(page, 'enrollment-change-rule-from');
      await dialog.getByRole('button', { name: 'Change from this lesson on' }).click();
      await dialog
        .getByRole('status')
        .filter({ hasText: `${mondays.length - 2} canceled` })
        .waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('listitem').filter({ hasText: 'Tuesday at 18:30' }).waitFor();

      const rules = await rulesOf(ctx);
      const before = rules.find((r) => r.id === monday!.id)!;
      const after = rules.find((r) => r.splitFrom === monday!.id)!;
      assert.is(before.endsAt, from, 'the old rule ends at the chosen lesson');
      assert.equal(after.weekdays, ['TU']);
      assert.is(after.time, '18:30');
      assert.is(after.durationMinutes, 45);
      assert.ok(scheduledAhead(after).length > 0, 'the new rule schedules the following lessons');
      // Lessons before the chosen one stay; the chosen one and the following are canceled.
      assert.is(await statusOf(ctx, mondays[0]!.liveSessionId!), 'scheduled');
      assert.is(await statusOf(ctx, mondays[1]!.liveSessionId!), 'scheduled');
      for (const o of mondays.slice(2)) assert.is(await statusOf(ctx, o.liveSessionId!), 'canceled');
    }),
  );

  test(
    TESTS[2]!,
    shotsOnFailure(TESTS[2]!, async (ctx: Ctx) => {
      const page = ctx.admin;
      const tuesday = (await rulesOf(ctx)).find((r) => r.weekdays.includes('TU'))!;
      const ahead = scheduledAhead(tuesday);
      const item = page.getByRole('listitem').filter({ hasText: 'Tuesday at 18:30' });
      await item.getByRole('button', { name: 'Remove rule' }).click();
      const dialog = page.getByRole('dialog', { name: 'Remove the schedule rule' });
      await dialog.getByText(`Its ${ahead.length} upcoming lessons are canceled`).waitFor();
      assert.equal(describeViolations(await seriousViolations(page)), '');
      await screenshot(page, 'enrollment-remove-rule');
      // Changing one's mind leaves everything as it was.
      await dialog.getByRole('button', { name: 'Keep the rule' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.is((await rulesOf(ctx)).find((r) => r.id === tuesday.id)!.endsAt, null);

      await item.getByRole('button', { name: 'Remove rule' }).click();
      await dialog.getByRole('button', { name: `Remove and cancel ${ahead.length} lessons` }).click();
      await dialog.waitFor({ state: 'hidden' });
      await item.waitFor({ state: 'detached' });
      assert.not.ok(
        (await rulesOf(ctx)).some((r) => r.id === tuesday.id),
        'the rule is no longer listed',
      );
      for (const o of ahead) assert.is(await statusOf(ctx, o.liveSessionId!), 'canceled');
    }),
  );

  test(
    TESTS[3]!,
    shotsOnFailure(TESTS[3]!, async (ctx: Ctx) => {
      const { server } = ctx;
      const credit = await ctx.admin.request.post(`${server.url}/api/wallets/${ctx.studentId}/credits`, {
        data: { tokens: 20, reason: 'Package of 5 lessons' },
      });
      assert.is(credit.status(), 201, await credit.text());
      const teacher = await signedIn(ctx.browser, server, 'teacher@demo.lectern.dev', TZ);
      // Starts in 5 minutes (the room is open 10 minutes before); Sofia never comes.
      const start = new Date(clock.now().getTime() + 5 * 60_000).toISOString();
      const created = await teacher.request.post(`${server.url}/api/live-sessions`, {
        headers: { 'idempotency-key': crypto.randomUUID() },
        data: {
          kind: 'individual',
          courseId: ctx.courseId,
          courseLessonId: null,
          enrollmentId: ctx.enrollmentId,
          studentIds: [],
          studentGroupId: null,
          teacherId: null,
          start,
          durationMinutes: 45,
          timeZone: TZ,
          title: 'Finished first, deducted later (e2e)',
          notes: null,
        },
      });
      assert.is(created.status(), 201, await created.text());
      const { id } = (await created.json()) as { id: string };

      await teacher.goto(`${server.url}/platform/sessions/${id}/complete`);
      await teacher.getByRole('button', { name: 'Start session now' }).click();
      const sofia = teacher.getByRole('row').filter({ hasText: 'Sofia Student' });
      await sofia.getByLabel('Absent').waitFor();
      assert.ok(await sofia.getByLabel('Absent').isChecked());
      await teacher.getByRole('button', { name: 'Finish', exact: true }).click();
      const finish = teacher.getByRole('dialog', { name: 'Confirm: Finish' });
      await finish.getByRole('button', { name: 'Confirm Finish' }).click();
      await teacher.getByRole('status').filter({ hasText: 'This lesson was closed with Finish.' }).waitFor();
      assert.is(
        (await getJson<{ balance: number }>(ctx.admin, server, `/api/wallets/${ctx.studentId}`)).balance,
        20,
        'Finish deducts nothing',
      );

      const card = teacher.getByTestId('verify-after-finish');
      await card.getByRole('button', { name: 'Verify and Deduct' }).click();
      const confirm = teacher.getByRole('dialog', { name: 'Confirm: Verify and Deduct' });
      const line = confirm.getByRole('row').filter({ hasText: 'Sofia Student' });
      // Absent, and her enrollment now charges a no-show: the lesson cost is deducted.
      assert.match((await line.textContent()) ?? '', /absent.*−4 tokens.*20.*16.*Deducted/);
      await screenshot(teacher, 'completion-verify-after-finish');
      await confirm.getByRole('button', { name: 'Confirm Verify and Deduct' }).click();
      await teacher
        .getByRole('status')
        .filter({ hasText: 'closed with Finish, then verified and deducted' })
        .waitFor();
      assert.is(await card.count(), 0, 'nothing left to deduct');
      assert.is(
        (await getJson<{ balance: number }>(ctx.admin, server, `/api/wallets/${ctx.studentId}`)).balance,
        16,
      );
      const completion = await getJson<{ action: string; charged: boolean }>(
        teacher,
        server,
        `/api/live-sessions/${id}/completion`,
      );
      assert.is(completion.action, 'finish');
      assert.is(completion.charged, true);
      await teacher.context().close();
    }),
  );

  test.run();
}
