// The API server serves the built web client: its own paths get index.html, assets are cached, and an unknown
// /api path is still a problem+json 404 (the client's fallback never shadows the API).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync } from 'node:fs';
import { testApp, type TestApp } from '../support/app.js';
import { WEB_DIST } from '../../api/routes/web.js';
import { skipNotice } from '../support/services.js';

const test = suite<{ t: TestApp }>('web client routes');

if (!existsSync(`${WEB_DIST}index.html`)) {
  skipNotice('web client routes', 'web/dist is not built (run `npm run build:web`)');
} else {
  test.before(async (ctx) => {
    ctx.t = (await testApp())!;
  });
  test.after(async ({ t }) => t?.close());

  test('client paths answer with index.html', async ({ t }) => {
    for (const path of ['/', '/platform/schedule', '/platform/sessions/abc', '/room/123']) {
      const res = await t.app.inject({ method: 'GET', url: path });
      assert.is(res.statusCode, 200, path);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.body, /<div id="root">/);
    }
  });

  test('hashed assets are served with long caching', async ({ t }) => {
    const asset = readdirSync(`${WEB_DIST}assets`).find((f) => f.endsWith('.js'))!;
    const res = await t.app.inject({ method: 'GET', url: `/assets/${asset}` });
    assert.is(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /immutable/);
  });

  test('an unknown /api path stays a problem+json 404, and /api routes still answer', async ({ t }) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    assert.is(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    const me = await t.app.inject({ method: 'GET', url: '/api/me' });
    assert.is(me.statusCode, 401);
    const missing = await t.app.inject({ method: 'GET', url: '/assets/nope.js' });
    assert.is(missing.statusCode, 404);
  });

  test.run();
}
