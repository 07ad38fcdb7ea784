// The hourly top-up of recurring group classes runs once per cluster: three nodes on one database keep the timer,
// one claims the period and schedules the weeks that came into the horizon, each class once.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { skippedSuite } from '../support/suite.js';
import { startGroupScheduleTopUp } from '../../commands/groupScheduleTopUp.js';
import type { GroupGenerationReport } from '../../commands/groupScheduleGeneration.js';

const SUITE = 'group schedule top-up in a cluster';
const t: TestApp | null = await testApp({ requirePostgres: true });

if (!t)
  skippedSuite(SUITE, 'no Postgres server answers (the nodes share one database)', ['once per cluster']);
else {
  const test = suite(SUITE);
  test.after(() => t.close());

  test('three nodes, one run per period: each class is scheduled once', async () => {
    const s = await school(t, { students: 2 });
    const group = await s.admin.post('/api/groups', {
      name: 'Thursday group',
      memberIds: s.students.map((x) => x.id),
    });
    status(group, 201);
    // Starts after the horizon of today (2026-11-23), so adding it schedules nothing yet.
    const rule = await s.admin.post(`/api/groups/${group.json().id}/schedule-rules`, {
      courseId: s.courseId,
      teacherId: s.teacher.id,
      weekdays: ['TH'],
      time: '10:00',
      timeZone: 'Europe/Berlin',
      startsOn: '2027-02-04',
    });
    status(rule, 201);
    assert.equal(rule.json().scheduled, []);
    await t.settle();

    const clock = { now: () => new Date('2027-01-21T08:00:00.000Z') };
    const runs: { holder: string; reports: GroupGenerationReport[] }[] = [];
    const stops = ['a', 'b', 'c'].map((holder) =>
      startGroupScheduleTopUp(
        { db: t.deps.db, eventStore: t.deps.eventStore, clock },
        { intervalMs: 60_000, checkMs: 20, holder, onRun: (reports) => runs.push({ holder, reports }) },
      ),
    );
    try {
      const deadline = Date.now() + 60_000;
      while (runs.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      // Many more ticks on every node within the same period.
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      for (const stop of stops) await stop();
    }
    assert.is(runs.length, 1, `one run, not ${runs.map((r) => r.holder).join(', ')}`);
    const starts = runs[0]!.reports.flatMap((r) => r.scheduled.map((o) => o.start));
    // Eight weeks from Jan 21 08:00 UTC end before Mar 18's class; 10:00 in Berlin is 09:00 UTC in winter.
    assert.equal(
      starts,
      ['02-04', '02-11', '02-18', '02-25', '03-04', '03-11'].map((d) => `2027-${d}T09:00:00.000Z`),
    );
    const { count } = await t.deps.db
      .selectFrom('schedule_sessions')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('student_group_id', '=', group.json().id)
      .executeTakeFirstOrThrow();
    assert.is(Number(count), 6, 'six classes, none twice');
  });

  test.run();
}
