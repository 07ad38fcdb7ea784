// Lesson analyses as specifications: requested once, attempts with deadlines, retries with back-off, failure and
// the refund; and the report's figures counted from answer events, prose in English and German, a model's prose
// over the built-in figures.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../support/decider.js';
import {
  backOffMs,
  lessonAnalysisDecider,
  type LessonAnalysisEvent,
  type LessonAnalysisRequested,
} from '../../domain/lessonAnalysis/analysis.js';
import { computeFigures, type AnalysisInput } from '../../domain/lessonAnalysis/figures.js';
import { builtinProse, composeReport, detectLanguage } from '../../domain/lessonAnalysis/prose.js';
import { Report } from '../../domain/lessonAnalysis/report.js';
import { LessonDocument } from '../../domain/lessonContent/document.js';
import { grade, type Answer } from '../../domain/lessonContent/grading.js';
import type { LessonAnswersEvent } from '../../domain/lessonContent/answers.js';
import { RuleViolation } from '../../domain/shared/errors.js';

const test = suite('lesson analysis');
const now = '2026-11-27T10:00:00.000Z';
const at = (s: number) => new Date(Date.parse(now) + s * 1000).toISOString();
const analysisId = 'a1';
const request: LessonAnalysisRequested = {
  analysisId,
  orgId: 'org',
  enrollmentId: 'e1',
  courseId: 'c1',
  studentId: 's1',
  scope: 'single',
  lessons: [{ homeworkId: 'h1', courseLessonId: 'l1', status: 'passed' }],
  language: null,
  tokens: 70,
  debitEntryId: analysisId,
  requestedBy: 't1',
  at: now,
};
const requested: LessonAnalysisEvent = { type: 'LessonAnalysisRequested', data: request };
const started = (attempt: number, s = 0): LessonAnalysisEvent => ({
  type: 'LessonAnalysisAttemptStarted',
  data: { analysisId, attempt, deadline: at(s + 60), at: at(s) },
});
const given = spec(lessonAnalysisDecider).given;
/** The engine threw: the events keep the code with its detail, and the English text API clients read. */
const boom = { code: 'engine_failed', timeoutMs: null, detail: 'boom' } as const;
const BOOM = 'the engine failed: boom';
const fail = (attempt: number, s: number) =>
  ({
    type: 'FailAnalysisAttempt',
    analysisId,
    attempt,
    failure: boom,
    maxAttempts: 2,
    retryAfterMs: backOffMs(1000, attempt),
    now: at(s),
  }) as const;

test('requested once: a repeat changes nothing', () => {
  const { at: _at, ...data } = request;
  given([])
    .when({ type: 'RequestLessonAnalysis', ...data, now })
    .then([requested]);
  given([requested])
    .when({ type: 'RequestLessonAnalysis', ...data, now })
    .thenNothing();
});

test('attempts are numbered: a second start of the same attempt, or while one runs, changes nothing', () => {
  const start = (attempt: number) =>
    ({ type: 'StartAnalysisAttempt', analysisId, attempt, timeoutMs: 60_000, now }) as const;
  given([requested])
    .when(start(1))
    .then([started(1)]);
  given([requested, started(1)])
    .when(start(1))
    .thenNothing();
  given([requested, started(1)])
    .when(start(2))
    .thenNothing();
});

test('a failed attempt is retried after a doubling back-off; the last one fails the analysis', () => {
  assert.equal([backOffMs(1000, 1), backOffMs(1000, 2), backOffMs(1000, 3)], [1000, 2000, 4000]);
  given([requested, started(1)])
    .when(fail(1, 5))
    .then([
      {
        type: 'LessonAnalysisAttemptFailed',
        data: { analysisId, attempt: 1, reason: BOOM, failure: boom, retryAt: at(6), at: at(5) },
      },
    ]);
  const firstFailed: LessonAnalysisEvent = {
    type: 'LessonAnalysisAttemptFailed',
    data: { analysisId, attempt: 1, reason: BOOM, failure: boom, retryAt: at(6), at: at(5) },
  };
  given([requested, started(1), firstFailed, started(2, 6)])
    .when(fail(2, 8))
    .then([
      {
        type: 'LessonAnalysisAttemptFailed',
        data: { analysisId, attempt: 2, reason: BOOM, failure: boom, retryAt: null, at: at(8) },
      },
      {
        type: 'LessonAnalysisFailed',
        data: { analysisId, reason: BOOM, failure: boom, attempts: 2, at: at(8) },
      },
    ]);
  given([requested, started(1)])
    .when(fail(2, 5))
    .thenNothing();
});

test('a report after its deadline is refused; the refund is recorded once, only for a failed analysis', () => {
  const report = {} as Report;
  given([requested, started(1)])
    .when({ type: 'CompleteAnalysis', analysisId, attempt: 1, report, now: at(61) })
    .thenThrows(RuleViolation, 'attempt_timed_out');
  const refund = { type: 'RecordAnalysisRefund', analysisId, refundEntryId: 'r', now } as const;
  given([requested, started(1)])
    .when(refund)
    .thenNothing();
  const failed: LessonAnalysisEvent = {
    type: 'LessonAnalysisFailed',
    data: { analysisId, reason: 'x', attempts: 1, at: now },
  };
  given([requested, started(1), failed])
    .when(refund)
    .then([
      { type: 'LessonAnalysisRefunded', data: { analysisId, refundEntryId: 'r', tokens: 70, at: now } },
    ]);
  const refunded: LessonAnalysisEvent = {
    type: 'LessonAnalysisRefunded',
    data: { analysisId, refundEntryId: 'r', tokens: 70, at: now },
  };
  given([requested, started(1), failed, refunded])
    .when(refund)
    .thenNothing();
});

