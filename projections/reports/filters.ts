// The filters every report takes, turned into SQL: organisation, period, teacher, course, student group and
// training, and the week/month buckets in the organisation's chosen time zone.
import { sql, type RawBuilder } from 'kysely';

export type ReportFilter = {
  orgId: string;
  from: Date;
  to: Date;
  groupBy: 'week' | 'month';
  timeZone: string;
  teacherId?: string;
  courseId?: string;
  studentGroupId?: string;
  trainingId?: string;
};

type Columns = {
  org: string;
  time: string;
  teacher?: string;
  course?: string;
  student?: string;
  group?: string;
  training?: string;
};

/** `AND`-joined conditions for the filter, on the given columns. */
export function conditions(f: ReportFilter, c: Columns): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    sql`${sql.ref(c.org)} = ${f.orgId}`,
    sql`${sql.ref(c.time)} >= ${f.from}`,
    sql`${sql.ref(c.time)} < ${f.to}`,
  ];
  if (f.teacherId && c.teacher) parts.push(sql`${sql.ref(c.teacher)} = ${f.teacherId}`);
  if (f.courseId && c.course) parts.push(sql`${sql.ref(c.course)} = ${f.courseId}`);
  if (f.trainingId && c.training) parts.push(sql`${sql.ref(c.training)} = ${f.trainingId}`);
  if (f.studentGroupId) {
    // Per-student rows: the student is in the group. Per-session rows: the session is the group's.
    if (c.student)
      parts.push(
        sql`${sql.ref(c.student)} IN (SELECT person_id FROM student_group_members WHERE group_id = ${f.studentGroupId})`,
      );
    else if (c.group) parts.push(sql`${sql.ref(c.group)} = ${f.studentGroupId}`);
  }
  return sql.join(parts, sql` AND `);
}

/** The start of the week (Monday) or month of `column`, in the filter's time zone, as YYYY-MM-DD. */
export function period(f: ReportFilter, column: string): RawBuilder<string> {
  const unit = f.groupBy === 'month' ? 'month' : 'week';
  return sql<string>`to_char(date_trunc(${unit}, ${sql.ref(column)} AT TIME ZONE ${f.timeZone}), 'YYYY-MM-DD')`;
}
