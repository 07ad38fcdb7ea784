// Group commit: commands waiting for one stream are decided together and appended in one append, each with its
// own result, in the order they came; a refused one is refused alone; an append by another node in between
// makes the group decide again on the new state.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import type { EventStore } from '../../commands/eventStore/port.js';
import { handleCommand, type CommandContext } from '../../commands/handleCommand.js';
import { courses } from '../../commands/aggregates.js';
import { streamId } from '../../commands/eventStore/streams.js';
import { RuleViolation } from '../../domain/shared/errors.js';
import { testDatabase } from '../support/services.js';

const database = (await testDatabase())!;
const conn = await connectDatabase({ url: database.url });
await migrateToLatest(conn.db);
const base = await postgresEventStore(conn.db);
const test = suite('group commit');
test.after(async () => {
  await base.close();
  await conn.close();
  await database.drop();
});

const orgId = randomUUID();
const context: CommandContext = { orgId, actorId: null, now: '2026-11-23T08:00:00.000Z' };

/** A node's view of the store (its own cache of folds), counting its appends. */
function node() {
  const counter = { appends: 0 };
  const store = new Proxy(base, {
    get: (target, property, receiver) =>
      property === 'appendToStream'
        ? (...args: Parameters<EventStore['appendToStream']>) => {
            counter.appends++;
            return target.appendToStream(...args);
          }
        : Reflect.get(target, property, receiver),
  });
  return { store, counter };
}

async function course(store: EventStore) {
  const courseId = randomUUID();
  await handleCommand(
    store,
    courses,
    courseId,
    { type: 'CreateCourse', courseId, orgId, name: 'Phonetics', lessons: [] },
    context,
  );
  return courseId;
}

const addLesson = (store: EventStore, courseId: string, title: string) =>
  handleCommand(
    store,
    courses,
    courseId,
    { type: 'AddCourseLesson', courseId, lesson: { lessonId: randomUUID(), title, kind: 'class' } },
    context,
  );

test('commands waiting for one stream are appended together, each with its own result, in order', async () => {
  const { store, counter } = node();
  const courseId = await course(store);
  counter.appends = 0;
  const titles = Array.from({ length: 40 }, (_, i) => `Lesson ${i}`);
  const results = await Promise.all(titles.map((title) => addLesson(store, courseId, title)));
  assert.ok(counter.appends < titles.length, `${counter.appends} appends for ${titles.length} commands`);
  assert.equal(
    results.map((r) => r.revision).sort((a, b) => a - b),
    titles.map((_, i) => i + 1),
    'each command has a revision of its own',
  );
  const recorded = await base.readStream(streamId('course', courseId));
  assert.is(recorded.length, 41);
  for (const [i, result] of results.entries()) {
    assert.is(result.events.length, 1);
    const event = recorded[result.revision]!;
    assert.is((event.data as { lesson: { title: string } }).lesson.title, titles[i], 'its own event');
    assert.ok(result.position, 'a position to wait for');
  }
});

test('a refused command is refused alone; the others in its group are appended', async () => {
  const { store } = node();
  const courseId = await course(store);
  const again = handleCommand(
    store,
    courses,
    courseId,
    { type: 'CreateCourse', courseId, orgId, name: 'Twice', lessons: [] },
    context,
  );
  const adds = Array.from({ length: 10 }, (_, i) => addLesson(store, courseId, `Lesson ${i}`));
  const error = await again.then(
    () => null,
    (e: unknown) => e,
  );
  assert.instance(error, RuleViolation);
  assert.is((error as RuleViolation).code, 'course_exists');
  assert.is((await Promise.all(adds)).length, 10);
  assert.is((await base.readStream(streamId('course', courseId))).length, 11);
});

test("another node's append in between: the group decides again on the new state", async () => {
  const a = node();
  const b = node();
  const courseId = await course(a.store);
  await addLesson(a.store, courseId, 'Warm-up'); // node a has folded the course
  await addLesson(b.store, courseId, 'From node b'); // node a's fold is now stale
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) => addLesson(a.store, courseId, `Lesson ${i}`)),
  );
  assert.equal(
    results.map((r) => r.revision).sort((x, y) => x - y),
    Array.from({ length: 10 }, (_, i) => i + 3),
  );
  const titles = (await base.readStream(streamId('course', courseId)))
    .slice(1)
    .map((e) => (e.data as { lesson: { title: string } }).lesson.title);
  assert.is(titles.length, 12);
  assert.is(new Set(titles).size, 12, 'nothing lost, nothing doubled');
});

test.run();
