// A throwaway Postgres cluster of the chaos run's own, so it can be restarted without disturbing anyone else on
// the shared server: `initdb` into a temp dir (trust auth), `postgres` on a free port listening on 127.0.0.1
// with its unix socket in that dir, stopped with a fast shutdown (SIGINT, what `pg_ctl stop -m fast` sends) and
// started again on the same port to restart it, the dir deleted at the end. initdb and postgres refuse to run
// as root: as root they run as the `postgres` user (spawned with its uid and gid, the temp dir chowned to it).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../realtime/support/cluster.js';

const BIN_DIRS = [
  process.env.POSTGRES_BIN,
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
].filter((d): d is string => !!d);

type Located = { bin: string; user: { uid: number; gid: number } | null };

/** Where initdb and postgres are and whom to run them as; a string says why a cluster cannot be made here. */
function locate(): Located | string {
  const bin = BIN_DIRS.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'postgres')));
  if (!bin) return `no Postgres binaries (initdb, postgres) in ${BIN_DIRS.join(', ')} (set POSTGRES_BIN)`;
  if (process.getuid?.() !== 0) return { bin, user: null };
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { bin, user: { uid: id('-u'), gid: id('-g') } };
  } catch {
    return 'running as root and there is no postgres user to run initdb and postgres as';
  }
}

/** Why a throwaway cluster cannot be made here, or null. */
export function throwawayPostgresMissing(): string | null {
  const found = locate();
  return typeof found === 'string' ? found : null;
}

export type ThrowawayPostgres = {
  /** postgres://postgres@127.0.0.1:<port>/chaos */
  url: string;
  port: number;
  dir: string;
  /** fast shutdown, then started again on the same port */
  restart(downMs?: number): Promise<void>;
  /** stops the server (immediately) and deletes the dir */
  remove(): Promise<void>;
};

export async function throwawayPostgres(): Promise<ThrowawayPostgres> {
  const found = locate();
  if (typeof found === 'string') throw new Error(found);
  const { bin, user } = found;
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const dir = mkdtempSync(join(tmpdir(), 'lectern-chaos-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/chaos`;
  let child: ChildProcess | null = null;
  // Stopped however this process ends (the runner kills a file's process group, but a clean exit should not
  // leave a server behind either).
  const onExit = () => child?.kill('SIGQUIT');
  process.once('exit', onExit);

  execFileSync(
    join(bin, 'initdb'),
    ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'],
    {
      ...as,
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, LC_ALL: 'C' },
    },
  );

  const logTail = () => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      return '(no log)';
    }
  };
  const connects = async () => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  async function start() {
    const log = openSync(logFile, 'a');
    const c = spawn(
      join(bin, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=200',
      ],
      { ...as, cwd: dir, stdio: ['ignore', log, log] },
    );
    closeSync(log);
    child = c;
    for (let i = 0; i < 600 && c.exitCode === null; i++) {
      if (await connects()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`postgres did not start on port ${port} (exit ${c.exitCode}):\n${logTail()}`);
  }
  async function stop(signal: NodeJS.Signals) {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill(signal);
    const late = setTimeout(() => c.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(late);
  }

  try {
    await start();
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE chaos');
    await admin.end();
  } catch (error) {
    await stop('SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    url,
    port,
    dir,
    async restart(downMs = 0) {
      await stop('SIGINT');
      if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    async remove() {
      await stop('SIGQUIT');
      process.off('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
