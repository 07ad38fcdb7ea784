// Post-session summaries, the write side: the "Post-Session Summary" switch of an enrollment (its teacher or an
// admin) or a student group (admins), a person's own "Lesson Summary" mail preference, and making the summaries
// of a group session once it ended: for every participant when its student group has the switch on, else for
// those whose enrollment has it on. The students whose preference is on are named in the event for the mail.
// Each making (at the end, or again after a correction: a new revision) is paid from the organisation's wallet.
import { ForbiddenError, NotFoundError } from '../domain/shared/errors.js';
import { personLanguageOf, type PersonLanguage } from '../domain/shared/languages.js';
import type { Role } from '../db/people.table.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { streamId } from './eventStore/streams.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { courses, lessonAnswers, lessonContents, liveSessions, sessionSummaries } from './aggregates.js';
import { loadEnrollmentFor } from './enrollments.js';
import { answersStreamId, LessonAnswersEvent } from '../domain/lessonContent/answers.js';
import type { LessonDocument } from '../domain/lessonContent/document.js';
import { studentSummary, teacherSummary } from '../domain/sessionSummary/summary.js';
import { sessionFacts } from './sessionSummaryFacts.js';
import { SessionSummaryEvent } from '../domain/sessionSummary/events.js';
import { chargeSummaries, summaryRecipientsOf } from './sessionSummaryBilling.js';

type Deps = { db: Db; eventStore: EventStore };
export type SummaryActor = { personId: string; orgId: string; role: Role };
export type SwitchTarget = { kind: 'enrollment' | 'group'; id: string };

/** The target, if the actor may switch it: an enrollment's teacher or an admin; a group, admins only. */
async function requireTarget(deps: Deps, actor: SummaryActor, target: SwitchTarget) {
  if (actor.role === 'student')
    throw new ForbiddenError('teacher_or_admin_only', 'teachers and admins switch post-session summaries');
  if (target.kind === 'enrollment') return void (await loadEnrollmentFor(deps.eventStore, actor, target.id));
  if (actor.role !== 'admin')
    throw new ForbiddenError('admin_only', "only admins change a group's post-session summary");
  const group = await deps.db
    .selectFrom('student_groups')
    .select('id')
    .where('id', '=', target.id)
    .where('org_id', '=', actor.orgId)
    .where('kind', '=', 'students')
    .executeTakeFirst();
  if (!group) throw new NotFoundError('group');
}

export async function summarySwitch(deps: Deps, actor: SummaryActor, target: SwitchTarget) {
  await requireTarget(deps, actor, target);
  const row = await deps.db
    .selectFrom('summary_switches')
    .select('enabled')
    .where('target_kind', '=', target.kind)
    .where('target_id', '=', target.id)
    .executeTakeFirst();
  return { enabled: row?.enabled ?? false };
}

export async function setSummarySwitch(
  deps: Deps,
  actor: SummaryActor,
  target: SwitchTarget,
  enabled: boolean,
  now: string,
) {
  await requireTarget(deps, actor, target);
  await deps.db
    .insertInto('summary_switches')
    .values({
      target_kind: target.kind,
      target_id: target.id,
      org_id: actor.orgId,
      enabled,
      updated_by: actor.personId,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['target_kind', 'target_id'])
        .doUpdateSet({ enabled, updated_by: actor.personId, updated_at: now }),
    )
    .execute();
  return { enabled };
}

const languageOf = personLanguageOf;

