// The figures of a lesson analysis, computed exactly (pure): each lesson's answer events folded as the answers
// aggregate folds them (the answers of the attempt that stands), graded answers counted per exercise type, every
// wrong answer located (which gap, which distractor, which pair), essays rated from the teacher's points, and
// the next lessons taken from the course sequence.
import { exercisesOf, type Exercise, type LessonDocument } from '../lessonContent/document.js';
import { mistakes } from './mistakes.js';
import { lessonAnswersDecider, type LessonAnswersEvent } from '../lessonContent/answers.js';
import type {
  Distractor,
  EssayNote,
  ErrorItem,
  ExerciseTypeName,
  LessonFigures,
  Recommendation,
  Skill,
  SuggestedExercise,
  TypeFigures,
} from './report.js';

export type LessonInput = {
  homeworkId: string;
  courseLessonId: string;
  status: 'passed' | 'verified';
  title: string;
  position: number;
  /** The lesson's answer events for the student in this homework, in stream order. */
  events: LessonAnswersEvent[];
  /** The lesson content's documents by revision. */
  documents: Record<number, LessonDocument>;
  latestRevision: number | null;
};
export type CourseLesson = { lessonId: string; title: string; kind: string; position: number };
export type AnalysisInput = {
  lessons: LessonInput[];
  courseLessons: CourseLesson[];
  /** Course lessons of the enrollment whose homework is passed or verified. */
  completedLessonIds: string[];
};

export type SkillFigure = { skill: Skill; type: ExerciseTypeName; percent: number };
export type Figures = {
  lessons: LessonFigures[];
  score: number;
  maxScore: number;
  percent: number;
  attempts: number;
  byType: TypeFigures[];
  gaps: ErrorItem[];
  distractors: Distractor[];
  other: ErrorItem[];
  strengths: SkillFigure[];
  weaknesses: SkillFigure[];
  essays: Omit<EssayNote, 'detail'>[];
  recommendations: Omit<Recommendation, 'rationale'>[];
  focusAreas: { skill: Skill; percent: number | null }[];
  suggestedExercises: Omit<SuggestedExercise, 'description'>[];
};

export const SKILL_OF: Record<ExerciseTypeName, Skill> = {
  multipleChoice: 'comprehension',
  gapFill: 'grammar',
  matching: 'vocabulary',
  wordOrder: 'sentenceStructure',
  trueFalse: 'reading',
  essay: 'writing',
};
const TYPES = Object.keys(SKILL_OF) as ExerciseTypeName[];
export const STRONG_PERCENT = 80;
export const WEAK_PERCENT = 60;

const round = (n: number) => Math.round(n * 100) / 100;
const percentOf = (points: number, max: number) => (max === 0 ? 0 : round((points / max) * 100));

export function essayRating(points: number | null, maxPoints: number): EssayNote['rating'] {
  if (points === null) return 'ungraded';
  const share = maxPoints === 0 ? 0 : points / maxPoints;
  return share >= 0.85 ? 'excellent' : share >= 0.65 ? 'good' : share >= 0.4 ? 'fair' : 'weak';
}

type Tally = {
  answered: number;
  correct: number;
  incorrect: number;
  pending: number;
  points: number;
  max: number;
};

