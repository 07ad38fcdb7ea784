// The follow-up messages read model's table (migration 0990).
import type { ColumnType } from 'kysely';

export interface FollowUpsTable {
  live_session_id: string;
  org_id: string;
  teacher_id: string;
  revision: number;
  key_points: string;
  resources: ColumnType<unknown, string, string>;
  preparation: string | null;
  students: ColumnType<unknown, string, string>;
  sent_by: string;
  sent_at: Date | string;
}
