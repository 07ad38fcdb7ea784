// Sign-in hardening: the client's own X-Forwarded-For is not believed unless TRUST_PROXY says so; parallel wrong
// passwords cannot outrun the lockout; rate limits on sign-in, set-password, invitations and calendar feeds;
// set-password checks the link before hashing; the hash queue is bounded (503 with Retry-After when full).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PASSWORD, testApp, type TestApp } from '../support/app.js';
import { hashLoad, hashPassword, MAX_QUEUED } from '../../auth/passwords.js';
import { loadConfig, trustProxyOf } from '../../kernel/config.js';

const test = suite<{ t: TestApp; orgId: string }>('sign-in hardening (security)');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.orgId = (await ctx.t.organisation()).orgId;
});
test.after(async ({ t }) => t?.close());

const login = (
  t: TestApp,
  email: string,
  password: string,
  ip: string,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
    headers,
  });

test('TRUST_PROXY: off by default; a hop count or a list of addresses; nonsense is refused', () => {
  assert.is(trustProxyOf(loadConfig({})), false);
  assert.is(trustProxyOf(loadConfig({ TRUST_PROXY: 'off' })), false);
  assert.is(trustProxyOf(loadConfig({ TRUST_PROXY: '1' })), 1);
  assert.equal(trustProxyOf(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1' })), [
    '10.0.0.1',
    '192.168.0.0/16',
    '::1',
  ]);
  assert.throws(() => loadConfig({ TRUST_PROXY: 'true; rm -rf' }), /TRUST_PROXY/);
});

test("by default a client's own X-Forwarded-For does not change its address: the per-IP lockout holds", async ({
  t,
}) => {
  const ip = '10.20.0.1';
  for (let i = 0; i < 20; i++) {
    const res = await login(t, `xff${i}@spray.example`, 'guess', ip, { 'x-forwarded-for': `203.0.113.${i}` });
    assert.is(res.statusCode, 401, res.body);
  }
  const locked = await login(t, 'xff-last@spray.example', 'guess', ip, { 'x-forwarded-for': '198.51.100.7' });
  assert.is(locked.statusCode, 429, locked.body);
});

test('with TRUST_PROXY naming the proxy, X-Forwarded-For from that proxy is the client address', async () => {
  const proxied = (await testApp({ env: { TRUST_PROXY: '10.30.0.1' } }))!;
  try {
    const { orgId } = await proxied.organisation();
    const someone = await proxied.person(orgId, 'student', 'Behind the proxy');
    for (let i = 0; i < 20; i++)
      assert.is(
        (
          await login(proxied, `p${i}@spray.example`, 'guess', '10.30.0.1', {
            'x-forwarded-for': '203.0.113.9',
          })
        ).statusCode,
        401,
      );
    // That client is locked; another client behind the same proxy is not.
    assert.is(
      (await login(proxied, someone.email, PASSWORD, '10.30.0.1', { 'x-forwarded-for': '203.0.113.9' }))
        .statusCode,
      429,
    );
    assert.is(
      (await login(proxied, someone.email, PASSWORD, '10.30.0.1', { 'x-forwarded-for': '203.0.113.10' }))
        .statusCode,
      200,
    );
    // The trusted proxy also says when the client came over HTTPS: the cookie is then Secure.
    const tls = await login(proxied, someone.email, PASSWORD, '10.30.0.1', {
      'x-forwarded-for': '203.0.113.11',
      'x-forwarded-proto': 'https',
    });
    assert.match(String(tls.headers['set-cookie']), /; Secure/);
    // A client that is not the trusted proxy cannot choose its address.
    for (let i = 0; i < 20; i++)
      await login(proxied, `q${i}@spray.example`, 'guess', '10.40.0.2', {
        'x-forwarded-for': `198.51.100.${i}`,
      });
    assert.is(
      (await login(proxied, someone.email, PASSWORD, '10.40.0.2', { 'x-forwarded-for': '198.51.100.200' }))
        .statusCode,
      429,
    );
  } finally {
    await proxied.close();
  }
});

test('parallel wrong passwords: at most five are checked, the rest are refused, and the lock holds', async ({
  t,
  orgId,
}) => {
  const victim = await t.person(orgId, 'teacher', 'Parallel victim');
  const answers = await Promise.all(
    Array.from({ length: 25 }, (_, i) => login(t, victim.email, `wrong ${i}`, `10.50.0.${i + 1}`)),
  );
  const codes = answers.map((a) => a.statusCode);
  assert.is(codes.filter((c) => c === 401).length, 5, codes.join(','));
  assert.is(codes.filter((c) => c === 429).length, 20, codes.join(','));
  assert.is((await login(t, victim.email, PASSWORD, '10.50.1.1')).statusCode, 429);
});

