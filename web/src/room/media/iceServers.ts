// Keeps a room's ICE servers fresh. TURN credentials expire (the username starts with their expiry in Unix
// seconds), so half-way to that the list is fetched again and replaced IN PLACE: the mesh and the SFU keep the
// array they were given and read it whenever they open a new connection. A failed renewal tries again in a minute.
import { api } from '../../lib/api';
import type { IceServer } from '../rt/protocol';

type Answer = { iceServers: IceServer[]; expiresAt: string | null };

/** The earliest expiry (ms) of the list's TURN credentials, or null when nothing in it expires. */
export function iceServersExpiry(iceServers: IceServer[]): number | null {
  const expiries = iceServers
    .map((s) => /^(\d{9,12}):/.exec(s.username ?? '')?.[1])
    .filter((e): e is string => !!e)
    .map((e) => Number(e) * 1000);
  return expiries.length ? Math.min(...expiries) : null;
}

/** Puts fresh servers into the list the media connections read. */
export function replaceIceServers(target: IceServer[], fresh: IceServer[]) {
  target.splice(0, target.length, ...fresh);
}

/** Renews `iceServers` (the joined answer's list) until the returned stop is called. */
export function keepIceServersFresh(roomId: string, iceServers: IceServer[]): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(() => void renew(), Math.max(ms, 5_000));
  };
  const plan = () => {
    const expiry = iceServersExpiry(iceServers);
    if (expiry !== null) schedule((expiry - Date.now()) / 2);
  };
  const renew = async () => {
    try {
      const fresh = await api.get<Answer>(`/api/rooms/${encodeURIComponent(roomId)}/ice-servers`);
      if (stopped) return;
      replaceIceServers(iceServers, fresh.iceServers);
      plan();
    } catch {
      schedule(60_000);
    }
  };
  plan();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
