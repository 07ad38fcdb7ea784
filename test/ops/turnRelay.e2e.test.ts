// Video through coturn in a real browser: two people join a room and take the ICE servers the join hands them;
// Chromium, allowed relay candidates only (iceTransportPolicy 'relay'), connects two peer connections with them,
// and a camera-like video track and a data channel arrive through coturn (deploy/coturn/turnserver.conf).
// coturn checks the credentials' expiry against the real clock, so this suite's clock starts at the real time.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import {
  clusterServices,
  cluster,
  organisation,
  liveSession,
  RoomClient,
} from '../realtime/support/cluster.js';
import type { Cluster } from '../realtime/support/cluster.js';
import { skippedSuite } from '../support/suite.js';
import { isCI } from '../support/services.js';
import { testClock } from '../support/clock.js';
import { browserUnavailable, launchBrowser } from '../e2e/support/browser.js';
import { coturnMissing, startCoturn, type Coturn } from './support/coturn.js';
import type { IceServer } from '../../realtime/messages.js';

const SECRET = 'turn-secret-for-the-browser-relay-test-42';

type Ctx = {
  turn: Coturn;
  c: Cluster;
  browser: Browser;
  ice: { teacher: IceServer[]; student: IceServer[] };
};
type Relayed = {
  message: string;
  framesDecoded: number;
  bytesReceived: number;
  local: string;
  remote: string;
  relayProtocol: string;
};

/** Runs in the page (plain JavaScript: the test project is typed for Node, not the DOM). */
const RELAY_IN_PAGE = String.raw`async ({ teacher, student }) => {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const a = new RTCPeerConnection({ iceServers: teacher, iceTransportPolicy: 'relay' });
  const b = new RTCPeerConnection({ iceServers: student, iceTransportPolicy: 'relay' });
  a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate);
  b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate);
  // A moving picture stands in for the teacher's camera.
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 120;
  const g = canvas.getContext('2d');
  let frame = 0;
  setInterval(() => {
    g.fillStyle = 'hsl(' + ((frame++ * 15) % 360) + ' 80% 50%)';
    g.fillRect(0, 0, 160, 120);
  }, 40);
  const stream = canvas.captureStream(25);
  for (const track of stream.getTracks()) a.addTrack(track, stream);
  const channel = a.createDataChannel('chat');
  channel.onopen = () => channel.send('hello through TURN');
  const message = new Promise((resolve) => {
    b.ondatachannel = (e) => (e.channel.onmessage = (m) => resolve(String(m.data)));
  });
  await a.setLocalDescription(await a.createOffer());
  await b.setRemoteDescription(a.localDescription);
  await b.setLocalDescription(await b.createAnswer());
  await a.setRemoteDescription(b.localDescription);
  const text = await message;
  let stats = await b.getStats();
  const inbound = () => [...stats.values()].find((s) => s.type === 'inbound-rtp' && s.kind === 'video');
  for (let i = 0; i < 300 && (inbound()?.framesDecoded ?? 0) < 10; i++) {
    await sleep(100);
    stats = await b.getStats();
  }
  const pair = [...stats.values()].find((s) => s.type === 'candidate-pair' && s.state === 'succeeded');
  const local = pair && stats.get(pair.localCandidateId);
  const remote = pair && stats.get(pair.remoteCandidateId);
  a.close();
  b.close();
  return {
    message: text,
    framesDecoded: inbound()?.framesDecoded ?? 0,
    bytesReceived: inbound()?.bytesReceived ?? 0,
    local: local?.candidateType ?? 'none',
    remote: remote?.candidateType ?? 'none',
    relayProtocol: local?.relayProtocol ?? 'none',
  };
}`;

const names = [
  'relay-only peer connections with the credentials from the join carry video and data through coturn',
];

const missing = (await coturnMissing()) ?? (await clusterServices()) ?? browserUnavailable();
if (missing && isCI) throw new Error(`CI=true but the browser TURN suite cannot run: ${missing}`);
if (missing) {
  skippedSuite('turnRelay browser', missing, names);
} else {
  const test = suite<Ctx>('turnRelay browser');
  test.before(async (ctx) => {
    try {
      ctx.turn = await startCoturn(SECRET);
      ctx.c = await cluster({
        clock: testClock(new Date().toISOString()),
        env: { TURN_URLS: `turn:127.0.0.1:${ctx.turn.port}?transport=udp`, TURN_SECRET: SECRET },
      });
      await ctx.c.start(1);
      const orgId = await organisation(ctx.c);
      const admin = await ctx.c.person(orgId, 'admin', 'Ada Admin');
      const teacher = await ctx.c.person(orgId, 'teacher', 'Tereza Teacher');
      const student = await ctx.c.person(orgId, 'student', 'Stan Student');
      const { roomId } = await liveSession(ctx.c, admin, teacher, [student], 'individual');
      const iceOf = async (cookie: string) => {
        const client = await RoomClient.connect(ctx.c.nodes[0]!.url, cookie);
        const joined = await client.join(roomId);
        client.close();
        return joined.iceServers;
      };
      ctx.ice = { teacher: await iceOf(teacher.cookie), student: await iceOf(student.cookie) };
      ctx.browser = await launchBrowser();
    } catch (error) {
      console.error('setting up failed:', error);
      throw error;
    }
  });
  test.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.c?.close();
    await ctx.turn?.stop();
  });

  test(names[0]!, async (ctx) => {
    const page = await ctx.browser.newPage();
    const relayed = (await page.evaluate(`(${RELAY_IN_PAGE})(${JSON.stringify(ctx.ice)})`)) as Relayed;
    await page.close();
    assert.is(relayed.message, 'hello through TURN', 'the data channel message arrived');
    assert.ok(relayed.framesDecoded >= 10, `video frames were decoded (${relayed.framesDecoded})`);
    assert.ok(relayed.bytesReceived > 0);
    assert.is(relayed.local, 'relay', 'the receiving side used a relay candidate');
    assert.is(relayed.remote, 'relay', 'and so did the sending side');
    assert.is(relayed.relayProtocol, 'udp');
  });

  test.run();
}
