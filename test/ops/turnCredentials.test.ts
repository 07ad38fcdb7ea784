// Time-limited TURN credentials (the TURN REST API scheme coturn checks with `use-auth-secret`) and their settings.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { iceServersFor } from '../../auth/turnCredentials.js';
import { ConfigError, loadConfig } from '../../kernel/config.js';

const personId = '0b6c9a4e-1f0e-4c5b-9a3e-2f1d7c8b9a01';
const now = new Date('2026-11-23T08:00:00Z');
const stun = { urls: 'stun:stun.school.example:3478' };

test('the username is <expiry>:<personId> and the password base64(HMAC-SHA1(secret, username))', () => {
  const config = loadConfig({
    ICE_SERVERS: JSON.stringify([stun]),
    TURN_URLS: 'turn:turn.school.example:3478?transport=udp, turns:turn.school.example:5349?transport=tcp',
    TURN_SECRET: 'school-turn-secret-0123456789',
  });
  const { iceServers, expiresAt } = iceServersFor(config, personId, now);
  assert.equal(iceServers, [
    stun,
    {
      urls: ['turn:turn.school.example:3478?transport=udp', 'turns:turn.school.example:5349?transport=tcp'],
      username: `1795424400:${personId}`,
      // printf %s <username> | openssl dgst -sha1 -hmac school-turn-secret-0123456789 -binary | base64
      credential: 'rnnRky04ipjwz1WOoWkUkWnPfm8=',
    },
  ]);
  assert.is(expiresAt, '2026-11-23T09:00:00.000Z', 'one hour by default (TURN_TTL_SECONDS)');
});

test('TURN_TTL_SECONDS sets how long credentials open new relays', () => {
  const config = loadConfig({
    TURN_URLS: 'turn:turn.school.example:3478',
    TURN_SECRET: 'school-turn-secret-0123456789',
    TURN_TTL_SECONDS: '600',
  });
  assert.is(iceServersFor(config, personId, now).expiresAt, '2026-11-23T08:10:00.000Z');
});

test('without TURN settings the configured ICE servers go out as they are, and nothing expires', () => {
  const config = loadConfig({ ICE_SERVERS: JSON.stringify([stun]) });
  assert.equal(iceServersFor(config, personId, now), { iceServers: [stun], expiresAt: null });
});

test('TURN settings are checked at start-up: both or neither, turn: URLs, a secret of 16 characters or more', () => {
  const fails = (env: Record<string, string>, words: RegExp) =>
    assert.throws(
      () => loadConfig(env),
      (e: unknown) => e instanceof ConfigError && words.test(e.message),
    );
  fails({ TURN_URLS: 'turn:turn.school.example:3478' }, /TURN_URLS and TURN_SECRET must be set together/);
  fails({ TURN_SECRET: 'school-turn-secret-0123456789' }, /TURN_URLS and TURN_SECRET must be set together/);
  fails(
    { TURN_URLS: 'https://turn.school.example', TURN_SECRET: 'school-turn-secret-0123456789' },
    /TURN_URLS/,
  );
  fails({ TURN_URLS: 'turn:turn.school.example', TURN_SECRET: 'short' }, /TURN_SECRET/);
});

test.run();
