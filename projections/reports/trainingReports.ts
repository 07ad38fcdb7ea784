// The trainings report: per section registrations, waitlist and completion rate; per training event the
// attendance of the section's registered learners.
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { ReportFilter } from './filters.js';

const num = (v: unknown) => Number(v ?? 0);

export async function trainingsReport(db: Db, f: ReportFilter) {
  const training = f.trainingId ? sql`AND t.training_id = ${f.trainingId}` : sql``;
  // A section is in the period when one of its events is.
  const sections = await sql<Record<string, unknown>>`
    SELECT s.section_id, s.name AS section, t.training_id, t.name AS training, s.capacity,
           count(r.learner_id) FILTER (WHERE r.status = 'registered') AS registered,
           count(r.learner_id) FILTER (WHERE r.status = 'pending') AS pending,
           count(r.learner_id) FILTER (WHERE r.status = 'waitlisted') AS waitlisted,
           count(r.learner_id) FILTER (WHERE r.ever_waitlisted) AS ever_waitlisted,
           count(r.learner_id) FILTER (WHERE r.status = 'registered' AND r.completed) AS completed
    FROM report_training_sections s
    JOIN report_trainings t ON t.training_id = s.training_id
    LEFT JOIN report_training_registrations r ON r.section_id = s.section_id
    WHERE s.org_id = ${f.orgId} AND NOT s.removed ${training}
      AND EXISTS (SELECT 1 FROM report_training_events e WHERE e.section_id = s.section_id AND e.starts_at >= ${f.from} AND e.starts_at < ${f.to})
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 4, 2`.execute(db);
  const events = await sql<Record<string, unknown>>`
    SELECT e.training_event_id, e.section_id, s.name AS section, t.name AS training, e.starts_at, e.ends_at, e.time_zone, e.canceled,
           (SELECT count(*) FROM report_training_registrations r WHERE r.section_id = e.section_id AND r.status = 'registered') AS registered,
           count(a.learner_id) FILTER (WHERE a.attended) AS attended,
           count(a.learner_id) FILTER (WHERE a.attended AND a.confirmed) AS confirmed
    FROM report_training_events e
    JOIN report_training_sections s ON s.section_id = e.section_id
    JOIN report_trainings t ON t.training_id = e.training_id
    LEFT JOIN report_training_attendance a ON a.training_event_id = e.training_event_id
    WHERE e.org_id = ${f.orgId} AND e.starts_at >= ${f.from} AND e.starts_at < ${f.to} ${training}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 5`.execute(db);
  return {
    sections: sections.rows.map((r) => {
      const registered = num(r.registered);
      const completed = num(r.completed);
      return {
        sectionId: String(r.section_id),
        section: String(r.section),
        trainingId: String(r.training_id),
        training: String(r.training),
        capacity: num(r.capacity),
        registered,
        pending: num(r.pending),
        waitlisted: num(r.waitlisted),
        everWaitlisted: num(r.ever_waitlisted),
        completed,
        completionRate: registered === 0 ? null : completed / registered,
      };
    }),
    events: events.rows.map((r) => ({
      trainingEventId: String(r.training_event_id),
      sectionId: String(r.section_id),
      section: String(r.section),
      training: String(r.training),
      start: new Date(r.starts_at as string).toISOString(),
      end: new Date(r.ends_at as string).toISOString(),
      timeZone: String(r.time_zone),
      canceled: Boolean(r.canceled),
      registered: num(r.registered),
      attended: num(r.attended),
      confirmed: num(r.confirmed),
    })),
  };
}
