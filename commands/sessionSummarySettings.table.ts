// Mutable settings of post-session summaries (migration 0710): the "Post-Session Summary" switch of an
// enrollment or a student group, and a person's "Lesson Summary" mail preference (on unless switched off).
export interface SummarySwitchesTable {
  target_kind: 'enrollment' | 'group';
  target_id: string;
  org_id: string;
  enabled: boolean;
  updated_by: string | null;
  updated_at: Date | string;
}

export interface PersonPreferencesTable {
  person_id: string;
  org_id: string;
  lesson_summary: boolean;
  /** Their own language (a PersonLanguage): their summaries and summary mails are written in it. */
  language: string | null;
  updated_at: Date | string;
}
