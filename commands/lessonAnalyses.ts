// Lesson analyses, the write side: who may request and read one, which lessons may be analysed (homework passed
// or verified, from the homework read model), and paying for it: the organisation's wallet is debited when the
// analysis is requested, with the analysis id as the ledger line's id, and the analysis is recorded. The same
// Idempotency-Key names the same analysis, so a repeat neither pays nor requests twice. The work itself is the
// lessonAnalysis process (commands/processes/lessonAnalysis.ts).
import { randomUUID } from 'node:crypto';
import { ForbiddenError, RuleViolation, ValidationError } from '../domain/shared/errors.js';
import {
  ANALYSIS_COST,
  BULK_LESSONS,
  type AnalysedLesson,
  type AnalysisScope,
  type ReportLanguage,
} from '../domain/lessonAnalysis/analysis.js';
import type { Role } from '../db/people.table.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { lessonAnalyses, wallets } from './aggregates.js';
import { loadEnrollmentFor } from './enrollments.js';
import { overdraftAllowed } from './completion.js';
import { deterministicId } from './processes/process.js';
import { availableBalance } from '../domain/wallet/wallet.js';

type Deps = { db: Db; eventStore: EventStore };
export type AnalysisActor = { personId: string; orgId: string; role: Role };
export type AnalysisRequest = { scope: AnalysisScope; courseLessonId?: string; language?: ReportLanguage };

const DONE = ['passed', 'verified'] as const;
const isDone = (status: string): status is AnalysedLesson['status'] =>
  (DONE as readonly string[]).includes(status);

/** The enrollment, if the actor may request and read its analyses: an admin, or its teacher (else 404). */
export async function analysisEnrollment(deps: Deps, actor: AnalysisActor, enrollmentId: string) {
  if (actor.role === 'student')
    throw new ForbiddenError('teacher_or_admin_only', 'teachers and admins request and read lesson analyses');
  return loadEnrollmentFor(deps.eventStore, actor, enrollmentId);
}

/** The enrollment's homework passed or verified, most recently changed first (the homework read model). */
export async function analysableLessons(
  db: Db,
  orgId: string,
  enrollmentId: string,
): Promise<AnalysedLesson[]> {
  const rows = await db
    .selectFrom('homework')
    .select(['id', 'course_lesson_id', 'status'])
    .where('org_id', '=', orgId)
    .where('enrollment_id', '=', enrollmentId)
    .where('status', 'in', [...DONE])
    .orderBy('updated_at', 'desc')
    .orderBy('assigned_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.flatMap((r) =>
    isDone(r.status) ? [{ homeworkId: r.id, courseLessonId: r.course_lesson_id, status: r.status }] : [],
  );
}

/**
 * What the enrollment's analyses cost, whether the organisation's wallet can pay (less the tokens held for
 * confirmed lessons; overdraft respected) and which lessons may be analysed: the confirmation shows it.
 */
export async function analysisQuote(deps: Deps, actor: AnalysisActor, enrollmentId: string) {
  await analysisEnrollment(deps, actor, enrollmentId);
  const wallet = (await loadAggregate(deps.eventStore, wallets, actor.orgId)).state;
  const balance = availableBalance(wallet);
  const allowOverdraft = await overdraftAllowed(deps, actor.orgId);
  const affords = (tokens: number) => allowOverdraft || balance >= tokens;
  return {
    costs: { ...ANALYSIS_COST },
    bulkLessons: BULK_LESSONS,
    balance,
    allowOverdraft,
    canAfford: { single: affords(ANALYSIS_COST.single), bulk: affords(ANALYSIS_COST.bulk) },
    analysable: await analysableLessons(deps.db, actor.orgId, enrollmentId),
  };
}

async function lessonsFor(deps: Deps, orgId: string, enrollmentId: string, input: AnalysisRequest) {
  if (input.scope === 'bulk') {
    const lessons = (await analysableLessons(deps.db, orgId, enrollmentId)).slice(0, BULK_LESSONS);
    if (lessons.length === 0)
      throw new RuleViolation(
        'no_completed_lessons',
        'no lesson of this enrollment is passed or verified yet',
      );
    return lessons;
  }
  if (!input.courseLessonId)
    throw new ValidationError('a single analysis names its lesson', [
      { path: 'body.courseLessonId', message: 'is required when scope is single', code: 'required' },
    ]);
  const row = await deps.db
    .selectFrom('homework')
    .select(['id', 'course_lesson_id', 'status'])
    .where('org_id', '=', orgId)
    .where('enrollment_id', '=', enrollmentId)
    .where('course_lesson_id', '=', input.courseLessonId)
    .executeTakeFirst();
  if (!row || !isDone(row.status))
    throw new RuleViolation(
      'lesson_not_completed',
      'only a lesson that is passed or verified can be analysed',
      { lessonStatus: row?.status ?? null },
    );
  return [{ homeworkId: row.id, courseLessonId: row.course_lesson_id, status: row.status }];
}

/**
 * Requests an analysis: checks who asks and what may be analysed (409 lesson_not_completed or no_completed_lessons, nothing paid),
 * debits the organisation's wallet (409 insufficient_balance without enough tokens, unless overdraft is
 * allowed), then records the request. With an Idempotency-Key a repeat answers with the same analysis.
 */
export async function requestLessonAnalysis(
  deps: Deps,
  actor: AnalysisActor,
  enrollmentId: string,
  input: AnalysisRequest,
  context: CommandContext,
) {
  const enrollment = await analysisEnrollment(deps, actor, enrollmentId);
  const analysisId = context.idempotencyKey
    ? deterministicId(`lesson-analysis:${context.idempotencyKey}`)
    : randomUUID();
  const existing = await loadAggregate(deps.eventStore, lessonAnalyses, analysisId);
  if (existing.state.status !== 'none') {
    const request = existing.state.request;
    return { analysisId, request, revision: existing.revision, position: null, replayed: true };
  }
  const lessons = await lessonsFor(deps, actor.orgId, enrollmentId, input);
  const tokens = ANALYSIS_COST[input.scope];
  // Both writes are keyed by the analysis id, not by the request's key (which would replay the first).
  const inner: CommandContext = { ...context, idempotencyKey: undefined };
  await handleCommand(
    deps.eventStore,
    wallets,
    actor.orgId,
    {
      type: 'DebitWallet',
      walletId: actor.orgId,
      orgId: actor.orgId,
      owner: 'organisation',
      ownerId: actor.orgId,
      entryId: analysisId,
      tokens,
      cause: { kind: 'analysis', enrollmentId, scope: input.scope, requestId: analysisId },
      allowOverdraft: await overdraftAllowed(deps, actor.orgId),
    },
    inner,
  );
  const result = await handleCommand(
    deps.eventStore,
    lessonAnalyses,
    analysisId,
    {
      type: 'RequestLessonAnalysis',
      analysisId,
      orgId: actor.orgId,
      enrollmentId,
      courseId: enrollment.courseId,
      studentId: enrollment.studentId,
      scope: input.scope,
      lessons,
      language: input.language ?? null,
      tokens,
      debitEntryId: analysisId,
      requestedBy: actor.personId,
      now: context.now,
    },
    inner,
  );
  if (result.state.status === 'none') throw new Error('the analysis was not recorded');
  const request = result.state.request;
  return { analysisId, request, revision: result.revision, position: result.position, replayed: false };
}
