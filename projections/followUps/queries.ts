// Reads of the follow-up messages: the whole message (staff) or a student's own part of it.
import type { Db } from '../../db/schema.js';
import type { FollowUpStudent } from '../../domain/followUp/followUp.js';

export type FollowUpView = {
  liveSessionId: string;
  revision: number;
  keyPoints: string;
  resources: string[];
  preparation: string | null;
  students: FollowUpStudent[];
  sentBy: string;
  sentAt: string;
};

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The session's follow-up; `studentId` keeps only that student's part. Undefined when none was sent. */
export async function followUpOf(
  db: Db,
  orgId: string,
  liveSessionId: string,
  studentId?: string,
): Promise<FollowUpView | undefined> {
  const row = await db
    .selectFrom('follow_ups')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('live_session_id', '=', liveSessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const students = json<FollowUpStudent[]>(row.students);
  return {
    liveSessionId: row.live_session_id,
    revision: row.revision,
    keyPoints: row.key_points,
    resources: json<string[]>(row.resources),
    preparation: row.preparation,
    students: studentId ? students.filter((s) => s.studentId === studentId) : students,
    sentBy: row.sent_by,
    sentAt: new Date(row.sent_at).toISOString(),
  };
}
