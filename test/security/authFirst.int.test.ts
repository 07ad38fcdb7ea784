// Authenticate before validating: every non-public route answers an anonymous caller (or one with a session
// cookie that means nothing) 401 before it reads or validates the request, so no field details leak; the public
// routes still validate their input.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { PUBLIC_API_ROUTES } from '../../api/authHooks.js';

type Op = { method: string; path: string; route: string };
const test = suite<{ t: TestApp; ops: Op[] }>('authenticate before validating');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  const doc = (await ctx.t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  ctx.ops = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => {
      const route = `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      // Parameters deliberately invalid too: the answer must not depend on them.
      return { method: m.toUpperCase(), path: path.replace(/\{\w+\}/g, '~not-an-id'), route };
    }),
  );
});
test.after(async ({ t }) => t?.close());

const nonPublic = (ops: Op[]) =>
  ops.filter((o) => o.path.startsWith('/api/') && !PUBLIC_API_ROUTES.has(o.route));

test('over 100 documented /api operations need a session', ({ ops }) => {
  assert.ok(nonPublic(ops).length >= 100, `only ${nonPublic(ops).length}`);
});

for (const caller of ['anonymous', 'a cookie of no session'] as const) {
  test(`every non-public route answers ${caller} 401, with an invalid body, naming no fields`, async ({
    t,
    ops,
  }) => {
    const wrong: string[] = [];
    for (const op of nonPublic(ops)) {
      const hasBody = !['GET', 'HEAD', 'DELETE'].includes(op.method);
      const res = await t.app.inject({
        method: op.method as 'POST',
        url: `${op.path}?from=nonsense&limit=-1`,
        ...(hasBody ? { payload: '{"name": 42, "start": "yesterday", "x": [' } : {}),
        headers: {
          ...(hasBody ? { 'content-type': 'application/json' } : {}),
          ...(caller === 'anonymous' ? {} : { cookie: 'lectern_session=forged-or-expired-token' }),
          'if-match': 'garbage',
          'idempotency-key': '!!!',
        },
      });
      const body = res.body;
      if (res.statusCode !== 401) wrong.push(`${op.route}: ${res.statusCode} ${body.slice(0, 150)}`);
      else if (
        !String(res.headers['content-type']).includes('application/problem+json') ||
        body.includes('fields')
      )
        wrong.push(`${op.route}: 401 but ${res.headers['content-type']} ${body.slice(0, 150)}`);
    }
    assert.equal(wrong, [], `${wrong.length} routes:\n${wrong.join('\n')}`);
  });
}

test('a large invalid body is not read before the 401', async ({ t }) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/courses',
    payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
    headers: { 'content-type': 'application/json' },
  });
  assert.is(res.statusCode, 401);
});

test('public routes still validate their input', async ({ t }) => {
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nope' } });
  assert.is(login.statusCode, 400);
  const setPassword = await t.app.inject({ method: 'POST', url: '/api/auth/set-password', payload: {} });
  assert.is(setPassword.statusCode, 400);
  const feed = await t.app.inject({ method: 'GET', url: '/api/calendar/feed/~bad.ics' });
  assert.is(feed.statusCode, 400);
  const health = await t.app.inject({ method: 'GET', url: '/health' });
  assert.is(health.statusCode, 200);
  assert.is((await t.app.inject({ method: 'GET', url: '/docs/json' })).statusCode, 200);
});

test('an unknown /api path is still 404 for anyone', async ({ t }) => {
  assert.is((await t.app.inject({ method: 'GET', url: '/api/no-such-thing' })).statusCode, 404);
});

test('a signed-in caller gets the field details', async ({ t }) => {
  const { admin } = await t.organisation();
  const res = await admin.post('/api/courses', { name: 42 });
  assert.is(res.statusCode, 400);
  assert.ok(res.json().fields.length > 0);
});

test.run();
