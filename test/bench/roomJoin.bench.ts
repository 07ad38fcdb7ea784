// Live room join: three headless Chromium pages (fake camera and microphone) in one group session, spread across
// two server nodes that share Postgres and NATS (the teacher and the last joiner on one node, the first student
// on the other). Two join; once they see each other the third clicks Join, and we take that page's Join click ->
// first decoded remote frame (requestVideoFrameCallback on the tile's video), and -> a frame from both others.
// Repeated, through the mesh (nodes without Janus) and through the SFU (nodes with Janus), in the same run; the
// baseline is a bare RTCPeerConnection loopback in the same page (two connections, the same fake camera, the
// offer and answer handed over directly): what WebRTC itself costs on this machine before a first frame.
// The room records each step of joining (web/src/room/probe.ts `marks`), printed as a breakdown (p50 per step).
// `npm run bench -- roomJoin` (under the heavy lock: flock /tmp/lectern-heavy.lock npm run bench -- roomJoin).
import type { Browser, Page } from 'playwright-core';
import { natsUrl, postgresAvailable, testDatabase } from '../support/services.js';
import { janusForTests } from '../e2e/support/janus.js';
import { browserUnavailable } from '../e2e/support/browser.js';
import { ensureWebBuild } from '../e2e/support/webBuild.js';
import {
  closeNodes,
  contextFor,
  launchChromium,
  school,
  startNodes,
  type Person,
  type RoomNode,
} from '../e2e/support/roomCluster.js';
import { percentile, row, section, type BenchContext, type Section } from './lib.js';

declare const window: {
  __longTasks?: { start: number; ms: number }[];
  __lectern?: {
    joinClickedAt?: number;
    firstRemoteFrameAt?: number;
    marks?: Record<string, number>;
    remoteFrameAt?: Record<string, number>;
  };
};
declare const PerformanceObserver: new (
  f: (list: { getEntries(): { startTime: number; duration: number }[] }) => void,
) => { observe(o: object): void };
declare const document: {
  querySelectorAll(selector: string): { length: number };
  createElement(tag: 'video'): {
    srcObject: unknown;
    muted: boolean;
    play(): Promise<void>;
    requestVideoFrameCallback(f: () => void): void;
  };
};
declare const navigator: { mediaDevices: { getUserMedia(c: object): Promise<{ getTracks(): Track[] }> } };
type Track = { stop(): void };
declare const RTCPeerConnection: new () => {
  addTrack(t: Track, s: object): void;
  createOffer(): Promise<object>;
  createAnswer(): Promise<object>;
  setLocalDescription(d: object): Promise<void>;
  setRemoteDescription(d: object): Promise<void>;
  addIceCandidate(c: object): Promise<void>;
  set onicecandidate(f: (e: { candidate: object | null }) => void);
  set ontrack(f: (e: { streams: object[] }) => void);
  close(): void;
};

const TARGET_MS = 1000;
/** `busyMs`: the page's long tasks (main thread busy 50 ms or more at a stretch) between Join and the frame. */
type Join = { firstFrameMs: number; allFramesMs: number; busyMs: number; marks: Record<string, number> };

const framesAt = (page: Page, n: number) =>
  page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid=tile-remote] video[data-frames=yes]').length >= count,
    n,
    { timeout: 60_000, polling: 50 },
  );

async function openPage(browser: Browser, person: Person, url: string) {
  const context = await contextFor(browser, person);
  const page = await context.newPage();
  await page.goto(url);
  // The preview's camera is open before Join, as for a person who looks at themselves first.
  await page.locator('.prejoin-preview video').waitFor();
  return page;
}

