// The follow-up message after a lesson: its teacher (or an admin) sends it to the session's students once the
// session has ended. Lectern adds what each student needs from the read models at that moment: their homework
// still to do and their next scheduled session. Sending again replaces it (a new revision, mailed again).
import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { RuleViolation } from '../domain/shared/errors.js';
import type { FollowUpStudent, FollowUpText } from '../domain/followUp/followUp.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, type CommandContext } from './handleCommand.js';
import { followUps } from './aggregates.js';
import { requireManager, type Scheduler } from './liveSessionAccess.js';

type Deps = { db: Db; eventStore: EventStore };

export async function sendFollowUp(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  text: FollowUpText,
  context: CommandContext,
) {
  const { state } = await requireManager(deps, actor, liveSessionId);
  if (state.status !== 'ended')
    throw new RuleViolation('session_not_ended', 'a follow-up is sent once the session has ended');
  if (state.participants.length === 0)
    throw new RuleViolation('no_students', 'this session has no students to follow up with');
  const students = await studentsOf(deps.db, state.orgId, context.now, state.participants);
  return handleCommand(
    deps.eventStore,
    followUps,
    liveSessionId,
    {
      type: 'SendFollowUp',
      liveSessionId,
      orgId: state.orgId,
      teacherId: state.teacherId,
      text,
      students,
      sentBy: actor.personId,
      at: context.now,
    },
    context,
  );
}

/** Each student's homework still to do (added or started) and next scheduled session after `now`. */
async function studentsOf(
  db: Db,
  orgId: string,
  now: string,
  participants: { studentId: string; enrollmentId: string | null }[],
): Promise<FollowUpStudent[]> {
  const enrollmentIds = participants.flatMap((p) => (p.enrollmentId ? [p.enrollmentId] : []));
  const homework =
    enrollmentIds.length > 0
      ? await db
          .selectFrom('homework as h')
          .leftJoin('course_lessons as l', 'l.id', 'h.course_lesson_id')
          .select(['h.id', 'h.enrollment_id', 'h.status', 'l.title'])
          .where('h.org_id', '=', orgId)
          .where('h.enrollment_id', 'in', enrollmentIds)
          .where('h.status', 'in', ['added', 'started'])
          .orderBy('h.scheduled_for')
          .orderBy('l.position')
          .execute()
      : [];
  const studentIds = participants.map((p) => p.studentId);
  const next = await db
    .selectFrom('schedule_participants as p')
    .innerJoin('schedule_sessions as s', 's.id', 'p.session_id')
    .select(['p.student_id', 's.id', 's.starts_at', 's.time_zone', 's.title'])
    .distinctOn('p.student_id')
    .where('s.org_id', '=', orgId)
    .where('p.student_id', 'in', studentIds)
    .where('s.status', '=', 'scheduled')
    .where('s.starts_at', '>', sql<Date>`${now}::timestamptz`)
    .orderBy('p.student_id')
    .orderBy('s.starts_at')
    .execute();
  return participants.map((p) => {
    const n = next.find((x) => x.student_id === p.studentId);
    return {
      studentId: p.studentId,
      homework: homework
        .filter((h) => h.enrollment_id === p.enrollmentId)
        .map((h) => ({ homeworkId: h.id, enrollmentId: h.enrollment_id, title: h.title, status: h.status })),
      nextSession: n
        ? {
            liveSessionId: n.id,
            start: new Date(n.starts_at).toISOString(),
            timeZone: n.time_zone,
            title: n.title,
          }
        : null,
    };
  });
}
