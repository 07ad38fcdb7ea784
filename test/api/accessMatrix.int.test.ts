// Every route in /docs/json × every role × (own, other person's, other organisation's resource): the answer each
// gets is the one accessMatrix.entries.ts promises. A route without an entry fails.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { entries, type Expected } from './accessMatrix.entries.js';
import { PUBLIC_API_ROUTES } from '../../api/authHooks.js';
import { actorOf, buildWorld, ROLES, SCOPES, type Org, type World } from './accessMatrix.world.js';

const test = suite<{ t: TestApp; w: World; routes: string[] }>('access matrix');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  // uvu reports a failing hook only as "0 passed": say why.
  ctx.w = await buildWorld(ctx.t).catch((e) => {
    console.error('the access-matrix world could not be built:', e);
    throw e;
  });
  const doc = (await ctx.t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  ctx.routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
});
test.after(async ({ t }) => t.close());

const matches = (expected: Expected, got: number) =>
  typeof expected === 'number' ? got === expected : expected.includes(got);

test('every route in /docs/json has a matrix entry', ({ routes }) => {
  const missing = routes.filter((r) => !entries[r]);
  assert.equal(
    missing,
    [],
    `routes without an entry in test/api/accessMatrix.entries.ts:\n${missing.join('\n')}`,
  );
  assert.ok(routes.length >= 20, `only ${routes.length} routes documented`);
});

test('every route answers each role and scope as the matrix says', async ({ t, w, routes }) => {
  const failures: string[] = [];
  let checked = 0;
  for (const route of routes) {
    const entry = entries[route];
    if (!entry) continue;
    const [method, path] = route.split(' ') as [string, string];
    for (const scope of SCOPES) {
      const expected = entry.expect[scope];
      if (!expected) continue;
      for (const role of ROLES) {
        let req;
        try {
          req = await entry.request(w, scope, role);
        } catch (e) {
          failures.push(`${route} [${scope}/${role}] could not build the request: ${String(e)}`);
          continue;
        }
        const cookie = req.cookie ?? actorOf(w, role)?.cookie ?? '';
        const res = await t.app.inject({
          method: method as 'GET',
          url: req.url,
          payload:
            req.body === undefined
              ? method === 'GET' || method === 'DELETE'
                ? undefined
                : {}
              : (req.body as object),
          headers: { ...(cookie ? { cookie } : {}), ...req.headers },
        });
        checked++;
        const want = expected[role];
        if (!matches(want, res.statusCode))
          failures.push(
            `${route} [${scope}/${role}] ${req.url}: expected ${String(want)}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
        if (
          res.statusCode >= 400 &&
          !String(res.headers['content-type']).includes('application/problem+json')
        )
          failures.push(`${route} [${scope}/${role}]: ${res.statusCode} is not problem+json`);
        if (scope === 'foreign' && res.statusCode === 403 && !matches(entry.expect.own[role], 403))
          failures.push(
            `${route} [foreign/${role}]: 403 reveals that another organisation's resource exists`,
          );
        if (scope === 'foreign' && res.statusCode >= 200 && res.statusCode < 300 && path.includes(':'))
          failures.push(
            `${route} [foreign/${role}]: another organisation's resource answered ${res.statusCode}`,
          );
      }
    }
  }
  console.log(`  access matrix: ${checked} requests over ${routes.length} routes`);
  assert.ok(failures.length === 0, `${failures.length} answers differ:\n${failures.join('\n')}`);
});

const isPublic = (route: string) => !route.split(' ')[1]!.startsWith('/api/') || PUBLIC_API_ROUTES.has(route);

test('every non-public route promises anonymous callers 401 in every scope', ({ routes }) => {
  const wrong = routes
    .filter((r) => !isPublic(r) && entries[r])
    .flatMap((r) =>
      SCOPES.filter((s) => entries[r]!.expect[s] && entries[r]!.expect[s]!.anonymous !== 401).map(
        (s) => `${r} [${s}]`,
      ),
    );
  assert.equal(wrong, [], `entries that let an anonymous caller past 401:\n${wrong.join('\n')}`);
});

test('every non-public route answers anonymous callers 401 before validating, even with an invalid body', async ({
  t,
  w,
  routes,
}) => {
  const wrong: string[] = [];
  for (const route of routes.filter((r) => !isPublic(r) && entries[r])) {
    const [method] = route.split(' ') as [string, string];
    const req = await entries[route]!.request(w, 'own', 'anonymous');
    const hasBody = method !== 'GET' && method !== 'DELETE';
    const res = await t.app.inject({
      method: method as 'GET',
      url: req.url,
      ...(hasBody ? { payload: '{"deliberately": ["invalid"], "name": 42' } : {}),
      headers: hasBody ? { 'content-type': 'application/json' } : {},
    });
    if (res.statusCode !== 401 || res.body.includes('"fields"'))
      wrong.push(`${route}: ${res.statusCode} ${res.body.slice(0, 150)}`);
  }
  assert.equal(wrong, [], `${wrong.length} routes:\n${wrong.join('\n')}`);
});

const idsOf = (o: Org) => [
  o.orgId,
  o.admin.id,
  o.teacher.id,
  o.otherTeacher.id,
  o.otherStudent.id,
  ...o.students.map((s) => s.id),
  o.courseId,
  ...o.lessonIds,
  ...o.enrollmentIds,
  o.otherEnrollmentId,
  o.liveSessionId,
  o.otherLiveSessionId,
];

test("organisation isolation: no list or query of organisation A mentions any of B's ids", async ({
  t,
  w,
  routes,
}) => {
  const foreignIds = idsOf(w.b);
  const leaks: string[] = [];
  const gets = routes.filter((r) => r.startsWith('GET ') && !r.includes(':') && entries[r]);
  for (const route of gets) {
    for (const role of ROLES.filter((r) => r !== 'anonymous')) {
      const req = await entries[route]!.request(w, 'own', role);
      const res = await t.app.inject({
        method: 'GET',
        url: req.url,
        headers: { cookie: actorOf(w, role)!.cookie },
      });
      const leaked = foreignIds.filter((id) => res.body.includes(id));
      if (leaked.length > 0) leaks.push(`${route} as ${role} shows ${leaked.join(', ')}`);
    }
  }
  assert.ok(gets.length >= 5, `only ${gets.length} list routes checked`);
  assert.ok(leaks.length === 0, leaks.join('\n'));
});

test.run();
