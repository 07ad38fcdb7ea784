// Attendance from presence: minutes in the room, late arrival, and the sheet the completion flow confirms.
import { RuleViolation } from '../shared/errors.js';
import { addMinutes } from '../shared/time.js';
import type { AttendanceRecord } from './lifecycleEvents.js';
import type { ExistingSession } from './state.js';

/** Joining later than this after the start counts as a late arrival. */
export const LATE_GRACE_MINUTES = 5;
/** The room opens this long before the start: joining and starting are allowed from then. */
export const ROOM_OPENS_MINUTES_BEFORE = 10;

export type AttendanceMark = { studentId: string; status: 'present' | 'absent'; reason: string | null };

export const roomOpensAt = (state: ExistingSession) => addMinutes(state.start, -ROOM_OPENS_MINUTES_BEFORE);

/** The lesson begins at the later of the scheduled start and the teacher's start: waiting time is not counted. */
function lessonBegan(state: ExistingSession): number {
  return Math.max(Date.parse(state.start), state.startedAt ? Date.parse(state.startedAt) : 0);
}

export function minutesPresent(state: ExistingSession, personId: string, until: string): number {
  const presence = state.presence[personId];
  if (!presence) return 0;
  const from = lessonBegan(state);
  const to = Date.parse(until);
  let ms = 0;
  for (const interval of presence.intervals) {
    const a = Math.max(Date.parse(interval.from), from);
    const b = Math.min(interval.to === null ? to : Date.parse(interval.to), to);
    if (b > a) ms += b - a;
  }
  return Math.round(ms / 60_000);
}

export function isLate(state: ExistingSession, personId: string): boolean {
  const presence = state.presence[personId];
  if (!presence) return false;
  return Date.parse(presence.firstJoinedAt) > lessonBegan(state) + LATE_GRACE_MINUTES * 60_000;
}

/**
 * Who was there: participants who joined are present unless the teacher says otherwise; one who never joined
 * needs a mark (absent, or present with a reason), so the record and the billing match what happened.
 */
export function attendanceSheet(
  state: ExistingSession,
  marks: AttendanceMark[],
  until: string,
): AttendanceRecord[] {
  const markOf = new Map(marks.map((m) => [m.studentId, m]));
  const unknown = marks.filter((m) => !state.participants.some((p) => p.studentId === m.studentId));
  if (unknown.length > 0)
    throw new RuleViolation(
      'not_a_participant',
      'a student named here is not a participant of this session',
      {
        studentIds: unknown.map((m) => m.studentId),
      },
    );
  const unmarked = state.participants.filter((p) => !state.presence[p.studentId] && !markOf.has(p.studentId));
  if (unmarked.length > 0)
    throw new RuleViolation(
      'attendance_unmarked',
      'mark every student who never joined as absent (or present, with a reason) before finishing',
      { studentIds: unmarked.map((p) => p.studentId) },
    );
  return state.participants.map(({ studentId }) => {
    const joined = state.presence[studentId];
    const mark = markOf.get(studentId);
    const status = mark?.status ?? 'present';
    const reason = mark?.reason?.trim() || null;
    if (!joined && status === 'present' && !reason)
      throw new RuleViolation('reason_required', 'a student who never joined is present only with a reason', {
        studentIds: [studentId],
      });
    return {
      studentId,
      status,
      reason,
      minutesPresent: minutesPresent(state, studentId, until),
      late: isLate(state, studentId),
      firstJoinedAt: joined?.firstJoinedAt ?? null,
    };
  });
}
