// Sign-in hardening: lockout after repeated failures, sign out (everywhere), expiry, cookie flags, headers, logs.
import { Writable } from 'node:stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildApp, LOG_OPTIONS } from '../../main/app.js';
import { PASSWORD, testApp, type TestApp } from '../support/app.js';
import { problem, status } from '../support/assert.js';

const test = suite<{ t: TestApp; orgId: string }>('sign-in hardening');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.orgId = (await ctx.t.organisation()).orgId;
});
test.after(async ({ t }) => t.close());

const login = (t: TestApp, email: string, password: string, ip = '10.0.0.1', headers = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
    headers,
  });

test('brute force on one e-mail: locked out after 5 failures, 429 with Retry-After, even for the right password', async ({
  t,
  orgId,
}) => {
  const victim = await t.person(orgId, 'teacher', 'Victim');
  for (let i = 0; i < 5; i++) problem(await login(t, victim.email, `guess ${i}`), 401);
  const locked = await login(t, victim.email, PASSWORD);
  problem(locked, 429, 'rate_limited');
  assert.is(locked.headers['retry-after'], '900');
  problem(await login(t, victim.email, PASSWORD, '10.9.9.9'), 429);
  t.clock.advance(10);
  const later = await login(t, victim.email, PASSWORD);
  problem(later, 429);
  assert.is(later.headers['retry-after'], '300', 'the lock runs down with time');
  t.clock.advance(6);
  status(await login(t, victim.email, PASSWORD), 200);
  status(await victim.get('/api/me'), 200);
});

test('password spraying from one IP over many e-mails: locked after 20 failures', async ({ t, orgId }) => {
  const ip = '10.0.0.66';
  const someone = await t.person(orgId, 'student', 'Someone');
  for (let i = 0; i < 20; i++) problem(await login(t, `sprayed${i}@x.example`, 'guess', ip), 401);
  problem(await login(t, someone.email, PASSWORD, ip), 429);
  // Other IPs still sign in while this one is locked.
  status(await login(t, someone.email, PASSWORD, '10.0.0.67'), 200);
});

test('sign out ends this session; sign out everywhere ends them all', async ({ t, orgId }) => {
  const a = await t.person(orgId, 'student', 'Many Devices');
  const second = await login(t, a.email, PASSWORD, '10.1.1.1');
  const cookie2 = String(second.headers['set-cookie']).split(';')[0]!;
  const third = await login(t, a.email, PASSWORD, '10.1.1.1');
  const cookie3 = String(third.headers['set-cookie']).split(';')[0]!;
  status(await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: cookie3 } }), 200);
  problem(await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookie3 } }), 401);
  status(await a.get('/api/me'), 200);
  status(await a.post('/api/auth/logout-everywhere'), 200);
  problem(await a.get('/api/me'), 401);
  problem(await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookie2 } }), 401);
});

test('a session expires after SESSION_TTL_HOURS', async ({ t, orgId }) => {
  const p = await t.person(orgId, 'student', 'Expiring');
  t.clock.advance(24 * 14 * 60 - 1);
  status(await p.get('/api/me'), 200);
  t.clock.advance(2);
  problem(await p.get('/api/me'), 401);
});

test('cookie flags: HttpOnly and SameSite always, Secure only behind a trusted HTTPS proxy', async ({
  t,
  orgId,
}) => {
  const p = await t.person(orgId, 'student', 'Cookie');
  const plain = String((await login(t, p.email, PASSWORD, '10.2.2.2')).headers['set-cookie']);
  assert.match(plain, /HttpOnly/);
  assert.match(plain, /SameSite=Lax/);
  assert.not.match(plain, /Secure/);
  // TRUST_PROXY is off here: a client's own X-Forwarded-Proto is not believed (test/security/signIn.int.test.ts
  // checks a trusted proxy's).
  const proxied = await login(t, p.email, PASSWORD, '10.2.2.2', { 'x-forwarded-proto': 'https' });
  assert.not.match(String(proxied.headers['set-cookie']), /Secure/);
});

