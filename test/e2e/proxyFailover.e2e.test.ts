// Several nodes behind a real proxy, in browsers: two Lectern server processes sharing one Postgres database and
// their own NATS, behind nginx with deploy/nginx/lectern.conf terminating TLS with a certificate from a local CA
// made here (test/ops/support/proxyTopology.ts). A teacher and a student sign in on the proxy's login page in
// Chromium (which trusts that certificate's key, see support/proxyBrowser.ts) and meet in the live room with
// their sockets on different nodes (read from the proxy's X-Lectern-Node header on each upgrade). They chat;
// the student's node is killed; her page reconnects through the proxy to the other node by itself (no reload)
// and the lesson goes on: the chat shows every earlier message once and new messages cross. The teacher ends the
// lesson and completes it with Finish & Deduct; the student's wallet holds exactly one debit for it.
// The nodes are separate processes on the real clock, so the session is scheduled from the real time.
import { rm } from 'node:fs/promises';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import {
  cluster,
  clusterServices,
  freePort,
  liveSession,
  organisation,
  ownNats,
  type Cluster,
} from '../realtime/support/cluster.js';
import { skippedSuite } from '../support/suite.js';
import { isCI } from '../support/services.js';
import { testClock } from '../support/clock.js';
import { createPerson } from '../../db/people.js';
import { hashPassword } from '../../auth/passwords.js';
import {
  https,
  localCa,
  nginxMissing,
  startNginx,
  startNode,
  type LecternNode,
  type Nginx,
  type Tls,
} from '../ops/support/proxyTopology.js';
import { browserUnavailable, screenshot, shotsOnFailure } from './support/browser.js';
import { ensureWebBuild } from './support/webBuild.js';
import { join } from './support/roomPages.js';
import {
  launchTrustingChromium,
  peersConnected,
  proxyContext,
  signInThroughProxy,
  SocketNodes,
  spkiHash,
} from './support/proxyBrowser.js';

// The page's globals as this test reads them (the test project is typed for Node, not the DOM).
declare const window: { __proxyFailoverMark?: string };
declare const document: {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
};

const PASSWORD = 'a school password for the proxy browser test';
const CREDIT = 10;
const LESSON_COST = 4; // what liveSession's enrollment charges

type Who = { id: string; email: string; name: string };
type Ctx = {
  nats: Awaited<ReturnType<typeof ownNats>>;
  c: Cluster;
  tls: Tls;
  nodes: LecternNode[];
  proxy: Nginx;
  browser: Browser;
  admin: Who & { cookie: string };
  teacher: Who;
  student: Who;
  liveSessionId: string;
  teacherPage: Page;
  studentPage: Page;
  teacherSockets: SocketNodes;
  studentSockets: SocketNodes;
  teacherNode: string;
  studentNode: string;
};

const TESTS = [
  'a teacher and a student sign in on the login page the proxy serves over TLS',
  'both open the live room, their sockets on different nodes, and chat',
  "the student's node is killed: her page reconnects through the proxy to the other node by itself, the chat holds every message once and goes on",
  'the teacher ends and completes the lesson with Finish & Deduct: the student is debited exactly once',
];