// ---- figures ----

const document = LessonDocument.parse({
  schemaVersion: 1,
  passMark: 50,
  blocks: [
    { type: 'text', text: 'Die Vergangenheit: ich ging, du gingst, er ging. Das ist nicht schwer.' },
    {
      type: 'gapFill',
      id: 'gaps',
      points: 2,
      sentences: [
        {
          text: 'Ich {{}} nach Hause und {{}} ein Buch.',
          gaps: [{ accepted: ['ging'] }, { accepted: ['las'] }],
        },
      ],
    },
    {
      type: 'multipleChoice',
      id: 'mc',
      question: 'Welche Form ist richtig?',
      options: [
        { id: 'a', text: 'gehte', correct: false },
        { id: 'b', text: 'ging', correct: true },
      ],
    },
    { type: 'trueFalse', id: 'tf', statement: 'Das ist ein Satz.', answer: true },
    { type: 'essay', id: 'essay', points: 4, prompt: 'Dein Wochenende', minWords: 5 },
  ],
});
const exercise = (id: string) => document.blocks.find((b) => 'id' in b && b.id === id) as never;
const context = { kind: 'homework' as const, id: 'h1' };
const answerEvent = (exerciseId: string, answer: Answer): LessonAnswersEvent => {
  const g = grade(exercise(exerciseId), answer);
  return {
    type: 'AnswerSubmitted',
    data: {
      context,
      studentId: 's1',
      lessonId: 'l1',
      revision: 1,
      attempt: 1,
      exerciseId,
      exerciseType: answer.type,
      answer,
      points: g.points,
      maxPoints: g.maxPoints,
      correct: g.correct,
      wordCount: g.wordCount ?? null,
      at: now,
    },
  };
};
const events: LessonAnswersEvent[] = [
  answerEvent('gaps', { type: 'gapFill', gaps: ['ging', 'lest'] }),
  answerEvent('mc', { type: 'multipleChoice', selected: ['a'] }),
  answerEvent('tf', { type: 'trueFalse', value: true }),
  answerEvent('essay', { type: 'essay', text: 'Ich war im Park.' }),
  {
    type: 'EssayGraded',
    data: {
      context,
      studentId: 's1',
      lessonId: 'l1',
      attempt: 1,
      exerciseId: 'essay',
      points: 3,
      maxPoints: 4,
      comment: 'Gut',
      by: 't1',
      at: now,
    },
  },
];
const input: AnalysisInput = {
  lessons: [
    {
      homeworkId: 'h1',
      courseLessonId: 'l1',
      status: 'passed',
      title: 'Präteritum',
      position: 1,
      events,
      documents: { 1: document },
      latestRevision: 1,
    },
  ],
  courseLessons: [
    { lessonId: 'l1', title: 'Präteritum', kind: 'homework', position: 1 },
    { lessonId: 'l2', title: 'Perfekt', kind: 'class', position: 2 },
    { lessonId: 'l3', title: 'Futur', kind: 'class', position: 3 },
  ],
  completedLessonIds: ['l1', 'l3'],
};

test('figures: counted per type, gaps and distractors located, essays rated, next lessons from the course', () => {
  const f = computeFigures(input);
  const byType = Object.fromEntries(
    f.byType.map((t) => [t.type, [t.answered, t.correct, t.incorrect, t.pending]]),
  );
  assert.equal(byType, {
    multipleChoice: [1, 0, 1, 0],
    gapFill: [1, 0, 1, 0],
    trueFalse: [1, 1, 0, 0],
    essay: [1, 0, 1, 0],
  });
  assert.equal([f.score, f.maxScore, f.percent], [5, 8, 62.5]);
  assert.equal(
    f.gaps.map((g) => [g.item, g.expected, g.given]),
    [['2', 'las', 'lest']],
  );
  assert.equal(
    f.distractors.map((d) => [d.optionId, d.text, d.times]),
    [['a', 'gehte', 1]],
  );
  assert.equal(
    f.essays.map((e) => [e.rating, e.wordCount, e.teacherComment]),
    [['good', 4, 'Gut']],
  );
  assert.equal(
    f.recommendations.map((r) => [r.courseLessonId, r.kind]),
    [
      ['l1', 'review'],
      ['l2', 'next'],
    ],
  );
  assert.equal(
    f.weaknesses.map((w) => w.skill),
    ['comprehension', 'grammar'],
  );
  assert.equal(
    f.strengths.map((s) => s.skill),
    ['reading'],
  );
});

test('prose in the content language; a model prose keeps the built-in figures', () => {
  const f = computeFigures(input);
  assert.is(detectLanguage([document]), 'de');
  const german = builtinProse(f, 'de');
  assert.match(german.performanceSummary, /5 von 8 Punkten/);
  const engine = { prose: 'ai' as const, model: 'm', fallback: null };
  const prose = { ...builtinProse(f, 'en'), performanceSummary: 'Model summary.' };
  const report = Report.parse(composeReport(f, 'en', engine, prose));
  assert.is(report.performanceSummary.text, 'Model summary.');
  assert.is(report.performanceSummary.score, 5);
  assert.ok(report.essayFeedback);
  assert.is(report.learningPlan.focusAreas[0]!.skill, 'comprehension');
});

test.run();
