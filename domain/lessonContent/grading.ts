// Grading a student's answer to an exercise. Pure; the server grades closed exercises at once and never trusts a
// score from the browser. Essays are left to the teacher (points null until graded).
import { z } from 'zod';
import { ValidationError } from '../shared/errors.js';
import { matchingRights, type Exercise } from './blocks.js';

const Typed = z.string().max(500);

/** What a student sends, by exercise type. */
export const Answer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('multipleChoice'), selected: z.array(z.string().max(64)).max(20) }).strict(),
  /** One entry per gap, in order across all sentences. */
  z.object({ type: z.literal('gapFill'), gaps: z.array(Typed).max(1000) }).strict(),
  /** Left item id (the pair id) -> right item id as shown to students (`r1`, `r2`, ...). */
  z
    .object({ type: z.literal('matching'), matches: z.record(z.string().max(64), z.string().max(64)) })
    .strict(),
  z.object({ type: z.literal('wordOrder'), words: z.array(z.string().max(100)).max(40) }).strict(),
  z.object({ type: z.literal('trueFalse'), value: z.boolean() }).strict(),
  z.object({ type: z.literal('essay'), text: z.string().max(50_000) }).strict(),
]);
export type Answer = z.infer<typeof Answer>;

export type Grade = {
  /** null for an essay until the teacher grades it. */
  points: number | null;
  maxPoints: number;
  /** Full points; null while ungraded. */
  correct: boolean | null;
  /** Essays only. */
  wordCount?: number;
};

type TextRules = { caseSensitive: boolean; whitespace: 'normalize' | 'strict' };

export function normalizeText(value: string, rules: TextRules): string {
  let v = value.normalize('NFC');
  if (rules.whitespace === 'normalize')
    v = v
      .replace(/[\u2018\u2019\u02BC]/g, "'")
      .replace(/[\u201C\u201D]/g, '"')
      .replace(/\s+/g, ' ')
      .trim();
  return rules.caseSensitive ? v : v.toLocaleLowerCase('en');
}

export const wordCount = (value: string) => value.trim().split(/\s+/).filter(Boolean).length;

const round = (n: number) => Math.round(n * 100) / 100;

function fraction(share: number, exercise: Exercise): Grade {
  const clamped = Math.max(0, Math.min(1, share));
  return { points: round(clamped * exercise.points), maxPoints: exercise.points, correct: clamped === 1 };
}

/** Grades `answer` against `exercise`. A ValidationError (path under `prefix`) when the answer does not fit it. */
export function grade(exercise: Exercise, answer: Answer, prefix = 'answer'): Grade {
  if (answer.type !== exercise.type)
    throw new ValidationError(`exercise ${exercise.id} is a ${exercise.type} exercise, not ${answer.type}`, [
      { path: `${prefix}.type`, message: `must be ${exercise.type}` },
    ]);
  const invalid = (field: string, message: string) =>
    new ValidationError(`answer to ${exercise.id}: ${field} ${message}`, [
      { path: `${prefix}.${field}`, message },
    ]);
  switch (exercise.type) {
    case 'multipleChoice': {
      const { selected } = answer as Extract<Answer, { type: 'multipleChoice' }>;
      const ids = new Set(exercise.options.map((o) => o.id));
      const unknown = selected.find((id) => !ids.has(id));
      if (unknown !== undefined) throw invalid('selected', `has ${unknown}, which is not an option`);
      const chosen = new Set(selected);
      if (!exercise.multiple && chosen.size > 1) throw invalid('selected', 'must hold one option');
      const correct = exercise.options.filter((o) => o.correct);
      if (!exercise.multiple) return fraction(correct.some((o) => chosen.has(o.id)) ? 1 : 0, exercise);
      // Several correct: each right choice earns its share, each wrong one takes a share back (never below 0).
      const right = correct.filter((o) => chosen.has(o.id)).length;
      const wrong = [...chosen].filter((id) => !correct.some((o) => o.id === id)).length;
      return fraction((right - wrong) / correct.length, exercise);
    }
    case 'gapFill': {
      const { gaps } = answer as Extract<Answer, { type: 'gapFill' }>;
      const expected = exercise.sentences.flatMap((s) => s.gaps);
      if (gaps.length !== expected.length) throw invalid('gaps', `must hold ${expected.length} entries`);
      const right = expected.filter((gap, i) => {
        const given = normalizeText(gaps[i]!, exercise);
        return gap.accepted.some((a) => normalizeText(a, exercise) === given);
      }).length;
      return fraction(right / expected.length, exercise);
    }
    case 'matching': {
      const { matches } = answer as Extract<Answer, { type: 'matching' }>;
      const rights = matchingRights(exercise);
      const lefts = new Set(exercise.pairs.map((p) => p.id));
      for (const [left, right] of Object.entries(matches)) {
        if (!lefts.has(left)) throw invalid(`matches.${left}`, 'is not a left item');
        if (!rights.some((r) => r.id === right))
          throw invalid(`matches.${left}`, `${right} is not a right item`);
      }
      const right = exercise.pairs.filter((p) => rights.find((r) => r.id === matches[p.id])?.pairId === p.id);
      return fraction(right.length / exercise.pairs.length, exercise);
    }
    case 'wordOrder': {
      const { words } = answer as Extract<Answer, { type: 'wordOrder' }>;
      const sentence = (w: string[]) => normalizeText(w.join(' '), exercise);
      const given = sentence(words);
      const ok = [exercise.words, ...exercise.alternatives].some((order) => sentence(order) === given);
      return fraction(ok ? 1 : 0, exercise);
    }
    case 'trueFalse': {
      const { value } = answer as Extract<Answer, { type: 'trueFalse' }>;
      return fraction(value === exercise.answer ? 1 : 0, exercise);
    }
    case 'essay': {
      const { text } = answer as Extract<Answer, { type: 'essay' }>;
      const count = wordCount(text);
      if (count === 0) throw invalid('text', 'is empty');
      if (exercise.maxWords !== undefined && count > exercise.maxWords)
        throw invalid('text', `has ${count} words, at most ${exercise.maxWords}`);
      return { points: null, maxPoints: exercise.points, correct: null, wordCount: count };
    }
  }
}

/** The correct answer of an exercise, in the shape of an Answer (shown once answers are revealed). */
export function answerKey(exercise: Exercise): Answer | null {
  switch (exercise.type) {
    case 'multipleChoice':
      return { type: 'multipleChoice', selected: exercise.options.filter((o) => o.correct).map((o) => o.id) };
    case 'gapFill':
      return { type: 'gapFill', gaps: exercise.sentences.flatMap((s) => s.gaps.map((g) => g.accepted[0]!)) };
    case 'matching': {
      const rights = matchingRights(exercise);
      return {
        type: 'matching',
        matches: Object.fromEntries(
          exercise.pairs.map((p) => [p.id, rights.find((r) => r.pairId === p.id)!.id]),
        ),
      };
    }
    case 'wordOrder':
      return { type: 'wordOrder', words: exercise.words };
    case 'trueFalse':
      return { type: 'trueFalse', value: exercise.answer };
    case 'essay':
      return null;
  }
}
