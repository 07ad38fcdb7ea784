// Lesson content in Chromium, real server, FIXED clock: a teacher writes a lesson in the editor (a 400 shows at its
// field; the preview hides the answers); two students answer in the live room and see only their own results; the
// teacher follows their scores and grades the essay; after class a student does the homework (try again, then
// Passed); the teacher verifies it; the enrollment reads Passed, then Verified. Screenshots: docs/screenshots.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { skippedSuite } from '../support/suite.js';
import {
  browserUnavailable,
  describeViolations,
  screenshot,
  seriousViolations,
  shotsOnFailure,
} from './support/browser.js';
import { ensureWebBuild } from './support/webBuild.js';
import { launchChromium, type Person } from './support/roomCluster.js';
import { lessonSchool, type LessonWorld } from './support/lessonSchool.js';
import { answer, joinRoom, openPage } from './support/lessonPages.js';

const TESTS = [
  'a teacher writes the lesson: field errors from the server, then saved; the preview hides the answers',
  'in the live room two students answer and see only their own results',
  "the teacher sees each student's answers and score and grades the essay",
  'after class a student does the homework from their own page: try again, then Passed',
  'the teacher verifies it from the review queue; the enrollment reads Passed, then Verified',
];
const why = browserUnavailable();

type Ctx = { w: LessonWorld; browser: Browser; teacher: Page; students: Page[] };
const LESSON = 'At the restaurant';
const ESSAY_PROMPT = 'Write three sentences ordering a meal.';
const pageFor = (ctx: Ctx, who: Person, path: string) => openPage(ctx.browser, who, `${ctx.w.url}${path}`);

