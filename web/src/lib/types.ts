// The shapes the API returns (mirrors of the zod response schemas in api/routes).
export type Participant = { studentId: string; name: string | null; enrollmentId: string | null };

export type ScheduleEntry = {
  id: string;
  kind: string;
  status: string;
  courseId: string;
  courseName: string | null;
  courseLessonId: string | null;
  enrollmentId: string | null;
  studentGroupId: string | null;
  teacherId: string;
  teacherName: string | null;
  start: string;
  end: string;
  durationMinutes: number;
  timeZone: string;
  title: string | null;
  notes: string | null;
  cancelReason: string | null;
  participants: Participant[];
  revision: number;
  joinOpensAt: string;
};

export type Lesson = { id: string; title: string; kind: string; position: number };
export type Course = { id: string; name: string; lessons: Lesson[] };

export type Enrollment = {
  id: string;
  courseId: string;
  courseName: string | null;
  studentId: string;
  studentName: string | null;
  teacherId: string;
  teacherName: string | null;
  defaultLessonMinutes: number;
  lessonCostTokens: number;
};

export const sessionTitle = (s: ScheduleEntry) =>
  s.title ??
  (s.kind === 'individual' && s.participants[0]?.name
    ? `${s.courseName ?? 'Lesson'} · ${s.participants[0].name}`
    : (s.courseName ?? 'Live session'));