test('a successful sign-in does not count against its address', async ({ t, orgId }) => {
  const ip = '10.60.0.1';
  const person = await t.person(orgId, 'student', 'Often signs in');
  for (let i = 0; i < 25; i++) assert.is((await login(t, person.email, PASSWORD, ip)).statusCode, 200);
});

test('set-password checks the link before hashing, and a full hash queue answers 503 with Retry-After', async ({
  t,
}) => {
  const { admin } = await t.organisation('Hash queue school');
  const invited = await admin.post('/api/people', {
    name: 'Invited',
    email: 'queue@x.example',
    role: 'student',
  });
  const token = String(invited.json().invitation.link).split('#token=')[1]!;
  const setPassword = (tok: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/set-password',
      payload: { token: tok, password: 'a long password 1' },
    });
  // Fill the hash slots and the queue behind them.
  const fill = () =>
    Array.from({ length: 4 + MAX_QUEUED + 4 }, () => hashPassword('filler password').catch((e: Error) => e));
  let burst = fill();
  assert.is(hashLoad().queued, MAX_QUEUED);
  const wrong = await setPassword('x'.repeat(43));
  assert.is(wrong.statusCode, 400, 'a wrong link is refused without waiting for a hash');
  assert.match(wrong.body, /unknown, used or expired/);
  if (hashLoad().queued < MAX_QUEUED) burst = [...burst, ...fill()];
  assert.is(hashLoad().queued, MAX_QUEUED);
  const busy = await setPassword(token);
  assert.is(busy.statusCode, 503, busy.body);
  assert.match(String(busy.headers['content-type']), /application\/problem\+json/);
  assert.ok(Number(busy.headers['retry-after']) >= 1);
  const results = await Promise.all(burst);
  assert.ok(
    results.some((r) => r instanceof Error && /busy/.test(r.message)),
    'some fillers were refused',
  );
  // The link was not used up by the refused attempt.
  assert.is((await setPassword(token)).statusCode, 200);
});

test('rate limits: sign-in, set-password, invitations and calendar feeds answer 429 with Retry-After', async () => {
  const limited = (await testApp({ env: { RATE_LIMITS: 'on' } }))!;
  try {
    const hit = async (
      n: number,
      request: () => Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>,
    ) => {
      const codes: number[] = [];
      for (let i = 0; i < n; i++) codes.push((await request()).statusCode);
      const last = await request();
      return { codes, last };
    };
    const bad = { email: 'not-an-email' };
    const login429 = await hit(20, () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: bad,
        remoteAddress: '10.70.0.1',
      }),
    );
    assert.ok(
      login429.codes.every((c) => c === 400),
      login429.codes.join(','),
    );
    assert.is(login429.last.statusCode, 429, login429.last.body);
    assert.ok(Number(login429.last.headers['retry-after']) >= 1);
    assert.match(String(login429.last.headers['content-type']), /application\/problem\+json/);
    // Another address is not affected.
    assert.is(
      (
        await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: bad,
          remoteAddress: '10.70.0.2',
        })
      ).statusCode,
      400,
    );

    const set429 = await hit(10, () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/auth/set-password',
        payload: {},
        remoteAddress: '10.70.0.3',
      }),
    );
    assert.is(set429.last.statusCode, 429);

    const feed429 = await hit(60, () =>
      limited.app.inject({
        method: 'GET',
        url: `/api/calendar/feed/${'a'.repeat(32)}.ics`,
        remoteAddress: '10.70.0.4',
      }),
    );
    assert.ok(
      feed429.codes.every((c) => c === 404),
      feed429.codes.join(','),
    );
    assert.is(feed429.last.statusCode, 429);

    const { orgId, admin } = await limited.organisation('Limited school');
    const otherAdmin = await limited.person(orgId, 'admin', 'Second admin');
    const invite429 = await hit(60, () => admin.post('/api/people', { name: '' }));
    assert.ok(
      invite429.codes.every((c) => c === 400),
      invite429.codes.join(','),
    );
    assert.is(invite429.last.statusCode, 429);
    // Counted per person: another admin still invites.
    assert.is((await otherAdmin.post('/api/people', { name: '' })).statusCode, 400);
    const student = await limited.person(orgId, 'student', 'Reset target');
    const reset429 = await hit(20, () => otherAdmin.post(`/api/people/${student.id}/reset-password`));
    assert.ok(
      reset429.codes.every((c) => c === 200),
      reset429.codes.join(','),
    );
    assert.is(reset429.last.statusCode, 429);
  } finally {
    await limited.close();
  }
});

test.run();
