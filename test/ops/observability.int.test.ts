// Health, readiness and metrics as a load balancer, Prometheus and an admin see them, and request logs that carry
// the request and correlation ids.
import { Writable } from 'node:stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { buildApp } from '../../main/app.js';

const TOKEN = 'metrics-token-for-the-test-0123456789';

const test = suite<{ t: TestApp }>('observability');

test.before(async (ctx) => {
  ctx.t = (await testApp({ env: { METRICS_TOKEN: TOKEN } }))!;
});
test.after(async (ctx) => ctx.t.close());

test('GET /health says only ok to anyone; the details are for admins', async ({ t }) => {
  const health = await t.app.inject({ method: 'GET', url: '/health' });
  assert.is(health.statusCode, 200);
  assert.equal(health.json(), { status: 'ok' });
  assert.is((await t.app.inject({ method: 'GET', url: '/health/details' })).statusCode, 401);
  const { orgId, admin } = await t.organisation();
  const teacher = await t.person(orgId, 'teacher');
  assert.is((await teacher.get('/health/details')).statusCode, 403);
  const details = await admin.get('/health/details');
  assert.is(details.statusCode, 200);
  const body = details.json();
  assert.is(body.status, 'ok');
  assert.ok(body.eventStore.kind && body.readModels.kind && body.bus.kind);
  assert.ok(body.eventStore.ok && body.readModels.ok && body.bus.ok);
  assert.equal(body.pendingMigrations, []);
  assert.ok('schedule' in body.projections);
});

test('live and ready', async ({ t }) => {
  const live = await t.app.inject({ method: 'GET', url: '/health/live' });
  assert.is(live.statusCode, 200);
  const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
  assert.is(ready.statusCode, 200, ready.body);
  assert.equal(ready.json(), { status: 'ok', failing: [] });
});

test('GET /metrics: Prometheus text for admins and the scraper token, nobody else', async ({ t }) => {
  const { orgId, admin } = await t.organisation();
  const course = await admin.post('/api/courses', { name: 'Metrics course', lessons: [] });
  assert.is(course.statusCode, 201);
  await admin.get(`/api/courses/${course.json().id}`);
  await t.settle();

  assert.is((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 401);
  const wrong = await t.app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${TOKEN.replace('0', 'x')}` },
  });
  assert.is(wrong.statusCode, 401);
  assert.is((await (await t.person(orgId, 'teacher')).get('/metrics')).statusCode, 403);
  assert.is((await admin.get('/metrics')).statusCode, 200);

  const res = await t.app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.is(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/plain/);
  const text = res.body;
  // HTTP latency by route pattern, never by URL.
  assert.match(text, /lectern_http_request_duration_seconds_bucket\{[^}]*route="\/api\/courses\/:id"/);
  assert.not.match(text, new RegExp(`route="/api/courses/${course.json().id}"`));
  assert.match(
    text,
    /lectern_http_request_duration_seconds_count\{[^}]*route="\/api\/courses",status_code="201"/,
  );
  // Commands by outcome, and the append latency.
  assert.match(text, /lectern_commands_total\{aggregate="course",outcome="accepted"\} [1-9]/);
  assert.match(text, /lectern_event_append_duration_seconds_count\{aggregate="course"\} [1-9]/);
  // Each projection and process manager: its position and lag.
  assert.match(text, /lectern_log_consumer_position\{consumer="schedule",kind="projection"\} [1-9]/);
  assert.match(text, /lectern_log_consumer_lag\{consumer="schedule",kind="projection"\} \d/);
  assert.match(text, /lectern_log_consumer_lag\{consumer="[^"]+",kind="process"\} \d/);
  assert.match(text, /# TYPE lectern_log_consumer_failures_total counter/);
  assert.match(text, /lectern_event_store_head_position [1-9]/);
  // The mail outbox, live rooms and WebSocket traffic, and the process itself.
  assert.match(text, /lectern_mail_backlog\{status="pending"\} \d/);
  assert.match(text, /# TYPE lectern_mail_deliveries_total counter/);
  assert.match(text, /lectern_rooms \d/);
  assert.match(text, /lectern_room_peers \d/);
  assert.match(text, /# TYPE lectern_websocket_messages_total counter/);
  assert.match(text, /process_resident_memory_bytes|nodejs_heap_size_used_bytes/);
});

test('a command that meets a pinned revision it no longer has is counted as a conflict', async ({ t }) => {
  const { admin } = await t.organisation();
  const course = await admin.post('/api/courses', { name: 'Pinned', lessons: [] });
  const id = course.json().id as string;
  const stale = await admin.request(
    'POST',
    `/api/courses/${id}/lessons`,
    { title: 'One', kind: 'class' },
    { 'if-match': '"99"' },
  );
  assert.is(stale.statusCode, 412, stale.body);
  const text = (
    await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
  ).body;
  assert.match(text, /lectern_commands_total\{aggregate="course",outcome="conflict"\} [1-9]/);
});

test('request logs are JSON with the request id and the correlation id', async ({ t }) => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = await buildApp({ ...t.deps, logger: { level: 'info', stream } });
  await app.ready();
  try {
    await app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-correlation-id': '3f1c2a8e-5b6d-4e7f-8a9b-0c1d2e3f4a5b' },
    });
    const completed = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request completed');
    assert.ok(completed, lines.join('\n'));
    assert.ok(completed.reqId);
    assert.is(completed.correlationId, '3f1c2a8e-5b6d-4e7f-8a9b-0c1d2e3f4a5b');
  } finally {
    await app.close();
  }
});

test.run();
