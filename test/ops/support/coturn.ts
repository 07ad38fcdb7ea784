// A coturn of the test's own, on loopback and a random port, with deploy/coturn/turnserver.conf as its
// configuration: the test keeps every line but where the server listens, its secret and realm, TLS (no
// certificate here) and the one rule a loopback test must lift (peers on 127.0.0.0/8).
import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSocket } from 'node:dgram';
import { PROJECT_ROOT } from '../../../kernel/paths.js';

export const TURNSERVER = '/usr/bin/turnserver';

/** Why coturn cannot be started here, or null. */
export async function coturnMissing(): Promise<string | null> {
  try {
    await access(TURNSERVER);
    return null;
  } catch {
    return `no ${TURNSERVER} (apt-get install coturn)`;
  }
}

const freeUdpPort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const DROPPED =
  /^(listening-port|tls-listening-port|static-auth-secret|realm|cert|pkey|pidfile|log-file|min-port|max-port)=|^denied-peer-ip=127\./;

export type Coturn = { port: number; realm: string; config: string; log(): string; stop(): Promise<void> };

export async function startCoturn(secret: string): Promise<Coturn> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-coturn-'));
  const deployed = await readFile(join(PROJECT_ROOT, 'deploy/coturn/turnserver.conf'), 'utf8');
  const kept = deployed.split('\n').filter((line) => !DROPPED.test(line.trim()));
  const port = await freeUdpPort();
  // A relay range of its own, away from the ephemeral ports the OS hands out.
  const low = 40000 + Math.floor(Math.random() * 80) * 100;
  const realm = 'turn.lectern.test';
  const config = [
    ...kept,
    `listening-ip=127.0.0.1`,
    `relay-ip=127.0.0.1`,
    `listening-port=${port}`,
    `min-port=${low}`,
    `max-port=${low + 99}`,
    `static-auth-secret=${secret}`,
    `realm=${realm}`,
    'no-tls',
    'no-dtls',
    'allow-loopback-peers',
    `userdb=${join(dir, 'turndb')}`,
    `pidfile=${join(dir, 'turnserver.pid')}`,
    'log-file=stdout',
  ].join('\n');
  const file = join(dir, 'turnserver.conf');
  await writeFile(file, config);
  let output = '';
  const child: ChildProcess = spawn(TURNSERVER, ['-c', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  for (
    let i = 0;
    i < 200 && !/Total General servers|listener opened on|IPv4. UDP listener/i.test(output);
    i++
  ) {
    if (child.exitCode !== null) throw new Error(`turnserver exited ${child.exitCode}:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    realm,
    config,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
