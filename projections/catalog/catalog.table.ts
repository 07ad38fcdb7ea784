export interface CoursesTable {
  id: string;
  org_id: string;
  name: string;
  language: string | null;
  last_revision: number;
}

export interface CourseLessonsTable {
  id: string;
  course_id: string;
  org_id: string;
  title: string;
  kind: string;
  position: number;
}

export interface EnrollmentsTable {
  id: string;
  org_id: string;
  course_id: string;
  student_id: string;
  teacher_id: string;
  default_lesson_minutes: number;
  lesson_cost_tokens: number;
  last_revision: number;
}
