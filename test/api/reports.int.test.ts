// Reports on a generated history: every figure equals a count made directly from the generated events, and
// the CSV exports open cleanly (UTF-8 with BOM, header row, every field quoted).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type Session, type TestApp } from '../support/app.js';
import { status, problem } from '../support/assert.js';
import { generateHistory, type HistoryEvent } from '../bench/history.js';

type Ctx = { t: TestApp; admin: Session; events: HistoryEvent[]; teacher: Session };
const test = suite<Ctx>('reports');
const from = new Date('2026-01-01T00:00:00Z');
const to = new Date('2026-07-01T00:00:00Z');
const now = new Date('2026-06-01T00:00:00Z');
const month = (iso: string) => `${iso.slice(0, 7)}-01`;
const q = `from=${from.toISOString()}&to=${to.toISOString()}&groupBy=month`;

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  const { orgId, admin } = await ctx.t.organisation('Report School');
  ctx.admin = admin;
  ctx.teacher = await ctx.t.person(orgId, 'teacher');
  const gen = generateHistory({
    orgId,
    adminId: admin.id,
    students: 40,
    teachers: 4,
    sessions: 300,
    trainings: 2,
    from,
    days: 180,
    now,
  });
  ctx.events = [];
  for (let r = gen.next(); !r.done; r = gen.next()) ctx.events.push(r.value);
  // Append stream by stream, in the generated order within each stream.
  const streams = new Map<string, HistoryEvent[]>();
  for (const e of ctx.events) streams.set(e.stream, [...(streams.get(e.stream) ?? []), e]);
  for (const [stream, events] of streams) {
    await ctx.t.deps.eventStore.appendToStream(
      stream,
      events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata })),
      { expectedRevision: 'no_stream' },
    );
  }
  // Settle (process managers may append more, e.g. billing), then count from what the store holds.
  await ctx.t.settle();
  await new Promise((r) => setTimeout(r, 500));
  await ctx.t.settle();
  const generated = ctx.events.length;
  ctx.events = [];
  for (let after: string | null = null; ;) {
    const page = await ctx.t.deps.eventStore.readAll({ after, limit: 1000 });
    for (const e of page)
      ctx.events.push({
        stream: e.streamId,
        type: e.type,
        data: e.data as Record<string, unknown>,
        metadata: e.metadata,
      });
    if (page.length < 1000) break;
    after = page[page.length - 1]!.position;
  }
  assert.ok(
    ctx.events.length >= generated,
    `the store holds the generated history (${ctx.events.length} of ${generated})`,
  );
  for (const type of [
    'LiveSessionCompleted',
    'LiveSessionCanceled',
    'WalletDebited',
    'WalletEntryReversed',
    'StudentScored',
    'AttendanceConfirmed',
  ]) {
    assert.ok(
      ctx.events.some((e) => e.type === type),
      `the history has ${type}`,
    );
  }
});
test.after(async ({ t }) => t.close());

const of = (events: HistoryEvent[], type: string) => events.filter((e) => e.type === type);
type Attendance = { studentId: string; status: string; late: boolean; minutesPresent: number };

test('attendance: held sessions, present, late, absent and minutes per month, as counted from the events', async ({
  admin,
  events,
}) => {
  const res = await admin.get(`/api/reports/attendance?${q}`);
  status(res, 200);
  const starts = new Map(
    of(events, 'LiveSessionScheduled').map((e) => [
      e.data.liveSessionId as string,
      e.data as { start: string; durationMinutes: number },
    ]),
  );
  const expected = new Map<
    string,
    {
      sessionsHeld: number;
      present: number;
      late: number;
      absent: number;
      minutesPresent: number;
      minutesScheduled: number;
    }
  >();
  for (const e of of(events, 'LiveSessionCompleted')) {
    const s = starts.get(e.data.liveSessionId as string)!;
    const m = month(s.start);
    const row = expected.get(m) ?? {
      sessionsHeld: 0,
      present: 0,
      late: 0,
      absent: 0,
      minutesPresent: 0,
      minutesScheduled: 0,
    };
    row.sessionsHeld++;
    for (const a of e.data.attendance as Attendance[]) {
      if (a.status === 'present') row.present++;
      else row.absent++;
      if (a.late && a.status === 'present') row.late++;
      row.minutesPresent += a.minutesPresent;
      row.minutesScheduled += s.durationMinutes;
    }
    expected.set(m, row);
  }
  const rows = res.json().rows as { period: string; attendanceRate: number }[];
  assert.equal(
    rows.map((r) => r.period),
    [...expected.keys()].sort(),
  );
  for (const r of rows) {
    const { attendanceRate, period, ...figures } = r as unknown as {
      period: string;
      attendanceRate: number;
    } & Record<string, number>;
    const e = expected.get(period)!;
    assert.equal(figures, e, period);
    assert.ok(Math.abs(attendanceRate - e.present / (e.present + e.absent)) < 1e-9);
  }
});

