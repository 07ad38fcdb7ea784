// Janus for the SFU browser tests: the one at JANUS_URL (ws://127.0.0.1:8188 unless set) when it answers; else,
// when Debian's janus is installed, one started here with our configuration (deploy/janus) and stopped after.
// Without Janus the suite is skipped with the reason, unless CI=true: then that is a failure.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { isCI } from '../../support/services.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
export const JANUS_URL = process.env.JANUS_URL ?? 'ws://127.0.0.1:8188';

function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url.replace(/^ws/, 'http'));
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 80) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('connect', () => done(true));
    socket.on('error', () => done(false));
  });
}

export type JanusForTests = { url: string; stop(): void } | { url: null; why: string };

export async function janusForTests(): Promise<JanusForTests> {
  if (await answers(JANUS_URL)) return { url: JANUS_URL, stop: () => undefined };
  const installed = spawnSync('sh', ['-c', 'command -v janus'], { encoding: 'utf8' }).stdout.trim();
  if (!installed) {
    if (isCI) throw new Error(`CI=true but Janus does not answer at ${JANUS_URL} and is not installed`);
    return { url: null, why: `no Janus at ${JANUS_URL} and none installed (apt-get install janus)` };
  }
  const child: ChildProcess = spawn(installed, ['-F', `${ROOT}deploy/janus`, '-o'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 60; i++) {
    if (await answers(JANUS_URL))
      return {
        url: JANUS_URL,
        stop: () => {
          child.kill('SIGTERM');
        },
      };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  const why = `Janus did not start (janus -F deploy/janus) and answer at ${JANUS_URL}`;
  if (isCI) throw new Error(`CI=true but ${why}`);
  return { url: null, why };
}
