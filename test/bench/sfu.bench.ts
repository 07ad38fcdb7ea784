// Group video: N headless Chromium peers (fake camera and microphone, 640x360) in one group session, first with
// the session's media through the SFU (Janus), then with the same people on a node without Janus (a full mesh),
// in the same run on the same machine. Per size: each browser's uplink (outbound RTP bytes over a window, after
// everyone receives everyone), the browsers' CPU (the Chromium process tree's CPU time, per browser, in % of one
// core), and join -> first remote frame for the last joiner. The SFU's uplink should stay flat as N grows (one
// camera, in simulcast layers); the mesh's grows with N-1 (one copy per other person).
// `npm run bench -- sfu` (under the heavy lock: flock /tmp/lectern-heavy.lock npm run bench -- sfu).
import { readdirSync, readFileSync } from 'node:fs';
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
import { row, section, type BenchContext, type Section } from './lib.js';

declare const window: {
  __lectern?: {
    peers: Map<string, RTCLike>;
    publishers?: Map<string, RTCLike>;
    joinClickedAt?: number;
    firstRemoteFrameAt?: number;
  };
};
declare const document: { querySelectorAll(selector: string): { length: number } };
type RTCLike = {
  getStats(): Promise<{ forEach(f: (s: { type: string; bytesSent?: number }) => void): void }>;
};

type Measure = { uplinkKbps: number; cpuPercent: number; firstFrameMs: number };
const NAMES = ['Sofia', 'Lukas', 'Mila', 'Noah', 'Ida', 'Emil', 'Lena', 'Jonas', 'Clara', 'Paul', 'Eva'];

/** CPU ticks (1/100 s) of every Chromium process started by this one, read from /proc. */
function chromiumTicks(): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (pid !== process.pid && ours(pid)) total += t;
  return total;
}

const sentBytes = (page: Page) =>
  page.evaluate(async () => {
    let bytes = 0;
    const probe = window.__lectern!;
    for (const pc of [...probe.peers.values(), ...(probe.publishers?.values() ?? [])])
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'outbound-rtp') bytes += s.bytesSent ?? 0;
      });
    return bytes;
  });

async function measure(
  browser: Browser,
  node: RoomNode,
  sessionId: string,
  people: Person[],
  windowMs: number,
): Promise<Measure> {
  const pages: Page[] = [];
  try {
    for (const person of people) {
      const context = await contextFor(browser, person);
      context.setDefaultTimeout(120_000);
      const page = await context.newPage();
      await page.goto(`${node.url}/room/${sessionId}`);
      await page.locator('.prejoin-preview video').waitFor();
      await page.getByTestId('join').click();
      await page.getByTestId('room').waitFor();
      pages.push(page);
    }
    for (const page of pages)
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid=tile-remote] video[data-frames=yes]').length >= n,
        people.length - 1,
        { timeout: 180_000, polling: 250 },
      );
    const last = pages[pages.length - 1]!;
    const firstFrameMs = await last.evaluate(
      () => window.__lectern!.firstRemoteFrameAt! - window.__lectern!.joinClickedAt!,
    );
    // Bandwidth estimates ramp up over the first seconds; measure after that.
    await last.waitForTimeout(4000);
    const bytes0 = await Promise.all(pages.map(sentBytes));
    const ticks0 = chromiumTicks();
    const t0 = performance.now();
    await last.waitForTimeout(windowMs);
    const bytes1 = await Promise.all(pages.map(sentBytes));
    const seconds = (performance.now() - t0) / 1000;
    const ticks = chromiumTicks() - ticks0;
    const kbps = bytes1.map((b, i) => ((b - bytes0[i]!) * 8) / seconds / 1000);
    return {
      uplinkKbps: kbps.reduce((a, b) => a + b, 0) / kbps.length,
      cpuPercent: ticks / seconds / pages.length,
      firstFrameMs,
    };
  } finally {
    for (const page of pages) await page.context().close();
  }
}

/** Sizes: BENCH_SFU_SIZES=3,4,6 overrides; by default what 2 cores carry (8 browsers timed out there). */
function sizesOf(ctx: BenchContext): number[] {
  const given = process.env.BENCH_SFU_SIZES?.split(',')
    .map(Number)
    .filter((n) => n >= 2);
  if (given?.length) return given;
  return ctx.tiny ? [3] : ctx.full ? [4, 6, 8, 10] : [3, 4, 6];
}

/** Each size in turn on one node; a size that fails ends the series (larger ones would fail too). */
async function series(
  kind: 'sfu' | 'mesh',
  measureAt: (n: number) => Promise<Measure>,
  sizes: number[],
  ctx: BenchContext,
) {
  const done = new Map<number, Measure>();
  let failure: string | null = null;
  for (const n of sizes) {
    try {
      done.set(n, await measureAt(n));
      ctx.log(`${kind} N=${n}: ${JSON.stringify(done.get(n))}`);
    } catch (error) {
      failure = `${kind} N=${n} not measured: ${(error as Error).message.split('\n')[0]}`;
      ctx.log(failure);
      break;
    }
  }
  return { done, failure };
}