test('no-shows per student and cancellations by whom and how late', async ({ admin, events }) => {
  const body = (await admin.get(`/api/reports/no-shows?${q}`)).json() as {
    noShows: { studentId: string; absences: number }[];
    cancellations: { canceledBy: string; canceled: number; within24Hours: number }[];
  };
  const absences = new Map<string, number>();
  for (const e of of(events, 'LiveSessionCompleted'))
    for (const a of e.data.attendance as Attendance[])
      if (a.status === 'absent') absences.set(a.studentId, (absences.get(a.studentId) ?? 0) + 1);
  const reported = new Map<string, number>();
  for (const n of body.noShows) reported.set(n.studentId, (reported.get(n.studentId) ?? 0) + n.absences);
  assert.equal(Object.fromEntries(reported), Object.fromEntries(absences));
  const starts = new Map(
    of(events, 'LiveSessionScheduled').map((e) => [
      e.data.liveSessionId as string,
      Date.parse(e.data.start as string),
    ]),
  );
  const canceled = of(events, 'LiveSessionCanceled');
  assert.is(
    body.cancellations.reduce((n, c) => n + c.canceled, 0),
    canceled.length,
  );
  const late = canceled.filter(
    (e) => starts.get(e.data.liveSessionId as string)! - Date.parse(e.metadata.at) < 86_400_000,
  ).length;
  assert.is(
    body.cancellations.reduce((n, c) => n + c.within24Hours, 0),
    late,
  );
});

test('teaching hours per teacher: held and canceled', async ({ admin, events }) => {
  const rows = (await admin.get(`/api/reports/teaching-hours?${q}`)).json().rows as {
    teacherId: string;
    heldHours: number;
    canceledHours: number;
  }[];
  const scheduled = new Map(
    of(events, 'LiveSessionScheduled').map((e) => [
      e.data.liveSessionId as string,
      e.data as { teacherId: string; durationMinutes: number },
    ]),
  );
  const held = new Map<string, number>();
  for (const e of of(events, 'LiveSessionCompleted')) {
    const s = scheduled.get(e.data.liveSessionId as string)!;
    held.set(s.teacherId, (held.get(s.teacherId) ?? 0) + s.durationMinutes / 60);
  }
  const canceled = new Map<string, number>();
  for (const e of of(events, 'LiveSessionCanceled')) {
    const s = scheduled.get(e.data.liveSessionId as string)!;
    canceled.set(s.teacherId, (canceled.get(s.teacherId) ?? 0) + s.durationMinutes / 60);
  }
  const sum = (key: 'heldHours' | 'canceledHours', teacher: string) =>
    rows.filter((r) => r.teacherId === teacher).reduce((n, r) => n + r[key], 0);
  for (const [teacher, hours] of held)
    assert.ok(Math.abs(sum('heldHours', teacher) - hours) < 1e-6, `held ${teacher}`);
  for (const [teacher, hours] of canceled)
    assert.ok(Math.abs(sum('canceledHours', teacher) - hours) < 1e-6, `canceled ${teacher}`);
});

test('tokens: credited, debited for lessons, reversed, and balances at period end', async ({
  admin,
  events,
}) => {
  const body = (await admin.get(`/api/reports/tokens?${q}`)).json() as {
    periods: { credited: number; debitedSessions: number; reversed: number }[];
    balances: { ownerId: string; balance: number }[];
  };
  const total = (k: 'credited' | 'debitedSessions' | 'reversed') =>
    body.periods.reduce((n, p) => n + p[k], 0);
  assert.is(
    total('credited'),
    of(events, 'WalletCredited').reduce((n, e) => n + (e.data.tokens as number), 0),
  );
  assert.is(
    total('debitedSessions'),
    of(events, 'WalletDebited').reduce((n, e) => n + (e.data.tokens as number), 0),
  );
  assert.is(
    total('reversed'),
    of(events, 'WalletEntryReversed').reduce((n, e) => n + (e.data.change as number), 0),
  );
  const opened = new Set(of(events, 'WalletOpened').map((e) => e.data.walletId as string));
  const last = new Map<string, number>();
  for (const e of events) {
    if (
      'balanceAfter' in e.data &&
      opened.has(e.data.walletId as string) &&
      Date.parse(e.metadata.at) < to.getTime()
    )
      last.set(e.data.walletId as string, e.data.balanceAfter as number);
  }
  assert.ok(last.size > 0);
  assert.equal(
    Object.fromEntries(
      (body.balances as unknown as { walletId: string; balance: number }[]).map((b) => [
        b.walletId,
        b.balance,
      ]),
    ),
    Object.fromEntries(last),
  );
});

