// The restore drill of docs/operations.md: a history made through the API on a fresh Postgres database, dumped
// with pg_dump, restored with pg_restore into another fresh database, every read model rebuilt from the restored
// events: each rebuilt read model has the checksum of the original.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp } from '../support/app.js';
import { skipNotice, testDatabase } from '../support/services.js';
import { loadConfig } from '../../kernel/config.js';
import { openRuntime } from '../../main/runtime.js';
import { projections } from '../../projections/index.js';
import { checksum, rebuildProjection } from '../../projections/rebuild.js';
import { seedDemo } from '../../scripts/demo.js';

const test = suite('restore drill');

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  assert.is(result.status, 0, `${command} failed:\n${result.stderr}`);
}

test('pg_dump, pg_restore into a fresh database, rebuild every read model: the checksums are equal', async () => {
  if (spawnSync('pg_dump', ['--version']).status !== 0) return skipNotice('restore drill', 'no pg_dump');
  const t = await testApp({ requirePostgres: true });
  if (!t) return skipNotice('restore drill', 'no Postgres server answers');
  const dir = mkdtempSync(join(tmpdir(), 'lectern-drill-'));
  const target = (await testDatabase({ requirePostgres: true }))!;
  try {
    // 1. A small history through the API, and the demo school (sessions, trainings, enrollments, billing).
    const { orgId, admin } = await t.organisation('Drill School');
    const student = await t.person(orgId, 'student');
    for (const name of ['Drill A', 'Drill B', 'Drill C']) {
      const course = await admin.post('/api/courses', { name, lessons: [] });
      assert.is(course.statusCode, 201, course.body);
      for (const title of ['One', 'Two'])
        assert.is(
          (await admin.post(`/api/courses/${course.json().id}/lessons`, { title, kind: 'class' })).statusCode,
          201,
        );
    }
    assert.is(
      (await admin.post('/api/groups', { name: 'Drillers', memberIds: [student.id] })).statusCode,
      201,
    );
    await seedDemo(t.deps);
    await t.settle();
    const events = await t.countEvents();
    assert.ok(events > 20, `a history to restore (${events} events)`);
    const original = new Map<string, string>();
    for (const projection of projections)
      original.set(projection.name, await checksum(t.deps.db, 'public', projection.tables));
    const source = t.deps.config.DATABASE_URL!;
    await t.app.close();
    await t.runtime.close();

    // 2. Back up and restore into a fresh database.
    const dump = join(dir, 'lectern.dump');
    run('pg_dump', ['--format=custom', `--file=${dump}`, `--dbname=${source}`]);
    run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.url!}`, dump]);

    // 3. Rebuild every read model from the restored events (`npm run rebuild -- all`).
    const runtime = await openRuntime(loadConfig({ DATABASE_URL: target.url }), { startProjections: false });
    try {
      assert.is(await runtime.deps.eventStore.countEvents!(), events);
      for (const projection of projections) {
        const result = await rebuildProjection(runtime.deps.db, runtime.deps.eventStore, projection);
        assert.is(result.rebuiltChecksum, result.liveChecksum, `${projection.name}: rebuilt = restored`);
        assert.is(
          result.rebuiltChecksum,
          original.get(projection.name),
          `${projection.name}: = the original`,
        );
      }
    } finally {
      await runtime.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await target.drop();
    // The source database: the app and runtime are closed above (or fail to close again harmlessly).
    await t.close().catch(() => undefined);
  }
});

test.run();
