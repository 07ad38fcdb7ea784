// Browsers behind the TLS proxy of test/ops/support/proxyTopology.ts: a Chromium with a fake camera and
// microphone that trusts the certificate the test's local CA signed (by its public key, Chromium's
// --ignore-certificate-errors-spki-list: only that key is accepted, every other certificate error still fails),
// people signing in on the proxy's own login page, and which node took each of a page's room sockets (read
// from the proxy's X-Lectern-Node header on the WebSocket upgrade, through the DevTools protocol).
import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './roomCluster.js';

/** The base64 SHA-256 of a certificate's SubjectPublicKeyInfo, as Chromium's SPKI allow-list spells it. */
export function spkiHash(certPath: string): string {
  const publicKey = execFileSync('openssl', ['x509', '-in', certPath, '-pubkey', '-noout'], {
    stdio: 'pipe',
  });
  const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], {
    input: publicKey,
    stdio: 'pipe',
  });
  return execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der, stdio: 'pipe' }).toString(
    'base64',
  );
}

/** Chromium as the live-room suites launch it (fake media), trusting certificates with these public keys. */
export const launchTrustingChromium = (spkiHashes: string[]): Promise<Browser> =>
  launchChromium([`--ignore-certificate-errors-spki-list=${spkiHashes.join(',')}`]);

/** A fresh context (its own cookies) with camera and microphone allowed; actions wait up to a minute. */
export async function proxyContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    timezoneId: 'Europe/Berlin',
  });
  // Two nodes, nginx and two browsers with video beside the rest of the suite on two cores.
  context.setDefaultTimeout(60_000);
  await context.grantPermissions(['camera', 'microphone']);
  return context;
}

/** Signs in on the login page the proxy serves; resolves once the app's main navigation shows. */
export async function signInThroughProxy(page: Page, origin: string, email: string, password: string) {
  await page.goto(origin);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export type Handshake = { url: string; node: string; at: number };

/**
 * Records every WebSocket a page opens and the node the proxy sent it to (the X-Lectern-Node header of the
 * 101 answer, the upstream address; "a, b" when nginx moved on from a refusing node: the last one took it).
 */
export class SocketNodes {
  readonly handshakes: Handshake[] = [];

  private constructor() {}

  static async watch(page: Page): Promise<SocketNodes> {
    const nodes = new SocketNodes();
    const cdp = await page.context().newCDPSession(page);
    const urls = new Map<string, string>();
    cdp.on('Network.webSocketCreated', (e) => urls.set(e.requestId, e.url));
    cdp.on('Network.webSocketHandshakeResponseReceived', (e) => {
      if (e.response.status !== 101) return; // refused (a 502 from the proxy): the page tries again
      const headers = Object.fromEntries(
        Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      const upstream = (headers['x-lectern-node'] ?? '').split(',').pop()!.trim();
      nodes.handshakes.push({ url: urls.get(e.requestId) ?? '', node: upstream, at: Date.now() });
    });
    await cdp.send('Network.enable');
    return nodes;
  }

  /** The room sockets (/rt) only. */
  rooms(): Handshake[] {
    return this.handshakes.filter((h) => new URL(h.url).pathname === '/rt');
  }

  /** The node of the newest room socket opened after `since` (waits up to timeoutMs for one). */
  async next(since: number, timeoutMs = 60_000): Promise<Handshake> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.rooms().filter((h) => h.at >= since);
      if (found.length > 0) return found[found.length - 1]!;
      if (Date.now() > deadline)
        throw new Error(
          `no room socket since ${new Date(since).toISOString()}: ${JSON.stringify(this.rooms())}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

// The page's probe as peersConnected reads it (the test project is typed for Node, not the DOM).
declare const window: { __lectern?: { peers: Map<string, { connectionState: string }> } };

/** Waits until the page has `count` peer connections, all connected (a minute: two cores under load). */
export async function peersConnected(page: Page, count: number, timeoutMs = 60_000) {
  await page.waitForFunction(
    (n) => {
      const peers = window.__lectern?.peers;
      return (
        !!peers && peers.size === n && [...peers.values()].every((pc) => pc.connectionState === 'connected')
      );
    },
    count,
    { timeout: timeoutMs },
  );
}
