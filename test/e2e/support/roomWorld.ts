// The world of the live-room browser suite: two server nodes sharing one database and NATS, a school with a
// teacher, a tutor and two students, one group session, and a Chromium.
import type { Browser, Page } from 'playwright-core';
import { natsUrl, testDatabase, type TestDatabase } from '../../support/services.js';
import { closeNodes, launchChromium, school, startNodes, type Person, type RoomNode } from './roomCluster.js';
import { openRoom } from './roomPages.js';

export type RoomWorld = {
  database: TestDatabase;
  nodes: RoomNode[];
  browser: Browser;
  teacher: Page;
  students: Page[];
  people: { teacher: Person; tutor: Person; students: Person[] };
  liveSessionId: string;
  schedule: Awaited<ReturnType<typeof school>>['liveSession'];
  /** Requests any page made to another host (a CDN): there must be none. */
  external: string[];
};

export async function setUpRoomWorld(w: RoomWorld) {
  w.database = (await testDatabase({ requirePostgres: true }))!;
  w.nodes = await startNodes(w.database, (await natsUrl())!);
  const s = await school(w.nodes[0]!, ['Sofia Student', 'Lukas Learner']);
  w.people = { teacher: s.teacher, tutor: s.tutor, students: s.students };
  w.schedule = s.liveSession;
  w.external = [];
  w.liveSessionId = await s.liveSession('group', s.students);
  w.browser = await launchChromium();
}

export async function tearDownRoomWorld(w: RoomWorld) {
  await w.browser?.close();
  if (w.nodes) await closeNodes(w.nodes);
  await w.database?.drop();
}

/** `who`'s page on the room of the world's current session, served by `node`. */
export const openIn = (w: RoomWorld, who: Person, node: RoomNode) =>
  openRoom(w.browser, who, `${node.url}/room/${w.liveSessionId}`, w.external);
