// The SFU messages of one peer run in lanes (realtime/sfu/gatewaySfu.ts): a receiving connection's messages keep
// their order, but a feed whose Janus round trip hangs holds up neither the other feeds nor the publisher, and a
// peer that joins the SFU again waits until what its lanes still carry has landed. A message that fails in a
// lane is answered to the browser with its ref, like any other.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { handleSfuMessage, laneOf } from '../../realtime/sfu/gatewaySfu.js';
import type { Gateway, JoinedConnection } from '../../realtime/connection.js';
import type { SfuMessage } from '../../realtime/sfu/sfu.js';
import type { ServerMessage } from '../../realtime/messages.js';
import { NotFoundError } from '../../domain/shared/errors.js';

const test = suite('SFU message lanes');

/** A gateway whose SFU records what it handles; `hold` keeps a message's Janus round trip pending. */
function world() {
  const handled: string[] = [];
  const held = new Map<string, () => void>();
  const holdOn = new Set<string>();
  const failOn = new Set<string>();
  const sent: ServerMessage[] = [];
  const key = (m: SfuMessage) => `${m.type}${'feed' in m && m.feed !== undefined ? `:${m.feed}` : ''}`;
  const gateway = {
    log: () => undefined,
    sfu: {
      async handle(_ref: unknown, message: SfuMessage) {
        const k = key(message);
        if (holdOn.has(k)) await new Promise<void>((resolve) => held.set(k, resolve));
        if (failOn.has(k)) throw new NotFoundError(`not subscribed to ${k}`);
        handled.push(k);
      },
    },
  } as unknown as Gateway;
  const connection = {
    room: { roomId: 'room-1', media: 'sfu' },
    local: { peer: { peerId: 'p1' }, viewer: { personId: 'a', roomRole: 'participant' }, sink: null },
    send: (m: ServerMessage) => sent.push(m),
  } as unknown as JoinedConnection;
  const send = (m: SfuMessage) => handleSfuMessage(gateway, connection, m);
  return { handled, held, holdOn, failOn, sent, send };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
const jsep = { type: 'answer' as const, sdp: 'v=0' };

test('each feed and each publisher has its lane; join and host controls keep the connection’s order', () => {
  assert.is(laneOf({ type: 'sfu.subscribe', ref: 'r', feed: 7 }), 'feed:7');
  assert.is(laneOf({ type: 'sfu.start', ref: 'r', feed: 7, jsep }), 'feed:7');
  assert.is(laneOf({ type: 'sfu.trickle', ref: 'r', feed: 7, candidate: null }), 'feed:7');
  assert.is(laneOf({ type: 'sfu.trickle', ref: 'r', kind: 'screen', candidate: null }), 'publisher:screen');
  assert.is(laneOf({ type: 'sfu.publish', ref: 'r', kind: 'camera', jsep }), 'publisher:camera');
  assert.is(laneOf({ type: 'sfu.join', ref: 'r' }), null);
  assert.is(laneOf({ type: 'sfu.mute', ref: 'r' }), null);
});

test('a feed whose round trip hangs holds up neither other feeds nor the publisher; its own order holds', async () => {
  const w = world();
  w.holdOn.add('sfu.subscribe:1');
  await w.send({ type: 'sfu.subscribe', ref: 's1', feed: 1 });
  await w.send({ type: 'sfu.start', ref: 'st1', feed: 1, jsep });
  await w.send({ type: 'sfu.subscribe', ref: 's2', feed: 2 });
  await w.send({ type: 'sfu.publish', ref: 'p', kind: 'camera', jsep: { type: 'offer', sdp: 'v=0' } });
  await tick();
  assert.equal(w.handled, ['sfu.subscribe:2', 'sfu.publish'], 'feed 2 and the camera went ahead');
  w.held.get('sfu.subscribe:1')!();
  await tick();
  assert.equal(w.handled.slice(2), ['sfu.subscribe:1', 'sfu.start:1'], 'feed 1 in its own order');
});

test('joining again waits for the lanes; a failure in a lane is answered with its ref', async () => {
  const w = world();
  w.holdOn.add('sfu.subscribe:3');
  w.failOn.add('sfu.restart:4');
  await w.send({ type: 'sfu.subscribe', ref: 's3', feed: 3 });
  await w.send({ type: 'sfu.restart', ref: 'sfu:restart', feed: 4 });
  const joined = w.send({ type: 'sfu.join', ref: 'sfu.join' });
  await tick();
  assert.not.ok(w.handled.includes('sfu.join'), 'the join waits for feed 3');
  const error = w.sent.find((m) => m.type === 'error') as { ref?: string; code: string } | undefined;
  assert.equal([error?.ref, error?.code], ['sfu:restart', 'not_found']);
  w.held.get('sfu.subscribe:3')!();
  await joined;
  assert.equal(w.handled, ['sfu.subscribe:3', 'sfu.join']);
});

test.run();
