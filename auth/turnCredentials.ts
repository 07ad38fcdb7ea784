// Time-limited TURN credentials for the people in a live room, in the TURN REST API scheme that coturn checks with
// `use-auth-secret`: the username is `<expiry in Unix seconds>:<personId>` and the password is
// base64(HMAC-SHA1(TURN_SECRET, username)). Nothing is stored: coturn recomputes the HMAC with the same secret and
// refuses a new relay once the expiry has passed (a relay already set up keeps working).
import { createHmac } from 'node:crypto';
import type { Config } from '../kernel/config.js';

export type IceServer = { urls: string | string[]; username?: string; credential?: string };

export type IceServers = {
  iceServers: IceServer[];
  /** When the TURN credentials stop opening new relays (null: no TURN configured, nothing expires). */
  expiresAt: string | null;
};

type TurnConfig = Pick<Config, 'ICE_SERVERS' | 'TURN_URLS' | 'TURN_SECRET' | 'TURN_TTL_SECONDS'>;

/** The password coturn expects for `username`. */
export function turnPassword(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

/** The ICE servers for one person now: the configured STUN/TURN servers, then our TURN servers with fresh credentials. */
export function iceServersFor(config: TurnConfig, personId: string, now: Date): IceServers {
  if (!config.TURN_SECRET || config.TURN_URLS.length === 0)
    return { iceServers: config.ICE_SERVERS, expiresAt: null };
  const expiry = Math.floor(now.getTime() / 1000) + config.TURN_TTL_SECONDS;
  const username = `${expiry}:${personId}`;
  return {
    iceServers: [
      ...config.ICE_SERVERS,
      { urls: config.TURN_URLS, username, credential: turnPassword(config.TURN_SECRET, username) },
    ],
    expiresAt: new Date(expiry * 1000).toISOString(),
  };
}