export async function run(ctx: BenchContext): Promise<Section> {
  const sizes = sizesOf(ctx);
  const windowMs = ctx.tiny ? 3000 : 10_000;
  const s = section(`Group video: ${sizes.join(', ')} browsers in one room, mesh against the SFU (Janus)`);
  const nats = await natsUrl();
  const janus = await janusForTests();
  const why =
    browserUnavailable() ??
    (!(await postgresAvailable()) ? 'no Postgres server' : null) ??
    (!nats ? 'no NATS server at 127.0.0.1:4222' : null) ??
    (janus.url === null ? janus.why : null);
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
  const results = { sfu: new Map<number, Measure>(), mesh: new Map<number, Measure>() };
  try {
    // The SFU first (a node with Janus), then the same session on a node without it: the mesh.
    nodes = await startNodes(database, nats!, 1, { JANUS_URL: janus.url!, SFU_THRESHOLD: '2' });
    const people = await school(nodes[0]!, NAMES.slice(0, Math.max(...sizes) - 1));
    const sessionId = await people.liveSession('group', people.students);
    const everyone = [people.teacher, ...people.students];
    const at = (n: number) => measure(browser, nodes[0]!, sessionId, everyone.slice(0, n), windowMs);
    const sfu = await series('sfu', at, sizes, ctx);
    results.sfu = sfu.done;
    await closeNodes(nodes.splice(0));
    nodes = await startNodes(database, nats!, 1, {});
    const mesh = await series('mesh', at, [...sfu.done.keys()], ctx);
    results.mesh = mesh.done;
    for (const failure of [sfu.failure, mesh.failure]) if (failure) s.notes.push(`${failure}.`);
  } finally {
    // The nodes first: they hold connections to the database dropped next.
    await closeNodes(nodes.splice(0)).catch(() => undefined);
    await browser.close();
    await database.drop();
    if (janus.url) janus.stop();
  }

  const measured = sizes.filter((n) => results.sfu.has(n) && results.mesh.has(n));
  const first = measured[0];
  for (const n of first === undefined ? [] : measured) {
    const sfu = results.sfu.get(n)!;
    const mesh = results.mesh.get(n)!;
    const flat = sfu.uplinkKbps / results.sfu.get(first!)!.uplinkKbps;
    row(s, {
      measure: `SFU uplink per browser, N=${n}`,
      value: sfu.uplinkKbps,
      unit: 'kbit/s',
      baseline: { label: `SFU at N=${first}`, value: results.sfu.get(first!)!.uplinkKbps },
      target: 'flat (ratio at most 1.3)',
      met: flat <= 1.3,
      note: `${(sfu.uplinkKbps / mesh.uplinkKbps).toFixed(2)} of the mesh's at this N`,
    });
    const grows = mesh.uplinkKbps / results.mesh.get(first!)!.uplinkKbps;
    const expected = (n - 1) / (first! - 1);
    row(s, {
      measure: `mesh uplink per browser, N=${n}`,
      value: mesh.uplinkKbps,
      unit: 'kbit/s',
      baseline: { label: `mesh at N=${first}`, value: results.mesh.get(first!)!.uplinkKbps },
      target: `grows with N-1 (ratio near ${expected.toFixed(2)})`,
      met: n === first || grows >= 0.7 * expected,
    });
    row(s, {
      measure: `CPU per browser, SFU, N=${n}`,
      value: sfu.cpuPercent,
      unit: '% of a core',
      baseline: { label: `mesh at N=${n}`, value: mesh.cpuPercent },
    });
    row(s, {
      measure: `join -> first remote frame, last joiner, SFU, N=${n}`,
      value: sfu.firstFrameMs,
      unit: 'ms',
      baseline: { label: `mesh at N=${n}`, value: mesh.firstFrameMs },
    });
  }
  for (const n of sizes.filter((x) => !measured.includes(x)))
    row(s, { measure: `N=${n}`, value: NaN, unit: '', note: 'not measured (see the notes)' });
  s.notes.push(
    'One Chromium (headless, fake camera 640x360 and microphone) holds every browser of a run; CPU is the whole Chromium process tree (browser, GPU and renderer processes) divided by N, so it includes what the browsers share.',
    'Uplink: outbound RTP bytes of every sending connection of a page over a window after everyone receives everyone (and 4 s for bandwidth estimates to ramp up), averaged over the pages. Through the SFU the camera goes in simulcast layers (up to 600 + 200 + 80 kbit/s).',
    'On 2 cores a large mesh is CPU-bound: Chromium lowers resolution and frame rate when its encoders run out of CPU, so the mesh uplink grows less than N-1 there while its CPU climbs; the SFU keeps one encoder per browser.',
  );
  return s;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { context } = await import('./lib.js');
  await run(context({ tiny: process.argv.includes('--tiny'), full: process.argv.includes('--full') }));
}
