// Read models answer the codes the interface words in each person's language, also for what was recorded
// before the codes existed: a schedule rule's occurrence skipped with only its refusal's code, and a lesson
// analysis that failed with only its English reason, get the code their stored text names; one recorded with
// a code keeps it with its values; a text that names nothing stays as stored, without a code.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { projectionRunner } from '../../projections/runner.js';
import { scheduleRulesProjection } from '../../projections/lessons/scheduleRules.js';
import { scheduleRulesOf } from '../../projections/lessons/scheduleRuleQueries.js';
import { lessonAnalysesProjection } from '../../projections/lessonAnalyses/lessonAnalyses.js';
import { lessonAnalysisById } from '../../projections/lessonAnalyses/queries.js';
import { testDatabase } from '../support/services.js';

const database = (await testDatabase())!;
const conn = await connectDatabase({ url: database.url });
await migrateToLatest(conn.db);
const store = await postgresEventStore(conn.db);
const test = suite('reason codes in the read models');
test.after(async () => {
  await store.close();
  await conn.close();
  await database.drop();
});

const orgId = randomUUID();
const at = '2026-11-23T08:00:00Z';
const meta = () => ({
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actorId: null,
  orgId,
  at,
});
const append = (stream: string, events: { type: string; data: object }[]) =>
  store.appendToStream(
    stream,
    events.map((e) => ({ ...e, metadata: meta() })),
    { expectedRevision: 'any' },
  );
const catchUp = () =>
  projectionRunner(conn.db, store, [scheduleRulesProjection, lessonAnalysesProjection], {
    pollMs: 20,
  }).catchUp();

test('skipped occurrences: the recorded code and times, else the code the old refusal names, else none', async () => {
  const enrollmentId = randomUUID();
  const ruleId = randomUUID();
  const skip = (start: string, facts: object) => ({
    type: 'ScheduleOccurrenceSkipped',
    data: { enrollmentId, ruleId, occurrenceStart: start, conflictingLiveSessionId: null, ...facts },
  });
  const busyId = randomUUID();
  await append(`enrollment-${enrollmentId}`, [
    {
      type: 'ScheduleRuleAdded',
      data: {
        enrollmentId,
        ruleId,
        weekdays: ['MO'],
        localTime: '17:00',
        timeZone: 'Europe/Berlin',
        durationMinutes: 45,
        startsOn: '2026-11-23',
        splitFrom: null,
      },
    },
    // Recorded before codes were: only the refusal's code, or only the error's kind.
    skip('2026-11-23T16:00:00Z', { reason: 'teacher_double_booked' }),
    skip('2026-11-30T16:00:00Z', { reason: 'not_found' }),
    skip('2026-12-07T16:00:00Z', {
      reason: 'teacher_double_booked',
      conflictingLiveSessionId: busyId,
      code: 'teacher_busy',
      conflictStart: '2026-12-07T15:30:00.000Z',
      conflictEnd: '2026-12-07T16:15:00.000Z',
    }),
  ]);
  await catchUp();
  const [rule] = await scheduleRulesOf(conn.db, orgId, enrollmentId);
  assert.equal(
    rule!.occurrences.map((o) => [o.reason, o.reasonCode, o.conflictStart, o.conflictEnd]),
    [
      ['teacher_double_booked', 'teacher_busy', null, null],
      ['not_found', null, null, null],
      ['teacher_double_booked', 'teacher_busy', '2026-12-07T15:30:00.000Z', '2026-12-07T16:15:00.000Z'],
    ],
  );
});

test('a failed analysis: the recorded failure, else the one its old English names, else only the English', async () => {
  const failed = async (reason: string, failure?: object) => {
    const analysisId = randomUUID();
    await append(`lessonAnalysis-${analysisId}`, [
      {
        type: 'LessonAnalysisRequested',
        data: {
          analysisId,
          orgId,
          enrollmentId: randomUUID(),
          courseId: randomUUID(),
          studentId: randomUUID(),
          scope: 'single',
          lessons: [{ homeworkId: randomUUID(), courseLessonId: randomUUID(), status: 'passed' }],
          language: null,
          tokens: 70,
          debitEntryId: analysisId,
          requestedBy: null,
          at,
        },
      },
      {
        type: 'LessonAnalysisFailed',
        data: { analysisId, reason, ...(failure && { failure }), attempts: 2, at },
      },
    ]);
    await catchUp();
    const analysis = (await lessonAnalysisById(conn.db, orgId, analysisId))!;
    return [analysis.status, analysis.lastError, analysis.lastFailure];
  };
  assert.equal(await failed('the attempt timed out after 90000 ms'), [
    'failed',
    'the attempt timed out after 90000 ms',
    { code: 'timed_out', timeoutMs: 90_000, detail: null },
  ]);
  const engine = { code: 'engine_failed', timeoutMs: null, detail: 'connection refused' };
  assert.equal(await failed('the engine failed: connection refused', engine), [
    'failed',
    'the engine failed: connection refused',
    engine,
  ]);
  assert.equal(await failed('the worker was struck by lightning'), [
    'failed',
    'the worker was struck by lightning',
    null,
  ]);
});

test.run();
