// The demo school ships its B1 lessons with content and homework: the demo student opens the homework, answers
// and hands it in.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { status } from '../support/assert.js';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/demo.js';

const test = suite<{ t: TestApp }>('demo lesson content');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  await seedDemo(ctx.t.deps);
});
test.after(async ({ t }) => t.close());

test('eight lessons with content; the demo student has homework they can answer and hand in', async ({
  t,
}) => {
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'student@demo.lectern.dev', password: DEMO_PASSWORD },
    headers: { origin: 'http://localhost:3000' },
  });
  status(login, 200);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const course = (await get('/api/courses')).json().courses[0];
  assert.is(course.lessons.length, 8);
  for (const lesson of course.lessons) {
    const content = await get(`/api/courses/${course.id}/lessons/${lesson.id}/content`);
    status(content, 200);
    assert.ok(content.json().revision >= 1, lesson.title);
    assert.is(content.json().view, 'student');
  }
  const [homework] = (await get('/api/homework')).json().homework;
  assert.ok(homework, 'the demo student has homework');
  const base = `/api/enrollments/${homework.enrollmentId}/homework/${homework.id}`;
  const content = (await get(`${base}/content`)).json();
  const tf = content.document.blocks.find((b: { type: string }) => b.type === 'trueFalse');
  const answered = await t.app.inject({
    method: 'POST',
    url: `${base}/answers`,
    payload: { exerciseId: tf.id, answer: { type: 'trueFalse', value: false } },
    headers: { cookie, origin: 'http://localhost:3000' },
  });
  status(answered, 201);
  assert.is(answered.json().correct, true);
  assert.is((await get('/api/homework')).json().homework[0].status, 'started');
});

test.run();