const missing = (await nginxMissing()) ?? browserUnavailable() ?? (await clusterServices());
if (missing && isCI) throw new Error(`CI=true but the proxy browser suite cannot run: ${missing}`);
if (missing) {
  skippedSuite('proxy failover (browser)', missing, TESTS);
} else {
  const test = suite<Ctx>('proxy failover (browser)');
  const portOf = (upstream: string) => upstream.split(':').pop()!;
  const nodeAt = (ctx: Ctx, upstream: string) => {
    const node = ctx.nodes.find((n) => String(n.port) === portOf(upstream));
    if (!node) throw new Error(`no node at ${upstream} (${ctx.nodes.map((n) => n.port).join(', ')})`);
    return node;
  };
  const api = (ctx: Ctx, method: string, path: string, body?: unknown) =>
    https(ctx.proxy.origin, method, path, ctx.tls.ca, {
      cookie: ctx.admin.cookie,
      ...(body === undefined ? {} : { body }),
    });
  const chatTexts = (page: Page) => page.getByTestId('chat-message').locator('.chat-text').allTextContents();
  /** Waits until the page shows a chat message containing `text`. */
  const seesChat = (page: Page, text: string) =>
    page.getByTestId('chat-message').filter({ hasText: text }).waitFor();
  const send = async (page: Page, text: string) => {
    await page.getByTestId('chat-input').fill(text);
    await page.getByTestId('chat-send').click();
    await seesChat(page, text);
  };
  /** The room's socket status on the page: connecting, open, reconnecting or closed. */
  const connection = (page: Page) => page.getByTestId('room').getAttribute('data-connection');

  test.before(async (ctx) => {
    try {
      ctx.nodes = [];
      // The nodes serve web/dist as it is when they start.
      ensureWebBuild();
      ctx.tls = await localCa();
      ctx.nats = await ownNats();
      // An in-process node makes the schema and the school, then steps aside for the server processes.
      ctx.c = await cluster({ natsUrl: ctx.nats.url, clock: testClock(new Date().toISOString()) });
      await ctx.c.start(1);
      const orgId = await organisation(ctx.c, 'Proxy Browser School');
      const db = ctx.c.nodes[0]!.runtime.deps.db;
      const passwordHash = await hashPassword(PASSWORD);
      const people: Record<string, Who> = {};
      for (const [role, name] of [
        ['admin', 'Ada Admin'],
        ['teacher', 'Tereza Teacher'],
        ['student', 'Stan Student'],
      ] as const) {
        const email = `${role}.${Math.random().toString(36).slice(2)}@proxy.lectern.dev`;
        const id = await createPerson(db, {
          orgId,
          role,
          name,
          email,
          passwordHash,
          timeZone: 'Europe/Berlin',
        });
        people[role] = { id, email, name };
      }
      const asPerson = (who: Who) => ({ id: who.id, orgId, name: who.name, cookie: who.email });
      const session = await liveSession(
        ctx.c,
        asPerson(people.admin!),
        asPerson(people.teacher!),
        [asPerson(people.student!)],
        'individual',
      );
      ctx.liveSessionId = session.liveSessionId;
      ctx.teacher = people.teacher!;
      ctx.student = people.student!;
      await ctx.c.stopAll();

      const proxyPort = await freePort();
      const env = {
        DATABASE_URL: ctx.c.db.url!,
        NATS_URL: ctx.nats.url,
        PUBLIC_URL: `https://localhost:${proxyPort}`,
        TRUST_PROXY: '127.0.0.1',
        DEMO_SEED: 'off',
        LOG_LEVEL: 'warn',
        RATE_LIMITS: 'off',
      };
      ctx.nodes = await Promise.all([startNode(env), startNode(env)]);
      ctx.proxy = await startNginx(
        ctx.tls,
        ctx.nodes.map((n) => n.port),
        proxyPort,
      );

      // The admin (over HTTPS through the proxy, trusting only the test CA) tops up the student's wallet.
      const login = await https(ctx.proxy.origin, 'POST', '/api/auth/login', ctx.tls.ca, {
        body: { email: people.admin!.email, password: PASSWORD },
      });
      assert.is(login.status, 200, login.body);
      ctx.admin = { ...people.admin!, cookie: [login.headers['set-cookie']].flat()[0]!.split(';')[0]! };
      const credit = await api(ctx, 'POST', `/api/wallets/${ctx.student.id}/credits`, {
        tokens: CREDIT,
        reason: 'A pack of lessons',
      });
      assert.is(credit.status, 201, credit.body);

      // Chromium accepts the proxy's certificate by its public key (and the CA's, should nginx send the chain).
      ctx.browser = await launchTrustingChromium([spkiHash(ctx.tls.cert), spkiHash(`${ctx.tls.dir}/ca.pem`)]);
    } catch (error) {
      // uvu does not report a failing hook by itself.
      console.error('proxy browser set-up failed:', error);
      throw error;
    }
  });

  test.after(async (ctx) => {
    await ctx.browser?.close().catch(() => undefined);
    await ctx.proxy?.stop().catch(() => undefined);
    for (const node of ctx.nodes ?? []) await node.kill().catch(() => undefined);
    await ctx.c?.close().catch(() => undefined);
    await ctx.nats?.stop().catch(() => undefined);
    if (ctx.tls) await rm(ctx.tls.dir, { recursive: true, force: true });
  });

  test(
    TESTS[0]!,
    shotsOnFailure(TESTS[0]!, async (ctx: Ctx) => {
      const open = async (who: Who) => {
        const context = await proxyContext(ctx.browser);
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error(`page error (${who.name}):`, e.message));
        await signInThroughProxy(page, ctx.proxy.origin, who.email, PASSWORD);
        const cookies = await context.cookies(ctx.proxy.origin);
        assert.ok(cookies.length > 0, `${who.name} has a session cookie`);
        assert.ok(
          cookies.every((c) => c.secure),
          'behind the TLS proxy the session cookie is Secure',
        );
        return page;
      };
      ctx.teacherPage = await open(ctx.teacher);
      ctx.studentPage = await open(ctx.student);
      assert.ok(ctx.teacherPage.url().startsWith(ctx.proxy.origin), 'the app is served through the proxy');
    }),
  );

  test(
    TESTS[1]!,
    shotsOnFailure(TESTS[1]!, async (ctx: Ctx) => {
      const room = `${ctx.proxy.origin}/room/${ctx.liveSessionId}`;
      const { teacherPage, studentPage } = ctx;
      ctx.teacherSockets = await SocketNodes.watch(teacherPage);
      ctx.studentSockets = await SocketNodes.watch(studentPage);

      await teacherPage.goto(room);
      await teacherPage.locator('.prejoin-preview video').waitFor();
      let since = Date.now();
      await join(teacherPage);
      ctx.teacherNode = (await ctx.teacherSockets.next(since)).node;
      nodeAt(ctx, ctx.teacherNode);
      await teacherPage.getByTestId('start-session').click();
      await teacherPage.getByTestId('session-status').filter({ hasText: 'active' }).waitFor();

      // nginx spreads requests round robin over the nodes, and the page's own requests move the turn: join
      // again (a reload leaves the room first) until the student's socket is on the other node.
      for (let attempt = 1; ; attempt++) {
        if (attempt === 1) await studentPage.goto(room);
        else await studentPage.reload();
        await studentPage.locator('.prejoin-preview video').waitFor();
        since = Date.now();
        await join(studentPage);
        ctx.studentNode = (await ctx.studentSockets.next(since)).node;
        if (portOf(ctx.studentNode) !== portOf(ctx.teacherNode)) break;
        if (attempt === 10) throw new Error(`ten joins of the student all landed on ${ctx.teacherNode}`);
      }
      console.log(`\nNOTE teacher's socket on ${ctx.teacherNode}, student's on ${ctx.studentNode}`);
      await peersConnected(teacherPage, 1);
      await peersConnected(studentPage, 1);

      await send(teacherPage, 'Good morning, Stan');
      await seesChat(studentPage, 'Good morning, Stan');
      await studentPage.getByTestId('chat-input').fill('Good morning!');
      await studentPage.getByTestId('chat-input').press('Enter');
      await seesChat(teacherPage, 'Good morning!');
      await seesChat(studentPage, 'Good morning!');
      await screenshot(studentPage, 'proxy-failover-before');
    }),
  );

  test(
    TESTS[2]!,
    shotsOnFailure(TESTS[2]!, async (ctx: Ctx) => {
      const { teacherPage, studentPage } = ctx;
      const doomed = nodeAt(ctx, ctx.studentNode);
      const survivor = ctx.nodes.find((n) => n !== doomed)!;
      // A mark on the page: still there afterwards means the page was never reloaded.
      await studentPage.evaluate(() => (window.__proxyFailoverMark = 'before the failover'));
      const teacherSocketsBefore = ctx.teacherSockets.rooms().length;

      const killedAt = Date.now();
      await doomed.kill();
      // The page sees its socket drop and reconnects (RoomSocket's back-off) through the proxy, which skips the
      // dead node; the gateway on the survivor resumes her peer id.
      const again = await ctx.studentSockets.next(killedAt);
      assert.is(
        portOf(again.node),
        String(survivor.port),
        `the reconnect went to the live node (${again.node})`,
      );
      await studentPage.waitForFunction(
        () => document.querySelector('[data-testid=room]')?.getAttribute('data-connection') === 'open',
        undefined,
        { timeout: 60_000 },
      );
      console.log(
        `\nNOTE the student's page was back in the room ${Date.now() - killedAt} ms after the kill`,
      );
      assert.is(
        await studentPage.evaluate(() => window.__proxyFailoverMark),
        'before the failover',
        'the page reconnected by itself, without a reload',
      );
      assert.is(await connection(teacherPage), 'open', "the teacher's socket never dropped");
      assert.is(ctx.teacherSockets.rooms().length, teacherSocketsBefore, 'the teacher did not reconnect');

      const before = ['Good morning, Stan', 'Good morning!'];
      assert.equal(await chatTexts(studentPage), before, 'every earlier message once, in order, for her');
      assert.equal(await chatTexts(teacherPage), before, 'and for the teacher');

      await studentPage.getByTestId('chat-input').fill('Sorry, my connection dropped');
      await studentPage.getByTestId('chat-input').press('Enter');
      await seesChat(teacherPage, 'Sorry, my connection dropped');
      await send(teacherPage, 'No problem, we go on');
      await seesChat(studentPage, 'No problem, we go on');
      const after = [...before, 'Sorry, my connection dropped', 'No problem, we go on'];
      for (const page of [studentPage, teacherPage]) assert.equal(await chatTexts(page), after);
      // The call itself comes back too (its signalling now on one node).
      await peersConnected(studentPage, 1);
      await screenshot(studentPage, 'proxy-failover-after');

      const chat = await api(ctx, 'GET', `/api/rooms/ls-${ctx.liveSessionId}/chat`);
      assert.is(chat.status, 200, chat.body);
      assert.equal(
        (JSON.parse(chat.body) as { messages: { text: string }[] }).messages.map((m) => m.text),
        after,
        'the room recorded every message once, in order',
      );
    }),
  );

  test(
    TESTS[3]!,
    shotsOnFailure(TESTS[3]!, async (ctx: Ctx) => {
      const page = ctx.teacherPage;
      await page.getByTestId('end-session').click();
      await page.getByTestId('end-session-confirm').click();
      await page.waitForURL(`**/platform/sessions/${ctx.liveSessionId}/complete`);
      await page.getByRole('heading', { name: 'Attendance' }).waitFor();
      // She joined before the failover and was resumed after it: she starts as present. (The table first
      // shows everyone absent until the page has loaded the room's presence, then redraws.)
      const present = page.getByRole('row').filter({ hasText: ctx.student.name }).getByLabel('Present');
      await present.waitFor();
      for (const until = Date.now() + 30_000; !(await present.isChecked());) {
        if (Date.now() > until) throw new Error('the student who was in the room does not start as present');
        await page.waitForTimeout(250);
      }
      await page.getByRole('button', { name: 'Finish & Deduct' }).click();
      const confirm = page.getByRole('dialog', { name: 'Confirm: Finish & Deduct' });
      await confirm.waitFor();
      const line = confirm.getByRole('row').filter({ hasText: ctx.student.name });
      assert.match((await line.textContent()) ?? '', new RegExp(`−${LESSON_COST} tokens`));
      await confirm.getByRole('button', { name: 'Confirm Finish & Deduct' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'This lesson was closed with Finish & Deduct' })
        .waitFor();
      await screenshot(page, 'proxy-failover-completed');

      // The billing process (on whichever node holds its lease; the killed node's lease lapses in 10 s) settles
      // the charge asynchronously: wait for the debit, then a while longer for a second one that must not come.
      type Wallet = {
        balance: number;
        ledger: { cause: string; change: number; liveSessionId: string | null }[];
      };
      const wallet = async () => {
        const res = await api(ctx, 'GET', `/api/wallets/${ctx.student.id}`);
        assert.is(res.status, 200, res.body);
        return JSON.parse(res.body) as Wallet;
      };
      const debits = (w: Wallet) =>
        w.ledger.filter((l) => l.liveSessionId === ctx.liveSessionId && l.change < 0);
      const deadline = Date.now() + 120_000;
      let w = await wallet();
      while (debits(w).length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        w = await wallet();
      }
      assert.is(debits(w).length, 1, `the lesson was debited (${JSON.stringify(w.ledger)})`);
      await new Promise((r) => setTimeout(r, 12_000));
      w = await wallet();
      const lines = w.ledger.filter((l) => l.liveSessionId === ctx.liveSessionId);
      assert.is(debits(w).length, 1, `exactly one debit for the lesson (${JSON.stringify(lines)})`);
      assert.equal(
        lines.map((l) => [l.cause, l.change]),
        [['session', -LESSON_COST]],
        'one session line, the lesson cost',
      );
      assert.is(w.balance, CREDIT - LESSON_COST, 'the balance dropped by one lesson');
    }),
  );

  test.run();
}