export async function preferencesOf(db: Db, personId: string) {
  const row = await db
    .selectFrom('person_preferences')
    .select(['lesson_summary', 'language'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return { lessonSummary: row?.lesson_summary ?? true, language: languageOf(row?.language) };
}

export async function setPreferences(
  db: Db,
  actor: SummaryActor,
  input: { lessonSummary?: boolean; language?: PersonLanguage },
  now: string,
) {
  const current = await preferencesOf(db, actor.personId);
  const next = { ...current, ...input };
  await db
    .insertInto('person_preferences')
    .values({
      person_id: actor.personId,
      org_id: actor.orgId,
      lesson_summary: next.lessonSummary,
      language: next.language,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .column('person_id')
        .doUpdateSet({ lesson_summary: next.lessonSummary, language: next.language, updated_at: now }),
    )
    .execute();
  return preferencesOf(db, actor.personId);
}

async function switchedOn(db: Db, kind: 'enrollment' | 'group', ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('summary_switches')
    .select('target_id')
    .where('target_kind', '=', kind)
    .where('target_id', 'in', ids)
    .where('enabled', '=', true)
    .execute();
  return new Set(rows.map((r) => r.target_id));
}

/** Each participant's homework of the session's lesson and its status now (the homework read model). */
async function homeworkAtEnd(db: Db, orgId: string, courseLessonId: string | null, enrollments: string[]) {
  if (!courseLessonId || enrollments.length === 0) return [];
  return db
    .selectFrom('homework')
    .select(['id', 'enrollment_id', 'status'])
    .where('org_id', '=', orgId)
    .where('course_lesson_id', '=', courseLessonId)
    .where('enrollment_id', 'in', enrollments)
    .execute();
}

export type MakeOptions = { revision?: number; requestedBy?: string | null };

/**
 * Makes the summaries of an ended group session, if any participant is switched on, and debits the
 * organisation's wallet for them; when it cannot pay, the revision is recorded as refused and none are made.
 */
export async function makeSessionSummaries(
  deps: Deps,
  liveSessionId: string,
  context: CommandContext,
  options: MakeOptions = {},
) {
  const revision = options.revision ?? 0;
  const requestedBy = options.requestedBy ?? null;
  const session = (await loadAggregate(deps.eventStore, liveSessions, liveSessionId)).state;
  if (session.status !== 'ended' || session.kind !== 'group') return null;
  const groupOn =
    session.studentGroupId !== null &&
    (await switchedOn(deps.db, 'group', [session.studentGroupId])).has(session.studentGroupId);
  const enrollmentIds = session.participants.flatMap((p) => (p.enrollmentId ? [p.enrollmentId] : []));
  const enrollmentsOn = await switchedOn(deps.db, 'enrollment', enrollmentIds);
  const students = session.participants
    .filter((p) => groupOn || (p.enrollmentId !== null && enrollmentsOn.has(p.enrollmentId)))
    .map((p) => p.studentId);
  if (students.length === 0) return null;
  const documents: Record<number, LessonDocument> = {};
  let lessonTitle = session.title ?? '';
  if (session.courseLessonId) {
    const content = (await loadAggregate(deps.eventStore, lessonContents, session.courseLessonId)).state;
    if (content.status === 'active')
      for (const r of Object.values(content.revisions)) documents[r.revision] = r.document;
    const course = (await loadAggregate(deps.eventStore, courses, session.courseId)).state;
    if (course.status === 'active')
      lessonTitle ||= course.lessons.find((l) => l.lessonId === session.courseLessonId)?.title ?? '';
  }
  const facts = await sessionFacts(deps.eventStore, session, students, documents);
  const homework = await homeworkAtEnd(deps.db, session.orgId, session.courseLessonId, enrollmentIds);
  const participantOf = new Map(session.participants.map((p) => [p.enrollmentId, p.studentId]));
  const homeworkOf = Object.fromEntries(
    homework.flatMap((h) => {
      const studentId = participantOf.get(h.enrollment_id);
      return studentId ? [[studentId, { homeworkId: h.id, status: h.status }]] : [];
    }),
  );
  // Each student's summary is written in their own language, and mailed when their preference is on.
  const preferences = await deps.db
    .selectFrom('person_preferences')
    .select(['person_id', 'lesson_summary', 'language'])
    .where('person_id', 'in', students)
    .execute();
  const languages = new Map(preferences.map((p) => [p.person_id, languageOf(p.language)]));
  const summaries = await Promise.all(
    students.map(async (studentId) => {
      const stream = streamId(
        lessonAnswers.category,
        answersStreamId({ kind: 'live', id: liveSessionId }, studentId),
      );
      const events = (await deps.eventStore.readStream(stream)).map((e) =>
        LessonAnswersEvent.parse({ type: e.type, data: e.data }),
      );
      return studentSummary(studentId, Boolean(session.presence[studentId]), events, documents, {
        newWords: facts.newWords,
        speakingSeconds: facts.speakingOf(studentId),
        language: languages.get(studentId) ?? 'en',
      });
    }),
  );
  const off = new Set(preferences.filter((p) => !p.lesson_summary).map((p) => p.person_id));
  // Made again after a correction: only those whose own summary changed are mailed again.
  const previous = revision > 0 ? await lastMade(deps, liveSessionId) : undefined;
  const unchanged = new Set(
    summaries
      .filter((own) =>
        sameSummary(
          previous?.studentSummaries.find((p) => p.studentId === own.studentId),
          own,
        ),
      )
      .map((own) => own.studentId),
  );
  const teacher = teacherSummary(summaries, { ...facts, homework: homeworkOf });
  const charge = await chargeSummaries(deps, session.orgId, liveSessionId, revision, context);
  if (!charge.paid) {
    const { paid: _p, ...refusal } = charge;
    return handleCommand(
      deps.eventStore,
      sessionSummaries,
      liveSessionId,
      {
        type: 'RefusePostSessionSummaries',
        liveSessionId,
        orgId: session.orgId,
        teacherId: session.teacherId,
        revision,
        requestedBy,
        ...refusal,
        at: context.now,
      },
      context,
    );
  }
  return handleCommand(
    deps.eventStore,
    sessionSummaries,
    liveSessionId,
    {
      type: 'MakePostSessionSummaries',
      liveSessionId,
      orgId: session.orgId,
      teacherId: session.teacherId,
      courseLessonId: session.courseLessonId,
      lessonTitle: lessonTitle || 'Live lesson',
      teacherSummary: teacher,
      studentSummaries: summaries,
      mailTo: students.filter((id) => !off.has(id) && !unchanged.has(id)),
      mailTeacherSummary:
        (await summaryRecipientsOf(deps.db, session.orgId)).length > 0 &&
        !sameSummary(previous?.teacherSummary, teacher),
      revision,
      requestedBy,
      costTokens: charge.tokens,
      at: context.now,
    },
    context,
  );
}

/** The newest summaries made for the session so far. */
async function lastMade(deps: Deps, liveSessionId: string) {
  const events = await deps.eventStore.readStream(streamId(sessionSummaries.category, liveSessionId));
  const made = events
    .map((e) => SessionSummaryEvent.parse({ type: e.type, data: e.data }))
    .filter((e) => e.type === 'PostSessionSummariesMade');
  return made.at(-1)?.data;
}

/** Equal content, whatever the order of the keys (one side was read back from the log). */
const sameSummary = (a: unknown, b: unknown) => a !== undefined && canonical(a) === canonical(b);
const canonical = (x: unknown): string =>
  JSON.stringify(x, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([k1], [k2]) => k1.localeCompare(k2)))
      : value,
  );