test('with an https PUBLIC_URL every session cookie is Secure', async () => {
  const https = (await testApp({ env: { PUBLIC_URL: 'https://lectern.example' } }))!;
  try {
    const { orgId: org } = await https.organisation();
    const p = await https.person(org, 'student', 'Behind TLS');
    const res = await login(https, p.email, PASSWORD, '10.4.4.4');
    status(res, 200);
    assert.match(String(res.headers['set-cookie']), /; Secure/);
  } finally {
    await https.close();
  }
});

test('one invitation link, used twice at once: exactly one sets the password', async ({ t, orgId }) => {
  const admin = (await t.organisation('Race')).admin;
  const invited = await admin.post('/api/people', {
    name: 'Racer',
    email: 'racer@race.example',
    role: 'student',
  });
  const token = String(invited.json().invitation.link).split('#token=')[1];
  const use = (password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token, password } });
  const answers = await Promise.all([use('first password 111'), use('second password 222')]);
  assert.equal(answers.map((a) => a.statusCode).sort(), [200, 400]);
  const winner = answers[0]!.statusCode === 200 ? 'first password 111' : 'second password 222';
  status(await login(t, 'racer@race.example', winner, '10.5.5.5'), 200);
  assert.ok(orgId);
});

test('security headers on every answer, and a foreign Origin cannot write', async ({ t, orgId }) => {
  const admin = (await t.organisation('Headers')).admin;
  const res = await admin.get('/api/me');
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  assert.is(res.headers['x-content-type-options'], 'nosniff');
  assert.ok(res.headers['strict-transport-security'], 'HSTS');
  assert.is(res.headers['x-frame-options'], 'SAMEORIGIN');
  assert.is(res.headers['x-powered-by'], undefined);
  const foreign = await admin.post(
    '/api/people',
    { name: 'X', email: 'x@y.example', role: 'student' },
    { origin: 'https://evil.example' },
  );
  problem(foreign, 403);
  problem(await admin.post('/api/groups', { name: 'x' }, { 'sec-fetch-site': 'cross-site' }), 403);
  status(await admin.post('/api/groups', { name: 'same site' }, { 'sec-fetch-site': 'same-origin' }), 201);
  status(await admin.post('/api/groups', { name: 'own origin' }, { origin: 'http://localhost:3000' }), 201);
  assert.ok(orgId);
});

test('cookies, passwords and tokens never reach the logs', async ({ t, orgId }) => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    ...t.deps,
    logger: { level: 'trace', ...LOG_OPTIONS, stream },
  });
  await app.ready();
  const p = await t.person(orgId, 'admin', 'Logged');
  const secret = 'a very secret password 42';
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: p.email, password: PASSWORD },
    remoteAddress: '10.3.3.3',
  });
  const session = String(res.headers['set-cookie']).split(';')[0]!;
  const token = session.split('=')[1]!;
  await app.inject({
    method: 'GET',
    url: '/api/me',
    headers: { cookie: session, authorization: `Bearer ${token}` },
  });
  await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: p.email, password: secret },
    remoteAddress: '10.3.3.3',
  });
  await app.inject({
    method: 'POST',
    url: '/api/auth/set-password',
    payload: { token: 'x'.repeat(30) + 'SETPWTOKEN', password: secret },
  });
  await app.inject({ method: 'GET', url: '/api/calendar/feed/FEEDTOKEN123456789.ics' });
  await app.inject({ method: 'GET', url: '/api/me?token=QUERYTOKEN42&x=1', headers: { cookie: session } });
  await app.close();
  const log = lines.join('');
  assert.ok(log.includes('/api/calendar/feed/[REDACTED]'), 'the feed request is logged, masked');
  assert.ok(lines.length >= 6, `requests were logged (${lines.length} lines)`);
  assert.not.ok(log.includes(token), 'the session token');
  assert.not.ok(log.includes(secret), 'a password');
  assert.not.ok(log.includes(PASSWORD), 'a password');
  assert.not.ok(log.includes('SETPWTOKEN'), 'a set-password token');
  assert.not.ok(log.includes('FEEDTOKEN'), 'a calendar feed token in the path');
  assert.not.ok(log.includes('QUERYTOKEN'), 'a token in the query string');
});

test.run();
