// What the live-room browser test does on a page: open the room (recording requests to other hosts), join,
// wait for every peer connection, read the inbound video bytes and the timings the room exposes.
import type { Browser, Page } from 'playwright-core';
import { contextFor, type Person } from './roomCluster.js';

// The page's globals as these helpers use them (the test project is typed for Node, not the DOM).
type StatsReport = { forEach(f: (s: { type: string; kind?: string; bytesReceived?: number }) => void): void };
declare const window: {
  __lectern?: {
    peers: Map<string, { connectionState: string; getStats(): Promise<StatsReport> }>;
    joinClickedAt?: number;
    joinedAt?: number;
    firstConnectedAt?: number;
    firstRemoteFrameAt?: number;
    whiteboardElements?: () => number;
  };
};

export async function openRoom(browser: Browser, who: Person, url: string, external: string[]) {
  const context = await contextFor(browser, who);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error (${who.name}):`, e.message));
  page.on('request', (r) => {
    if (!/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(r.url()) && !/^(data|blob):/.test(r.url()))
      external.push(r.url());
  });
  await page.goto(url);
  await page.locator('.prejoin-preview video').waitFor();
  return page;
}

export async function join(page: Page) {
  await page.getByTestId('join').click();
  await page.getByTestId('room').waitFor();
}

export async function allConnected(page: Page, count: number) {
  await page.waitForFunction(
    (n) => {
      const peers = window.__lectern?.peers;
      return (
        !!peers && peers.size === n && [...peers.values()].every((pc) => pc.connectionState === 'connected')
      );
    },
    count,
    { timeout: 30_000 },
  );
}

export function inboundVideoBytes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const out: Record<string, number> = {};
    for (const [peer, pc] of window.__lectern!.peers) {
      let bytes = 0;
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') bytes += s.bytesReceived ?? 0;
      });
      out[peer] = bytes;
    }
    return out;
  });
}

export const joinToFirstFrame = (page: Page) =>
  page.evaluate(() => window.__lectern!.firstRemoteFrameAt! - window.__lectern!.joinClickedAt!);

export const dockHeight = (page: Page) =>
  page.getByTestId('video-dock').evaluate((el) => el.getBoundingClientRect().height);