/** One round: the first two join and see each other, then the third joins; its timings. */
async function round(
  browser: Browser,
  nodes: RoomNode[],
  sessionId: string,
  people: Person[],
): Promise<Join> {
  const pages: Page[] = [];
  try {
    for (const [i, person] of people.entries())
      pages.push(await openPage(browser, person, `${nodes[i % nodes.length]!.url}/room/${sessionId}`));
    for (const page of pages.slice(0, -1)) {
      await page.getByTestId('join').click();
      await page.getByTestId('room').waitFor();
    }
    for (const page of pages.slice(0, -1)) await framesAt(page, pages.length - 2);
    // Let the first two settle (bandwidth estimates, the whiteboard loaded) before the measured join.
    await pages[0]!.waitForTimeout(1000);
    const last = pages[pages.length - 1]!;
    await last.evaluate(() => {
      const tasks: { start: number; ms: number }[] = (window.__longTasks = []);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask' });
    });
    await last.getByTestId('join').click();
    await framesAt(last, pages.length - 1);
    return await last.evaluate(() => {
      const p = window.__lectern!;
      const start = p.joinClickedAt!;
      const marks: Record<string, number> = {};
      for (const [step, at] of Object.entries(p.marks ?? {})) marks[step] = at - start;
      const busyMs = (window.__longTasks ?? [])
        .filter((t) => t.start >= start && t.start < p.firstRemoteFrameAt!)
        .reduce((sum, t) => sum + t.ms, 0);
      return {
        busyMs,
        firstFrameMs: p.firstRemoteFrameAt! - start,
        allFramesMs: Math.max(...Object.values(p.remoteFrameAt ?? {})) - start,
        marks,
      };
    });
  } finally {
    // Leaving (rather than dropping the socket) lets the next round's room start without the grace period's
    // lingering peers.
    for (const page of pages) {
      await page
        .getByTestId('leave')
        .click({ timeout: 5000 })
        .catch(() => undefined);
      await page.context().close();
    }
  }
}

/** Two RTCPeerConnections in one page, the fake camera sent from one to the other: click-free WebRTC cost. */
async function loopback(browser: Browser, person: Person, node: RoomNode, sessionId: string) {
  const page = await openPage(browser, person, `${node.url}/room/${sessionId}`);
  try {
    return await page.evaluate(async () => {
      const media = await navigator.mediaDevices.getUserMedia({
        video: { width: 640, height: 360 },
        audio: true,
      });
      const start = performance.now();
      const a = new RTCPeerConnection();
      const b = new RTCPeerConnection();
      a.onicecandidate = (e) => void (e.candidate && b.addIceCandidate(e.candidate));
      b.onicecandidate = (e) => void (e.candidate && a.addIceCandidate(e.candidate));
      const video = document.createElement('video');
      video.muted = true;
      const frame = new Promise<number>((resolve) => {
        b.ontrack = (e) => {
          video.srcObject = e.streams[0];
          void video.play();
          video.requestVideoFrameCallback(() => resolve(performance.now() - start));
        };
      });
      for (const track of media.getTracks()) a.addTrack(track, media);
      const offer = await a.createOffer();
      await a.setLocalDescription(offer);
      await b.setRemoteDescription(offer);
      const answer = await b.createAnswer();
      await b.setLocalDescription(answer);
      await a.setRemoteDescription(answer);
      const ms = await frame;
      a.close();
      b.close();
      media.getTracks().forEach((t) => t.stop());
      return ms;
    });
  } finally {
    await page.context().close();
  }
}

function roundsOf(ctx: BenchContext) {
  const given = Number(process.env.BENCH_ROOM_JOIN_ROUNDS);
  return given >= 1 ? given : ctx.tiny ? 1 : 5;
}

async function series(
  kind: 'mesh' | 'sfu',
  browser: Browser,
  nodes: RoomNode[],
  sessionId: string,
  people: Person[],
  rounds: number,
  ctx: BenchContext,
) {
  const joins: Join[] = [];
  const loops: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const join = await round(browser, nodes, sessionId, people);
    joins.push(join);
    loops.push(await loopback(browser, people[0]!, nodes[0]!, sessionId));
    const steps = Object.entries(join.marks)
      .sort((a, b) => a[1] - b[1])
      .map(([step, ms]) => `${step} ${ms.toFixed(0)}`)
      .join(', ');
    ctx.log(
      `${kind} round ${i + 1}: first frame ${join.firstFrameMs.toFixed(0)} ms, both ${join.allFramesMs.toFixed(0)} ms, long tasks ${join.busyMs.toFixed(0)} ms, loopback ${loops.at(-1)!.toFixed(0)} ms; ${steps}`,
    );
  }
  return { joins, loops };
}