if (why) skippedSuite('lesson content in the browser', why, TESTS);
else {
  const test = suite<Ctx>('lesson content in the browser');

  test.before(async (ctx) => {
    ensureWebBuild();
    ctx.w = await lessonSchool();
    ctx.browser = await launchChromium();
  });
  test.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.w?.close();
  });

  test(
    TESTS[0]!,
    shotsOnFailure(TESTS[0]!, async (ctx: Ctx) => {
      const { w } = ctx;
      const page = (ctx.teacher = await pageFor(
        ctx,
        w.teacher,
        `/platform/enrollments/${w.enrollmentIds[0]}`,
      ));
      await page.getByRole('link', { name: `Edit content: ${LESSON}` }).click();
      await page.getByRole('heading', { name: `Lesson content: ${LESSON}` }).waitFor();
      const add = async (type: string) => {
        await page.getByLabel('New block').selectOption(type);
        await page.getByRole('button', { name: 'Add block' }).click();
      };
      await add('text');
      await page.getByRole('textbox', { name: 'Text of block 1' }).click();
      await page.keyboard.type('Today we order food politely.');

      await add('vocabulary');
      const vocab = page.getByRole('region', { name: '2. Vocabulary list' });
      await vocab.getByLabel('Term 1', { exact: true }).fill('starter');
      await vocab.getByLabel('Translation 1').fill('die Vorspeise');
      await vocab.getByLabel('Example 1').fill('I would like a soup as a starter.');
      await vocab.getByLabel('Part of speech 1').selectOption('noun');
      await vocab.getByRole('button', { name: '+ Add term' }).click();
      await vocab.getByLabel('Term 2', { exact: true }).fill('bill');
      await vocab.getByLabel('Translation 2').fill('die Rechnung');

      await add('multipleChoice');
      const mc = page.getByRole('region', { name: '3. Multiple choice' });
      await mc.getByLabel('Instructions').fill('Choose the polite order.');
      await mc.getByLabel('Option 1', { exact: true }).fill("I'd like the fish, please.");
      await mc.getByLabel('Option 2', { exact: true }).fill('Give me fish.');

      await add('gapFill');
      const gap = page.getByRole('region', { name: '4. Gap fill' });
      // No gap mark yet: the sentence keeps one gap, which the server refuses by its rule.
      await gap.getByLabel('Sentence 1 text').fill('I would like the soup, please.');
      await gap.getByLabel('Sentence 1, gap 1: accepted answers').fill('like | love');

      await add('matching');
      const matching = page.getByRole('region', { name: '5. Matching' });
      await matching.getByLabel('Pair 1 left').fill('starter');
      await matching.getByLabel('Pair 1 right').fill('Vorspeise');
      await matching.getByLabel('Pair 2 left').fill('bill');
      await matching.getByLabel('Pair 2 right').fill('Rechnung');

      await add('essay');
      await page.getByRole('region', { name: '6. Essay' }).getByLabel('Prompt').fill(ESSAY_PROMPT);

      // The question is still empty: the server's 400 names the field, shown right under it.
      const refused = page.waitForResponse(
        (r) => r.url().endsWith('/content') && r.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: 'Save' }).click();
      assert.is((await refused).status(), 400);
      await mc.getByRole('alert').first().waitFor();
      assert.match((await mc.getByRole('alert').first().textContent()) ?? '', /\S/);
      assert.is(await mc.getByLabel('Question').getAttribute('aria-invalid'), 'true');
      await mc.getByLabel('Question').scrollIntoViewIfNeeded();
      await screenshot(page, 'lesson-editor-field-error');

      // With the shape right, the document's own rules: one is worded from the catalogue by its code, with its
      // numbers, under the sentence.
      await mc.getByLabel('Question').fill('How do you order in a restaurant?');
      const ruled = page.waitForResponse(
        (r) => r.url().endsWith('/content') && r.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: 'Save' }).click();
      assert.is((await ruled).status(), 400);
      await gap.getByRole('alert').first().waitFor();
      assert.is(
        (await gap.getByRole('alert').first().textContent())?.trim(),
        'gap marks in the sentence: 0, gaps: 1; the numbers must match',
      );
      await gap.getByLabel('Sentence 1 text').fill('I would {{}} the soup, please.');
      await gap.getByLabel('Sentence 1, gap 1: accepted answers').fill('like | love');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved: revision 1.' }).waitFor();
      await screenshot(page, 'lesson-editor');
      const violations = await seriousViolations(page);
      assert.is(violations.length, 0, `lesson editor:\n${describeViolations(violations)}`);

      await page.getByRole('button', { name: 'Preview as student' }).click();
      const preview = page.getByRole('region', { name: 'Preview as the student sees it' });
      await preview.getByRole('article', { name: 'Exercise 4: Essay' }).waitFor();
      assert.ok(await preview.getByText('Today we order food politely.').isVisible(), 'the text');
      assert.ok(
        await preview.getByRole('region', { name: 'Vocabulary' }).getByText('die Rechnung').isVisible(),
      );
      assert.is(await preview.getByTestId('answer-key').count(), 0, 'no answers in the preview');
      assert.not.ok(await preview.getByLabel('Gap 1').inputValue(), 'the gap is empty');
      await screenshot(page, 'lesson-preview');
      await page.getByRole('button', { name: 'Back to editing' }).click();
      await page.context().close();
    }),
  );

  test(
    TESTS[1]!,
    shotsOnFailure(TESTS[1]!, async (ctx: Ctx) => {
      const { w } = ctx;
      const room = `/room/${w.liveSessionId}`;
      const teacher = (ctx.teacher = await pageFor(ctx, w.teacher, room));
      await joinRoom(teacher);
      await teacher.getByTestId('start-session').click();
      await teacher.getByTestId('session-status').filter({ hasText: 'active' }).waitFor();
      ctx.students = [];
      for (const student of w.students) {
        const page = await pageFor(ctx, student, room);
        await joinRoom(page);
        await page.getByTestId('tab-exercises').click();
        await page.getByRole('article', { name: 'Exercise 1: Multiple choice' }).waitFor();
        ctx.students.push(page);
      }
      const [sofia, lukas] = ctx.students as [Page, Page];
      assert.is(await sofia.getByTestId('answer-key').count(), 0, 'no key before answering');

      const mc = await answer(sofia, 'Exercise 1: Multiple choice', (c) =>
        c.getByLabel("I'd like the fish, please.").check(),
      );
      assert.match((await mc.getByTestId('exercise-result').textContent()) ?? '', /Correct.*1 of 1 point/);
      await answer(sofia, 'Exercise 2: Gap fill', (c) => c.getByLabel('Gap 1').fill('like'));
      await answer(sofia, 'Exercise 3: Matching', async (c) => {
        await c.getByLabel('Match for starter').selectOption({ label: 'Vorspeise' });
        await c.getByLabel('Match for bill').selectOption({ label: 'Rechnung' });
      });
      const essay = await answer(sofia, 'Exercise 4: Essay', (c) =>
        c
          .getByLabel(ESSAY_PROMPT)
          .fill('I would like the soup. Then the fish, please. Could I have the bill?'),
      );
      assert.match((await essay.getByTestId('exercise-result').textContent()) ?? '', /awaiting the teacher/);

      const wrong = await answer(lukas, 'Exercise 1: Multiple choice', (c) =>
        c.getByLabel('Give me fish.').check(),
      );
      assert.match(
        (await wrong.getByTestId('exercise-result').textContent()) ?? '',
        /Not correct.*0 of 1 point/,
      );
      await answer(lukas, 'Exercise 2: Gap fill', (c) => c.getByLabel('Gap 1').fill('love'));
      // Only their own results, and still no key.
      assert.is(await lukas.getByTestId('exercise-result').count(), 2);
      assert.is(await sofia.getByTestId('exercise-result').count(), 4);
      assert.is(await lukas.getByTestId('answer-key').count(), 0);
      await screenshot(sofia, 'room-exercises-student');
    }),
  );

  test(
    TESTS[2]!,
    shotsOnFailure(TESTS[2]!, async (ctx: Ctx) => {
      const teacher = ctx.teacher;
      await teacher.getByTestId('tab-exercises').click();
      const sofiaRow = teacher.getByTestId('student-progress').filter({ hasText: 'Sofia Student' });
      const lukasRow = teacher.getByTestId('student-progress').filter({ hasText: 'Lukas Learner' });
      // The progress refreshes by itself (every few seconds).
      await sofiaRow.getByTestId('student-score').filter({ hasText: '3 / 4' }).waitFor();
      await lukasRow.getByTestId('student-score').filter({ hasText: '1 / 4' }).waitFor();
      assert.match((await sofiaRow.textContent()) ?? '', /4 of 4/);
      assert.match((await lukasRow.textContent()) ?? '', /2 of 4/);

      await teacher.getByRole('button', { name: "Show Sofia Student's answers" }).click();
      const answers = teacher.getByRole('list', { name: "Sofia Student's answers" });
      assert.match((await answers.textContent()) ?? '', /starter → Vorspeise/);
      await answers.getByText('Could I have the bill?').waitFor();
      const grade = teacher.getByRole('form', { name: "Grade Sofia Student's essay" });
      await grade.getByLabel('Points (of 1)').fill('1');
      await grade.getByLabel('Comment').fill('Polite and clear.');
      await grade.getByRole('button', { name: 'Grade essay' }).click();
      await sofiaRow.getByTestId('student-score').filter({ hasText: '4 / 4' }).waitFor();
      await screenshot(teacher, 'room-exercises-teacher');

      // Sofia sees the grade and the comment on her essay (her page refreshes too).
      const sofia = ctx.students[0]!;
      await sofia
        .getByRole('article', { name: 'Exercise 4: Essay' })
        .getByTestId('exercise-result')
        .filter({ hasText: 'Polite and clear.' })
        .waitFor();
      for (const page of [teacher, ...ctx.students]) await page.context().close();
    }),
  );

  test(
    TESTS[3]!,
    shotsOnFailure(TESTS[3]!, async (ctx: Ctx) => {
      const { w } = ctx;
      await w.call(w.teacher, 'POST', `/api/enrollments/${w.enrollmentIds[0]}/homework`, {
        courseLessonId: w.lessonIds[0],
        scheduledFor: new Date(w.clock.now().getTime() + 3 * 86_400_000).toISOString(),
      });
      w.clock.advance(120); // after class
      const page = await pageFor(ctx, w.students[0]!, '/platform/homework');
      await page.getByRole('heading', { name: 'My homework' }).waitFor();
      const row = page.getByTestId('homework-row').filter({ hasText: LESSON });
      await row.getByText('Added').waitFor();
      assert.match((await row.textContent()) ?? '', /2026/);
      await screenshot(page, 'homework-student-list');
      await row.getByRole('link', { name: LESSON }).click();
      await page.getByRole('heading', { name: LESSON }).waitFor();

      await answer(page, 'Exercise 1: Multiple choice', (c) =>
        c.getByLabel("I'd like the fish, please.").check(),
      );
      await page.getByTestId('homework-status').filter({ hasText: 'Started' }).waitFor();
      await page.getByRole('button', { name: 'Hand in' }).click();
      await page.getByTestId('hand-in-result').filter({ hasText: 'Try again' }).waitFor();
      assert.match((await page.getByTestId('hand-in-result').textContent()) ?? '', /25 %.*pass mark of 60 %/);
      await page.getByTestId('attempt').filter({ hasText: 'Attempt 1' }).waitFor();

      await answer(page, 'Exercise 1: Multiple choice', (c) =>
        c.getByLabel("I'd like the fish, please.").check(),
      );
      await answer(page, 'Exercise 2: Gap fill', (c) => c.getByLabel('Gap 1').fill('like'));
      await answer(page, 'Exercise 3: Matching', async (c) => {
        await c.getByLabel('Match for starter').selectOption({ label: 'Vorspeise' });
        await c.getByLabel('Match for bill').selectOption({ label: 'Rechnung' });
      });
      await page.getByRole('button', { name: 'Hand in' }).click();
      await page.getByTestId('hand-in-result').filter({ hasText: 'Passed with 75 %' }).waitFor();
      await page.getByTestId('homework-status').filter({ hasText: 'Passed' }).waitFor();
      assert.is(await page.getByTestId('attempt').count(), 2, 'both attempts are kept');
      await screenshot(page, 'homework-passed');
      const violations = await seriousViolations(page);
      assert.is(violations.length, 0, `homework page:\n${describeViolations(violations)}`);
      await page.context().close();
    }),
  );

  test(
    TESTS[4]!,
    shotsOnFailure(TESTS[4]!, async (ctx: Ctx) => {
      const { w } = ctx;
      const page = await pageFor(ctx, w.teacher, `/platform/enrollments/${w.enrollmentIds[0]}`);
      const lesson = page.getByTestId('enrollment-lesson').filter({ hasText: LESSON });
      await lesson.getByTestId('lesson-homework-status').filter({ hasText: 'Homework Passed' }).waitFor();
      await lesson.getByTestId('lesson-score').filter({ hasText: '3 / 4 (75 %)' }).waitFor();
      assert.is(
        await lesson.getByRole('link', { name: `Open in New Tab: ${LESSON}` }).getAttribute('href'),
        `/platform/enrollments/${w.enrollmentIds[0]}?lesson=${w.lessonIds[0]}`,
      );
      await screenshot(page, 'enrollment-lessons-passed');

      await page.getByRole('link', { name: 'Homework' }).click();
      await page.getByRole('heading', { name: 'Homework to review' }).waitFor();
      await page.getByTestId('review-row').filter({ hasText: 'Sofia Student' }).waitFor();
      await screenshot(page, 'homework-review-queue');
      await page.getByRole('link', { name: `Review Sofia Student: ${LESSON}` }).click();
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByTestId('homework-status').filter({ hasText: 'Verified' }).waitFor();

      await page.goto(`${w.url}/platform/enrollments/${w.enrollmentIds[0]}?lesson=${w.lessonIds[0]}`);
      await page
        .getByTestId('opened-lesson')
        .getByRole('heading', { name: `1. ${LESSON}` })
        .waitFor();
      await lesson.getByTestId('lesson-homework-status').filter({ hasText: 'Homework Verified' }).waitFor();
      await screenshot(page, 'enrollment-lessons-verified');
      await page.context().close();
    }),
  );

  test.run();
}