test('trainings: registrations, waitlist, completion rate per section, attendance per event', async ({
  admin,
  events,
}) => {
  const body = (await admin.get(`/api/reports/trainings?${q}`)).json() as {
    sections: {
      sectionId: string;
      registered: number;
      waitlisted: number;
      completed: number;
      completionRate: number;
    }[];
    events: { trainingEventId: string; attended: number; confirmed: number }[];
  };
  const sections = of(events, 'SectionAdded');
  assert.is(body.sections.length, sections.length);
  for (const s of body.sections) {
    const inSection = (type: string) =>
      of(events, type).filter((e) => e.data.sectionId === s.sectionId).length;
    assert.is(s.registered, inSection('LearnerRegistered'));
    assert.is(s.waitlisted, inSection('LearnerWaitlisted'));
    assert.is(s.completed, inSection('TrainingCompleted'));
    assert.is(s.completionRate, s.completed / s.registered);
  }
  for (const e of body.events) {
    const confirmed = of(events, 'AttendanceConfirmed').find(
      (x) => x.data.trainingEventId === e.trainingEventId,
    )!;
    const attended = (confirmed.data.marks as { attended: boolean }[]).filter((m) => m.attended).length;
    assert.is(e.attended, attended);
    assert.is(e.confirmed, attended);
  }
});

test('scores: average per skill per course and per teacher', async ({ admin, events }) => {
  const body = (await admin.get(`/api/reports/scores?${q}`)).json() as {
    byCourse: { id: string; scored: number; speaking: number }[];
  };
  const course = new Map(
    of(events, 'LiveSessionScheduled').map((e) => [
      e.data.liveSessionId as string,
      e.data.courseId as string,
    ]),
  );
  const speaking = new Map<string, number[]>();
  for (const e of of(events, 'StudentScored')) {
    const c = course.get(e.data.liveSessionId as string)!;
    speaking.set(c, [...(speaking.get(c) ?? []), (e.data.scores as { speaking: number }).speaking]);
  }
  for (const row of body.byCourse) {
    const values = speaking.get(row.id)!;
    assert.is(row.scored, values.length);
    assert.ok(Math.abs(row.speaking - values.reduce((a, b) => a + b, 0) / values.length) < 0.006);
  }
});

test('CSV exports: UTF-8 with BOM, a header row, quoted fields, one line per detail row with its context', async ({
  admin,
  events,
}) => {
  const res = await admin.get(`/api/reports/attendance.csv?${q}`);
  status(res, 200);
  assert.match(String(res.headers['content-type']), /text\/csv; charset=utf-8/);
  assert.match(
    String(res.headers['content-disposition']),
    /attachment; filename="attendance-2026-01-01-2026-07-01\.csv"/,
  );
  const text = res.body;
  assert.ok(
    text.startsWith(
      '\uFEFF"period","session_title","teacher","course","start","end","duration_minutes","time_zone","student"',
    ),
    text.slice(0, 200),
  );
  const lines = text.slice(1).trimEnd().split('\r\n');
  const attendees = of(events, 'LiveSessionCompleted').reduce(
    (n, e) => n + (e.data.attendance as unknown[]).length,
    0,
  );
  assert.is(lines.length - 1, attendees);
  for (const line of lines) assert.match(line, /^"[^"]*"(,"([^"]|"")*")*$/);
  assert.ok(/"Lesson \d+"/.test(lines[1]!), lines[1]);
  for (const name of ['no-shows', 'teaching-hours', 'tokens', 'trainings', 'scores']) {
    const r = await admin.get(`/api/reports/${name}.csv?${q}`);
    status(r, 200);
    assert.ok(r.body.startsWith('\uFEFF"'), name);
    assert.ok(r.body.split('\r\n').length > 2, `${name} has rows`);
  }
});

test('reports are for admins; bad filters are 400', async ({ admin, teacher }) => {
  problem(await teacher.get(`/api/reports/attendance?${q}`), 403);
  problem(
    await admin.get(`/api/reports/attendance?from=${to.toISOString()}&to=${from.toISOString()}`),
    400,
    'validation',
  );
  problem(await admin.get(`/api/reports/attendance?${q}&timeZone=Mars/Base`), 400, 'validation');
});

test.run();
