// A projector killed mid-run (SIGKILL, mid-batch) resumes from its checkpoint: nothing lost, nothing doubled,
// and the read model equals a fresh rebuild.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { projectAll } from '../support/projections.js';
import { scheduleProjection } from '../../projections/schedule/schedule.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { readCheckpoint } from '../../commands/logConsumer/checkpoints.js';
import { testDatabase, postgresAvailable } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';

const SESSIONS = 600;

async function main() {
  const database = (await testDatabase({ requirePostgres: true }))!;
  const conn = await connectDatabase({ url: database.url });
  await migrateToLatest(conn.db);
  const store = await postgresEventStore(conn.db);
  const test = suite('a projector killed mid-run');
  test.after(async () => {
    await store.close();
    await conn.close();
    await database.drop();
  });

  test('resumes without loss or duplication and equals a fresh rebuild', async () => {
    const meta = {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actorId: null,
      orgId: randomUUID(),
      at: '2026-11-23T08:00:00Z',
    };
    for (let i = 0; i < SESSIONS; i++) {
      const id = randomUUID();
      const start = new Date(Date.UTC(2026, 11, 1) + i * 3_600_000).toISOString();
      await store.appendToStream(
        `liveSession-${id}`,
        [
          {
            type: 'LiveSessionScheduled',
            metadata: meta,
            data: {
              liveSessionId: id,
              orgId: meta.orgId,
              kind: 'group',
              courseId: randomUUID(),
              courseLessonId: null,
              teacherId: randomUUID(),
              enrollmentId: null,
              studentGroupId: null,
              participants: [
                { studentId: randomUUID(), enrollmentId: null },
                { studentId: randomUUID(), enrollmentId: null },
              ],
              start,
              durationMinutes: 45,
              timeZone: 'UTC',
              title: `Lesson ${i}`,
              notes: null,
            },
          },
          {
            type: 'LiveSessionParticipantAdded',
            metadata: meta,
            data: { liveSessionId: id, studentId: randomUUID(), enrollmentId: null },
          },
          ...(i % 3 === 0
            ? [{ type: 'LiveSessionCanceled', metadata: meta, data: { liveSessionId: id, reason: 'sick' } }]
            : []),
        ],
        { expectedRevision: 'no_stream' },
      );
    }

    // 1. Run the projector in another process and kill it without warning once it is part-way through.
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/projections/fixtures/runProjector.ts'], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: 'ignore',
    });
    // Listened for from the start: the exit may come while the checkpoint is read below.
    const exited = new Promise((r) => child.once('exit', r));
    let checkpointAtKill: string | null = null;
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 25));
      const { count } = await conn.db
        .selectFrom('schedule_sessions')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      if (Number(count) > SESSIONS / 4) {
        child.kill('SIGKILL');
        checkpointAtKill = await readCheckpoint(conn.db, 'schedule');
        break;
      }
    }
    await exited;
    assert.ok(checkpointAtKill, 'the projector made progress before it was killed');
    const partial = await conn.db
      .selectFrom('schedule_sessions')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(partial.count) < SESSIONS, 'killed before it finished');

    // 2. Restart it here and let it catch up.
    await projectAll(conn.db, store, [scheduleProjection], 25);

    const sessions = await conn.db
      .selectFrom('schedule_sessions')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const participants = await conn.db
      .selectFrom('schedule_participants')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const canceled = await conn.db
      .selectFrom('schedule_sessions')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', 'canceled')
      .executeTakeFirstOrThrow();
    assert.is(Number(sessions.count), SESSIONS);
    assert.is(Number(participants.count), SESSIONS * 3);
    assert.is(Number(canceled.count), SESSIONS / 3);

    // 3. A fresh rebuild gives the same read model.
    const result = await rebuildProjection(conn.db, store, scheduleProjection);
    assert.is(result.rebuiltChecksum, result.liveChecksum);
    assert.ok(result.events >= SESSIONS * 2);
  });

  test.run();
}

if (await postgresAvailable()) await main();
else
  skippedSuite(
    'a projector killed mid-run',
    'needs a Postgres server (another process must share the database)',
    ['resumes without loss'],
  );
