// The live-room gateway: the round-trip latency of a WebRTC signal between two browsers on different server
// nodes (browser -> node A -> NATS -> node B -> browser, and the answer back), with 2,000 simulated peers
// joined in 500 rooms, beside a raw NATS request/reply measured in the same run on the same NATS server.
// The difference is what the gateway adds (WebSocket framing, JSON validation, the membership check).
// `npm run bench -- gateway`, or directly: `npx tsx test/bench/gateway.bench.ts [--tiny]`.
import { randomUUID } from 'node:crypto';
import { connect as natsConnect } from 'nats';
import { buildApp } from '../../main/app.js';
import { loadConfig } from '../../kernel/config.js';
import { openRuntime } from '../../main/runtime.js';
import { createSession, SESSION_COOKIE } from '../../auth/sessions.js';
import { createOrganisation, createPerson } from '../../db/people.js';
import { handleCommand } from '../../commands/handleCommand.js';
import { liveSessions } from '../../commands/aggregates.js';
import { ownNats, RoomClient } from '../realtime/support/cluster.js';
import {
  context,
  freshDatabase,
  load,
  percentile,
  row,
  section,
  type BenchContext,
  type Section,
} from './lib.js';

const PEERS_PER_ROOM = 4;

async function inBatches<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
}

export async function run(ctx: BenchContext): Promise<Section> {
  const rooms = ctx.tiny ? 2 : 500;
  const roundTrips = ctx.tiny ? 40 : ctx.full ? 20_000 : 5_000;
  const concurrency = ctx.tiny ? 4 : 50;
  const s = section(`Live-room gateway: ${rooms * PEERS_PER_ROOM} peers in ${rooms} rooms on 2 nodes`);

  const nats = await ownNats();
  const db = await freshDatabase();
  const config = loadConfig({
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    PUBLIC_URL: 'http://localhost:3000',
  });
  const nodes: { close(): Promise<void>; url: string }[] = [];
  const clients: RoomClient[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      const runtime = await openRuntime(config, { startProjections: false });
      const app = await buildApp(runtime.deps);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const port = (app.server.address() as { port: number }).port;
      nodes.push({
        url: `ws://127.0.0.1:${port}/rt`,
        close: async () => (await app.close(), await runtime.close()),
      });
    }
    const setup = await openRuntime(config, { startProjections: false });
    const { db: kdb, eventStore } = setup.deps;

    // 1. The school: per room a teacher and three students, each signed in; a group session starting soon.
    let t0 = performance.now();
    const orgId = await createOrganisation(kdb, 'Bench School');
    const now = new Date();
    const roomPeople: { roomId: string; cookies: string[] }[] = [];
    await inBatches([...Array(rooms).keys()], 20, async (r) => {
      const ids: string[] = [];
      const cookies: string[] = [];
      for (let p = 0; p < PEERS_PER_ROOM; p++) {
        const role = p === 0 ? 'teacher' : 'student';
        const id = await createPerson(kdb, {
          orgId,
          role,
          name: `${role} ${r}.${p}`,
          email: `p${r}.${p}@bench.test`,
        });
        const { token } = await createSession(kdb, { id, org_id: orgId }, now, 24);
        ids.push(id);
        cookies.push(`${SESSION_COOKIE}=${token}`);
      }
      const liveSessionId = randomUUID();
      await handleCommand(
        eventStore,
        liveSessions,
        liveSessionId,
        {
          type: 'ScheduleLiveSession',
          liveSessionId,
          now: now.toISOString(),
          orgId,
          kind: 'group',
          courseId: randomUUID(),
          courseLessonId: null,
          teacherId: ids[0]!,
          enrollmentId: null,
          studentGroupId: null,
          participants: ids.slice(1).map((studentId) => ({ studentId, enrollmentId: null })),
          start: new Date(now.getTime() + 60_000).toISOString(),
          durationMinutes: 120,
          timeZone: 'UTC',
          title: null,
          notes: null,
        },
        { orgId, actorId: ids[0]!, now: now.toISOString() },
      );
      roomPeople[r] = { roomId: `ls-${liveSessionId}`, cookies };
    });
    ctx.log(`seeded ${rooms} rooms in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // 2. Every peer connects and joins; peers alternate between the nodes, so pairs cross them.
    t0 = performance.now();
    const pairs: { a: RoomClient; b: RoomClient; bPeer: string }[] = [];
    await inBatches(roomPeople, 25, async ({ roomId, cookies }) => {
      const joined: { client: RoomClient; peerId: string }[] = [];
      for (let p = 0; p < PEERS_PER_ROOM; p++) {
        const client = await RoomClient.connect(nodes[p % 2]!.url, cookies[p]!);
        clients.push(client);
        const reply = await client.join(roomId, { video: false });
        joined.push({ client, peerId: reply.peerId });
      }
      const [a, b] = joined;
      // The answering browser echoes every signal straight back to its sender.
      b!.client.ws.on('message', (raw) => {
        const m = JSON.parse(String(raw));
        if (m.type === 'signal') b!.client.send({ type: 'signal', to: m.from, data: m.data });
      });
      pairs.push({ a: a!.client, b: b!.client, bPeer: b!.peerId });
    });
    ctx.log(`${clients.length} peers joined in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    row(s, { measure: 'peers joined', value: clients.length, unit: 'peers' });

    // 3. Signal round trips through the gateway, spread over all rooms.
    const pending = new Map<string, () => void>();
    for (const { a } of pairs)
      a.ws.on('message', (raw) => {
        const m = JSON.parse(String(raw));
        if (m.type === 'signal') pending.get(m.data.n)?.();
      });
    const signalData = {
      type: 'candidate',
      candidate: 'candidate:1 1 udp 2122260223 10.0.0.1 50000 typ host',
    };
    const viaGateway = await load({ concurrency, total: roundTrips }, async (worker, n) => {
      const pair = pairs[(worker * 7919 + n) % pairs.length]!;
      const key = `${worker}.${n}`;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`signal ${key} lost`)), 10_000);
        pending.set(key, () => (clearTimeout(timer), pending.delete(key), resolve()));
        pair.a.send({ type: 'signal', to: pair.bPeer, data: { ...signalData, n: key } });
      });
    });

    // 4. The baseline: NATS request/reply with the same payload, same concurrency, same server.
    const responder = await natsConnect({ servers: nats.url });
    const requester = await natsConnect({ servers: nats.url });
    responder.subscribe('bench.echo', { callback: (_e, msg) => msg.respond(msg.data) });
    await responder.flush();
    const payload = new TextEncoder().encode(
      JSON.stringify({ from: 'x', data: { ...signalData, n: '0.0' } }),
    );
    const viaNats = await load({ concurrency, total: roundTrips }, async () => {
      await requester.request('bench.echo', payload, { timeout: 10_000 });
    });
    await requester.close();
    await responder.close();

    const g50 = percentile(viaGateway.latencies, 50);
    const g99 = percentile(viaGateway.latencies, 99);
    const n50 = percentile(viaNats.latencies, 50);
    const n99 = percentile(viaNats.latencies, 99);
    row(s, {
      measure: 'signal round trip across nodes, p50',
      value: g50,
      unit: 'ms',
      baseline: { label: 'NATS request/reply p50 (ms)', value: n50 },
    });
    row(s, {
      measure: 'signal round trip across nodes, p99',
      value: g99,
      unit: 'ms',
      baseline: { label: 'NATS request/reply p99 (ms)', value: n99 },
    });
    row(s, { measure: 'latency the gateway adds, p50', value: g50 - n50, unit: 'ms' });
    row(s, { measure: 'latency the gateway adds, p99', value: g99 - n99, unit: 'ms' });
    row(s, {
      measure: 'signals relayed through the gateway',
      value: viaGateway.perSecond,
      unit: 'round trips/s',
    });
    s.notes.push(
      `${roundTrips} round trips at concurrency ${concurrency}, spread over ${pairs.length} peer pairs (each pair on two nodes).`,
      'A gateway round trip crosses NATS twice (there and back) and four WebSocket hops; the baseline crosses NATS',
      'twice too (request, reply). Browsers, both nodes and NATS share this machine, so the figures include the',
      'simulated browsers’ own JSON and WebSocket work.',
    );
    await setup.close();
  } finally {
    for (const client of clients) client.ws.terminate();
    for (const node of nodes) await node.close().catch(() => undefined);
    await db.drop();
    await nats.stop();
  }
  return s;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ctx = context({ tiny: process.argv.includes('--tiny'), full: process.argv.includes('--full') });
  const result = await run(ctx);
  console.log(`\n${result.title}`);
  for (const r of result.rows) console.log(`- ${r.measure}: ${r.value.toFixed(2)} ${r.unit}`);
  process.exit(0);
}
