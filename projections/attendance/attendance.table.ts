// Tables of the attendance and scores read model (migration 0201).
export interface AttendanceCompletionsTable {
  session_id: string;
  org_id: string;
  action: string;
  covered: string | null;
  struggled: string | null;
  next: string | null;
  /** Who wrote the notes (null on rows written before migration 0820, until a rebuild). */
  completed_by: string | null;
  verified: boolean;
  completed_at: Date | string;
}

export interface AttendanceRecordsTable {
  session_id: string;
  student_id: string;
  org_id: string;
  status: string;
  reason: string | null;
  minutes_present: number;
  late: boolean;
  first_joined_at: Date | string | null;
  charged_tokens: number;
}

export interface AttendanceFeedbackTable {
  session_id: string;
  student_id: string;
  org_id: string;
  speaking: number;
  listening: number;
  reading: number;
  writing: number;
  grammar: number;
  vocabulary: number;
  engagement: number;
  comment: string | null;
  verified: boolean;
}