/** The p50 of each step over the rounds, in the order they happen. */
function breakdown(joins: Join[]) {
  const steps = new Set(joins.flatMap((j) => Object.keys(j.marks)));
  return [...steps]
    .map((step) => {
      const at = joins.map((j) => j.marks[step]).filter((v): v is number => v !== undefined);
      return { step, p50: percentile(at, 50) };
    })
    .sort((a, b) => a.p50 - b.p50)
    .map(({ step, p50 }) => `${step} ${p50.toFixed(0)}`)
    .join(', ');
}

export async function run(ctx: BenchContext): Promise<Section> {
  const rounds = roundsOf(ctx);
  const s = section(
    `Live room join: the last of 3 browsers on 2 nodes, Join click -> first remote frame (${rounds} rounds)`,
  );
  const nats = await natsUrl();
  const janus = await janusForTests();
  const why =
    browserUnavailable() ??
    (!(await postgresAvailable()) ? 'no Postgres server' : null) ??
    (!nats ? 'no NATS server at 127.0.0.1:4222' : null);
  if (why) {
    if (janus.url) janus.stop();
    s.notes.push(`Not measured: ${why}.`);
    row(s, { measure: 'not measured', value: NaN, unit: '', note: why });
    return s;
  }
  ensureWebBuild();
  const database = (await testDatabase({ requirePostgres: true }))!;
  const browser = await launchChromium();
  let nodes: RoomNode[] = [];
  const results: { kind: 'mesh' | 'sfu'; joins: Join[]; loops: number[] }[] = [];
  try {
    nodes = await startNodes(database, nats!, 2, {});
    const people = await school(nodes[0]!, ['Sofia', 'Lukas']);
    const sessionId = await people.liveSession('group', people.students);
    const everyone = [people.teacher, ...people.students];
    results.push({
      kind: 'mesh',
      ...(await series('mesh', browser, nodes, sessionId, everyone, rounds, ctx)),
    });
    await closeNodes(nodes.splice(0));
    if (janus.url !== null) {
      nodes = await startNodes(database, nats!, 2, { JANUS_URL: janus.url, SFU_THRESHOLD: '2' });
      results.push({
        kind: 'sfu',
        ...(await series('sfu', browser, nodes, sessionId, everyone, rounds, ctx)),
      });
    } else s.notes.push(`SFU not measured: ${janus.why}.`);
  } finally {
    await closeNodes(nodes.splice(0)).catch(() => undefined);
    await browser.close();
    await database.drop();
    if (janus.url) janus.stop();
  }

  for (const { kind, joins, loops } of results) {
    const first = joins.map((j) => j.firstFrameMs);
    const all = joins.map((j) => j.allFramesMs);
    const loop = { label: 'bare RTCPeerConnection loopback, p50', value: percentile(loops, 50) };
    const name = kind === 'sfu' ? 'SFU' : 'mesh';
    row(s, {
      measure: `${name}: first remote frame, p50`,
      value: percentile(first, 50),
      unit: 'ms',
      baseline: loop,
      target: `< ${TARGET_MS} ms`,
      met: percentile(first, 50) < TARGET_MS,
    });
    row(s, {
      measure: `${name}: first remote frame, max`,
      value: Math.max(...first),
      unit: 'ms',
      baseline: loop,
      target: `< ${TARGET_MS} ms`,
      met: Math.max(...first) < TARGET_MS,
    });
    row(s, {
      measure: `${name}: a frame from both others, p50 (max)`,
      value: percentile(all, 50),
      unit: 'ms',
      baseline: loop,
      note: `max ${Math.max(...all).toFixed(0)} ms`,
    });
    const busy = percentile(
      joins.map((j) => j.busyMs),
      50,
    );
    s.notes.push(
      `${name}, p50 ms after the click per step: ${breakdown(joins)}; the joining page's main thread in long tasks before its first frame: p50 ${busy.toFixed(0)} ms.`,
    );
  }
  s.notes.push(
    'One Chromium holds the three pages (headless, fake camera 640x360 and microphone); nodes 1 and 2 are two runtimes in this process sharing Postgres and NATS; no STUN or TURN servers configured (loopback host candidates only).',
    'The baseline: two RTCPeerConnections in one page sending the fake camera one to the other, offer, answer and candidates handed over directly, from the first createOffer to the first decoded frame.',
  );
  return s;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { context } = await import('./lib.js');
  await run(context({ tiny: process.argv.includes('--tiny') }));
}
