// A person's sessions or rights changed: this node forgets their cached session at once, and the bus tells every
// node (their session caches and their WebSocket gateways re-check the person's connections).
import { publishPersonRevoked } from '../bus/revocations.js';
import type { AppDeps } from './deps.js';

export async function revokePerson(deps: Pick<AppDeps, 'bus' | 'sessions'>, personId: string) {
  deps.sessions?.forget(personId);
  await publishPersonRevoked(deps.bus, personId);
}
