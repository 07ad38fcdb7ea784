// The shapes the API returns: the zod response schemas in contract/ are the source of truth (types only here).
import type { ScheduleEntry } from '../../../contract/schedule';

export type { Course, Enrollment, Lesson, Participant, ScheduleEntry } from '../../../contract/schedule';

export const sessionTitle = (s: ScheduleEntry) =>
  s.title ??
  (s.kind === 'individual' && s.participants[0]?.name
    ? `${s.courseName ?? 'Lesson'} · ${s.participants[0].name}`
    : (s.courseName ?? 'Live session'));