export function computeFigures(input: AnalysisInput): Figures {
  const tally = new Map<ExerciseTypeName, Tally>(
    TYPES.map((t) => [t, { answered: 0, correct: 0, incorrect: 0, pending: 0, points: 0, max: 0 }]),
  );
  const lessons: LessonFigures[] = [];
  const gaps: ErrorItem[] = [];
  const other: ErrorItem[] = [];
  const distractors = new Map<string, Distractor>();
  const essays: Figures['essays'] = [];
  for (const lesson of input.lessons) {
    const state = lesson.events.reduce(lessonAnswersDecider.evolve, lessonAnswersDecider.initialState());
    const answers = Object.values(state.answers);
    const documentOf = (revision: number) => lesson.documents[revision];
    const latest = lesson.latestRevision === null ? undefined : documentOf(lesson.latestRevision);
    const taught = documentOf(answers[0]?.revision ?? -1) ?? latest;
    for (const given of answers) {
      const exercise = documentOf(given.revision)?.blocks.find(
        (b): b is Exercise => 'id' in b && b.id === given.exerciseId,
      );
      if (!exercise) continue;
      const t = tally.get(exercise.type)!;
      const { grade } = given;
      t.answered++;
      if (grade.correct === null) t.pending++;
      else {
        if (grade.correct) t.correct++;
        else t.incorrect++;
        t.points += grade.points ?? 0;
        t.max += grade.maxPoints;
      }
      const m = mistakes(lesson.courseLessonId, exercise, given.answer);
      gaps.push(...m.gaps);
      other.push(...m.other);
      for (const d of m.distractors) {
        const key = `${lesson.courseLessonId}|${exercise.id}|${d.optionId}`;
        const seen = distractors.get(key);
        if (seen) seen.times++;
        else
          distractors.set(key, {
            courseLessonId: lesson.courseLessonId,
            exerciseId: exercise.id,
            ...d,
            times: 1,
          });
      }
      if (exercise.type === 'essay')
        essays.push({
          courseLessonId: lesson.courseLessonId,
          exerciseId: exercise.id,
          prompt: exercise.prompt,
          wordCount: grade.wordCount ?? 0,
          minWords: exercise.minWords ?? null,
          maxWords: exercise.maxWords ?? null,
          points: grade.points,
          maxPoints: grade.maxPoints,
          rating: essayRating(grade.points, grade.maxPoints),
          teacherComment: given.comment,
        });
    }
    const exercises = taught ? exercisesOf(taught) : [];
    const last = state.attempts.at(-1);
    const maxScore = last?.maxScore ?? exercises.reduce((s, e) => s + e.points, 0);
    const score = last?.score ?? round(answers.reduce((s, a) => s + (a.grade.points ?? 0), 0));
    lessons.push({
      courseLessonId: lesson.courseLessonId,
      homeworkId: lesson.homeworkId,
      title: lesson.title,
      position: lesson.position,
      status: lesson.status,
      score,
      maxScore,
      percent: last?.percent ?? percentOf(score, maxScore),
      passMark: last?.passMark ?? taught?.passMark ?? 60,
      attempts: state.attempts.length,
      answered: answers.length,
      exercises: exercises.length,
    });
  }
  const byType: TypeFigures[] = TYPES.flatMap((type) => {
    const t = tally.get(type)!;
    if (t.answered === 0) return [];
    const { answered, correct, incorrect, pending, points, max } = t;
    const percent = max === 0 ? null : percentOf(points, max);
    return [
      {
        type,
        skill: SKILL_OF[type],
        answered,
        correct,
        incorrect,
        pending,
        points: round(points),
        maxPoints: max,
        percent,
      },
    ];
  });
  const rated = byType.flatMap((t) =>
    t.percent === null ? [] : [{ skill: t.skill, type: t.type, percent: t.percent }],
  );
  const strengths = rated.filter((r) => r.percent >= STRONG_PERCENT).sort((a, b) => b.percent - a.percent);
  const weaknesses = rated.filter((r) => r.percent < WEAK_PERCENT).sort((a, b) => a.percent - b.percent);
  const score = round(lessons.reduce((s, l) => s + l.score, 0));
  const maxScore = round(lessons.reduce((s, l) => s + l.maxScore, 0));
  const focus = focusAreas(rated, weaknesses);
  const errors = [...gaps, ...other];
  return {
    lessons,
    score,
    maxScore,
    percent: percentOf(score, maxScore),
    attempts: lessons.reduce((s, l) => s + l.attempts, 0),
    byType,
    gaps,
    distractors: [...distractors.values()],
    other,
    strengths,
    weaknesses,
    essays,
    recommendations: recommend(
      input,
      lessons,
      focus.map((f) => f.skill),
    ),
    focusAreas: focus,
    suggestedExercises: focus.map(({ skill }) => {
      const type = TYPES.find((t) => SKILL_OF[t] === skill)!;
      const missed = errors.filter((e) => e.type === type);
      const chosen = [...distractors.values()].filter(() => type === 'multipleChoice');
      const items = [...missed.map((e) => e.expected), ...chosen.map((d) => d.question)];
      return {
        type,
        skill,
        count: Math.min(10, Math.max(3, items.length * 2)),
        items: [...new Set(items)].slice(0, 5),
      };
    }),
  };
}

/** The weak skills, weakest first; with none, the lowest below full marks, to consolidate. */
function focusAreas(rated: SkillFigure[], weaknesses: SkillFigure[]) {
  const chosen =
    weaknesses.length > 0
      ? weaknesses
      : [...rated]
          .filter((r) => r.percent < 100)
          .sort((a, b) => a.percent - b.percent)
          .slice(0, 1);
  return chosen.slice(0, 3).map((r) => ({ skill: r.skill, percent: r.percent }));
}

/** The next three course lessons after the furthest analysed one not yet done, and the weakest below 75 % again. */
function recommend(
  input: AnalysisInput,
  lessons: LessonFigures[],
  focus: Skill[],
): Figures['recommendations'] {
  const done = new Set([...input.completedLessonIds, ...lessons.map((l) => l.courseLessonId)]);
  const furthest = Math.max(...lessons.map((l) => l.position));
  const next = [...input.courseLessons]
    .sort((a, b) => a.position - b.position)
    .filter((l) => l.position > furthest && !done.has(l.lessonId))
    .slice(0, 3)
    .map((l) => ({
      courseLessonId: l.lessonId,
      title: l.title,
      position: l.position,
      kind: 'next' as const,
      focusSkills: focus,
    }));
  const weakest = [...lessons].sort((a, b) => a.percent - b.percent)[0];
  const review =
    weakest && weakest.percent < 75
      ? [
          {
            courseLessonId: weakest.courseLessonId,
            title: weakest.title,
            position: weakest.position,
            kind: 'review' as const,
            focusSkills: focus,
          },
        ]
      : [];
  return [...review, ...next];
}
