// The production topology on this machine: Lectern nodes as real server processes, nginx in front of them with
// deploy/nginx/lectern.conf terminating TLS with a certificate from a local CA made here, and HTTPS / WSS clients
// that trust that CA.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { PROJECT_ROOT } from '../../../kernel/paths.js';
import { freePort } from '../../realtime/support/cluster.js';
import type { ClientMessageInput, ServerMessage } from '../../../realtime/messages.js';

export const NGINX = '/usr/sbin/nginx';

export async function nginxMissing(): Promise<string | null> {
  try {
    await access(NGINX);
    return null;
  } catch {
    return `no ${NGINX} (apt-get install nginx-light)`;
  }
}

export type Tls = { dir: string; ca: string; cert: string; key: string };

/** A local certificate authority and a certificate it signed for localhost and 127.0.0.1. */
export async function localCa(): Promise<Tls> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-tls-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=Lectern test CA',
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.pem'),
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    at('server.key'),
    '-out',
    at('server.csr'),
  );
  await writeFile(at('san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.pem'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    at('san.ext'),
    '-out',
    at('server.pem'),
  );
  return { dir, ca: await readFile(at('ca.pem'), 'utf8'), cert: at('server.pem'), key: at('server.key') };
}

export type Nginx = { port: number; origin: string; log(): Promise<string>; stop(): Promise<void> };

/**
 * nginx with deploy/nginx/lectern.conf, changed only where a test must: the nodes it spreads over, where it
 * listens (a free loopback port, no port-80 redirect), the certificate, and a response header naming the node
 * that answered (for the test to know whom to stop).
 */
export async function startNginx(tls: Tls, nodePorts: number[], port: number): Promise<Nginx> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-nginx-'));
  let site = await readFile(join(PROJECT_ROOT, 'deploy/nginx/lectern.conf'), 'utf8');
  const upstreams = nodePorts
    .map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`)
    .join('\n');
  site = site
    .replace(/(upstream lectern \{\n(?:\s*#.*\n)*)(\s*server .*\n)+/, `$1${upstreams}\n`)
    .replace(/server \{\n\s*listen 80;[\s\S]*?\n\}\n/, '')
    .replace(/^\s*listen \[::\]:443 ssl( http2)?;\n/m, '')
    .replace(/^(\s*)listen 443 ssl( http2)?;/m, `$1listen 127.0.0.1:${port} ssl$2;`)
    .replace(/^(\s*)ssl_certificate .*;/m, `$1ssl_certificate ${tls.cert};`)
    .replace(/^(\s*)ssl_certificate_key .*;/m, `$1ssl_certificate_key ${tls.key};`)
    .replace(/server_name lectern\.school\.example;/g, 'server_name localhost;')
    .replace(/(proxy_http_version 1\.1;)/, '$1\n    add_header X-Lectern-Node $upstream_addr always;');
  if (
    !/^\s*listen 127\.0\.0\.1:\d+ ssl/m.test(site) ||
    /^\s*listen (80|443)/m.test(site) ||
    !site.includes(tls.cert)
  )
    throw new Error('deploy/nginx/lectern.conf changed shape: update test/ops/support/proxyTopology.ts');
  await writeFile(join(dir, 'lectern.conf'), site);
  await writeFile(
    join(dir, 'nginx.conf'),
    [
      'user root;',
      'worker_processes 1;',
      'daemon off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log info;`,
      'events { worker_connections 256; }',
      'http {',
      `  access_log ${dir}/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
      `  include ${dir}/lectern.conf;`,
      '}',
    ].join('\n'),
  );
  try {
    execFileSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`nginx -t: ${String((error as { stderr?: Buffer }).stderr)}`);
  }
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const origin = `https://localhost:${port}`;
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    if (child.exitCode !== null) break;
    up = !!(await get(origin, '/health/live', tls.ca).catch(() => null));
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  if (!up) {
    const log = await readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
    throw new Error(`nginx did not answer on ${origin} (exit ${child.exitCode}):\n${log.slice(-2000)}`);
  }
  return {
    port,
    origin,
    log: async () => readFile(join(dir, 'error.log'), 'utf8').catch(() => ''),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One HTTPS request that trusts only the test's CA. */
export function https(
  origin: string,
  method: string,
  path: string,
  ca: string,
  options: { body?: unknown; cookie?: string } = {},
): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${origin}${path}`,
      {
        method,
        ca,
        headers: {
          origin,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const get = (origin: string, path: string, ca: string) => https(origin, 'GET', path, ca);

/** A room socket through the proxy: the node that took it (the proxy's X-Lectern-Node) and what it received. */
export class ProxiedSocket {
  readonly received: ServerMessage[] = [];
  node = '';
  closed: number | null = null;
  private wake: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.once('upgrade', (res) => (this.node = String(res.headers['x-lectern-node'] ?? '')));
    ws.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as ServerMessage);
      for (const w of this.wake.splice(0)) w();
    });
    ws.on('close', (code) => {
      this.closed = code;
      for (const w of this.wake.splice(0)) w();
    });
  }

  static open(origin: string, ca: string, cookie: string): Promise<ProxiedSocket> {
    const socket = new ProxiedSocket(
      new WebSocket(`${origin.replace('https', 'wss')}/rt`, { ca, headers: { origin, cookie } }),
    );
    return new Promise((resolve, reject) => {
      socket.ws.once('open', () => resolve(socket));
      socket.ws.once('error', reject);
    });
  }

  send(message: ClientMessageInput) {
    this.ws.send(JSON.stringify(message));
  }

  /** The first message received so far (or within timeoutMs) that matches. */
  async next<T extends ServerMessage['type']>(
    type: T,
    where: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(
        (m) => m.type === type && where(m as Extract<ServerMessage, { type: T }>),
      );
      if (found) return found as Extract<ServerMessage, { type: T }>;
      const left = deadline - Date.now();
      if (left <= 0 || this.closed !== null)
        throw new Error(
          `no ${type} (closed: ${this.closed}); last: ${JSON.stringify(this.received.slice(-3))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  /** Resolves when the socket has closed (the node behind it stopped). */
  async whenClosed(timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    while (this.closed === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return this.closed;
  }

  close() {
    this.ws.close();
  }
}

export type LecternNode = { port: number; child: ChildProcess; output(): string; kill(): Promise<void> };

/** `npm start` as a server process (the sources through tsx; no web build: the API and the gateway are enough). */
export async function startNode(env: Record<string, string>): Promise<LecternNode> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LECTERN_SKIP_WEB_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (let i = 0; i < 1800 && !output.includes('Lectern is running'); i++) {
    if (child.exitCode !== null) throw new Error(`node exited ${child.exitCode}:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!output.includes('Lectern is running')) throw new Error(`node did not start:\n${output}`);
  return {
    port,
    child,
    output: () => output,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
