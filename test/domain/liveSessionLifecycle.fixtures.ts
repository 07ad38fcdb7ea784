// Events of one group live session (three students, 16:00-17:00), shared by the lifecycle specs.
import type { LiveSessionEvent } from '../../domain/liveSession/events.js';

export const id = 'ls1';
export const start = '2026-11-24T16:00:00.000Z';
export const at = (minutesFromStart: number) =>
  new Date(Date.parse(start) + minutesFromStart * 60_000).toISOString();
export const scheduled: LiveSessionEvent = {
  type: 'LiveSessionScheduled',
  data: {
    liveSessionId: id,
    orgId: 'org',
    kind: 'group',
    courseId: 'course',
    courseLessonId: null,
    teacherId: 'teacher',
    enrollmentId: null,
    studentGroupId: null,
    participants: [
      { studentId: 's1', enrollmentId: 'e1' },
      { studentId: 's2', enrollmentId: 'e2' },
      { studentId: 's3', enrollmentId: 'e3' },
    ],
    start,
    durationMinutes: 60,
    timeZone: 'Europe/Berlin',
    title: null,
    notes: null,
  },
};
export const started = (m = 0): LiveSessionEvent => ({
  type: 'LiveSessionStarted',
  data: { liveSessionId: id, at: at(m) },
});
export const joined = (personId: string, m: number): LiveSessionEvent => ({
  type: 'ParticipantJoined',
  data: { liveSessionId: id, personId, at: at(m) },
});
export const left = (personId: string, m: number): LiveSessionEvent => ({
  type: 'ParticipantLeft',
  data: { liveSessionId: id, personId, at: at(m) },
});
export const ended = (m: number): LiveSessionEvent => ({
  type: 'LiveSessionEnded',
  data: { liveSessionId: id, at: at(m) },
});
