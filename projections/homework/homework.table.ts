// The homework read model: one row per homework assignment still on an enrollment.
export interface HomeworkTable {
  id: string;
  org_id: string;
  enrollment_id: string;
  course_lesson_id: string;
  status: string;
  scheduled_for: Date | string | null;
  assigned_at: Date | string;
  updated_at: Date | string;
  last_revision: number;
}
