// Changing one's own password, over HTTP against a started server: the current password is required, the person's
// other sessions end (on every device) while this one stays signed in, and tries are rate-limited per person.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cluster, organisation, type Cluster } from '../realtime/support/cluster.js';
import { createPerson } from '../../db/people.js';
import { hashPassword } from '../../auth/passwords.js';
import { postgresAvailable } from '../support/services.js';

type Ctx = { c: Cluster; base: string; orgId: string };
const test = suite<Ctx>('change password');
const enabled = await postgresAvailable();
const OLD = 'the first long password';
const NEW = 'a second long password';

test.before(async (ctx) => {
  if (!enabled) return;
  // Rate limits on, as in production.
  ctx.c = await cluster({ env: { RATE_LIMITS: 'on' } });
  const [node] = await ctx.c.start(1);
  ctx.base = `http://127.0.0.1:${node!.port}`;
  ctx.orgId = await organisation(ctx.c);
});
test.after(async (ctx) => {
  if (enabled) await ctx.c.close();
});

const call = (ctx: Ctx, method: string, path: string, body?: unknown, cookie?: string) =>
  fetch(`${ctx.base}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

/** A person with a password, and a sign-in of theirs (its cookie). */
async function someone(ctx: Ctx, name: string) {
  const email = `${name.toLowerCase().replace(/\W/g, '.')}@test.lectern.dev`;
  await createPerson(ctx.c.nodes[0]!.runtime.deps.db, {
    orgId: ctx.orgId,
    role: 'teacher',
    name,
    email,
    passwordHash: await hashPassword(OLD),
  });
  return { email, signIn: (password = OLD) => signIn(ctx, email, password) };
}
async function signIn(ctx: Ctx, email: string, password: string) {
  const res = await call(ctx, 'POST', '/api/auth/login', { email, password });
  assert.is(res.status, 200, `sign-in of ${email}: ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const change = (ctx: Ctx, cookie: string | undefined, body: unknown) =>
  call(ctx, 'POST', '/api/auth/change-password', body, cookie);

test('the current password is required; other sessions end, this one stays; the new password signs in', async (ctx) => {
  if (!enabled) return console.log('SKIPPED change password: no Postgres server');
  const tereza = await someone(ctx, 'Tereza Teacher');
  const laptop = await tereza.signIn();
  const phone = await tereza.signIn();

  assert.is((await change(ctx, undefined, { currentPassword: OLD, newPassword: NEW })).status, 401);

  const wrong = await change(ctx, laptop, { currentPassword: 'not my password', newPassword: NEW });
  assert.is(wrong.status, 400);
  const problem = (await wrong.json()) as { detail: string; fields?: { path: string }[] };
  assert.match(JSON.stringify(problem), /currentPassword/);

  const short = await change(ctx, laptop, { currentPassword: OLD, newPassword: 'short' });
  assert.is(short.status, 400);
  assert.match(await short.text(), /at least 10 characters/);
  const same = await change(ctx, laptop, { currentPassword: OLD, newPassword: OLD });
  assert.is(same.status, 400);
  assert.match(await same.text(), /must differ/);
  // Nothing changed so far: both sessions live, the old password works.
  assert.is((await call(ctx, 'GET', '/api/me', undefined, phone)).status, 200);

  const ok = await change(ctx, laptop, { currentPassword: OLD, newPassword: NEW });
  assert.is(ok.status, 200, await ok.clone().text());
  assert.equal(await ok.json(), { ok: true });
  assert.is((await call(ctx, 'GET', '/api/me', undefined, laptop)).status, 200, 'this session stays');
  assert.is((await call(ctx, 'GET', '/api/me', undefined, phone)).status, 401, 'the other session ended');

  const oldLogin = await call(ctx, 'POST', '/api/auth/login', { email: tereza.email, password: OLD });
  assert.is(oldLogin.status, 401, 'the old password no longer signs in');
  await tereza.signIn(NEW);
});

test('tries are rate-limited per person (10 a minute), with Retry-After', async (ctx) => {
  if (!enabled) return;
  const tom = await someone(ctx, 'Tom Tutor');
  const cookie = await tom.signIn();
  const statuses: number[] = [];
  let last: Response | undefined;
  for (let i = 0; i < 11; i++) {
    last = await change(ctx, cookie, { currentPassword: `guess number ${i}`, newPassword: NEW });
    statuses.push(last.status);
  }
  assert.equal(statuses.slice(0, 10), Array(10).fill(400), statuses.join(','));
  assert.is(statuses[10], 429, statuses.join(','));
  assert.ok(Number(last!.headers.get('retry-after')) > 0);
  // Another person is not limited by Tom's tries.
  const ada = await someone(ctx, 'Ada Other');
  const theirs = await change(ctx, await ada.signIn(), { currentPassword: OLD, newPassword: NEW });
  assert.is(theirs.status, 200);
});

test.run();
