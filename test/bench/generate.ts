// Writes a large, realistic history straight into the events table with COPY (what a year of scheduling looks
// like), so read-model benchmarks do not wait on the command path to create it.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

type Line = [stream: string, revision: number, type: string, data: unknown, metadata?: unknown];

/** Live-session histories: each session is scheduled, then some are rescheduled, joined, renamed or canceled. */
export function* scheduleHistory(events: number, orgId = randomUUID()): Generator<Line> {
  const teachers = Array.from({ length: 50 }, randomUUID);
  const students = Array.from({ length: 1000 }, randomUUID);
  const course = randomUUID();
  let written = 0;
  for (let i = 0; written < events; i++) {
    const id = randomUUID();
    const stream = `liveSession-${id}`;
    const start = new Date(Date.UTC(2026, 0, 1) + i * 900_000).toISOString();
    const participants = [
      { studentId: students[i % 1000]!, enrollmentId: null },
      { studentId: students[(i * 7) % 1000]!, enrollmentId: null },
    ];
    yield [
      stream,
      0,
      'LiveSessionScheduled',
      {
        liveSessionId: id,
        orgId,
        kind: 'group',
        courseId: course,
        courseLessonId: null,
        teacherId: teachers[i % 50]!,
        enrollmentId: null,
        studentGroupId: null,
        participants,
        start,
        durationMinutes: 45,
        timeZone: 'Europe/Berlin',
        title: `Lesson ${i}`,
        notes: null,
      },
    ];
    written++;
    let rev = 1;
    if (i % 4 === 0 && written < events) {
      yield [
        stream,
        rev++,
        'LiveSessionRescheduled',
        {
          liveSessionId: id,
          start: new Date(Date.parse(start) + 3_600_000).toISOString(),
          durationMinutes: 60,
          timeZone: 'Europe/Berlin',
        },
      ];
      written++;
    }
    if (i % 3 === 0 && written < events) {
      yield [
        stream,
        rev++,
        'LiveSessionParticipantAdded',
        { liveSessionId: id, studentId: students[(i * 13 + 1) % 1000]!, enrollmentId: null },
      ];
      written++;
    }
    if (i % 5 === 0 && written < events) {
      yield [
        stream,
        rev++,
        'LiveSessionDetailsChanged',
        { liveSessionId: id, title: `Lesson ${i} (revised)`, notes: 'bring questions', courseLessonId: null },
      ];
      written++;
    }
    if (i % 10 === 0 && written < events) {
      yield [stream, rev++, 'LiveSessionCanceled', { liveSessionId: id, reason: 'teacher is ill' }];
      written++;
    }
  }
}

const escape = (json: string) => json.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

/** COPYs the lines into `events`; returns how many rows were written. */
export async function copyEvents(url: string, lines: Iterable<Line>): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  let count = 0;
  const metadata = escape(
    JSON.stringify({
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actorId: null,
      orgId: randomUUID(),
      at: '2026-01-01T00:00:00Z',
    }),
  );
  function* chunks() {
    let chunk = '';
    for (const [stream, revision, type, data, meta] of lines) {
      chunk += `${stream}\t${revision}\t${randomUUID()}\t${type}\t${escape(JSON.stringify(data))}\t${meta ? escape(JSON.stringify(meta)) : metadata}\n`;
      if (++count % 2000 === 0) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  try {
    await pipeline(
      Readable.from(chunks()),
      client.query(
        copyFrom('COPY events (stream_id, stream_revision, event_id, type, data, metadata) FROM STDIN'),
      ),
    );
  } finally {
    await client.end();
  }
  return count;
}
