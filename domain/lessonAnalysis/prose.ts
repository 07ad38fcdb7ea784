// The built-in prose of a report, from templates in English and German, and the report put together from the
// figures and prose (the built-in prose, or a model's where it gives some). Pure.
import type { LessonDocument } from '../lessonContent/document.js';
import type { ReportLanguage } from './events.js';
import type { Figures } from './figures.js';
import type { EssayNote, ExerciseTypeName, Prose, Report, Skill } from './report.js';
import { documentTexts, languageOf } from './language.js';

const SKILLS: Record<ReportLanguage, Record<Skill, string>> = {
  en: {
    comprehension: 'comprehension',
    grammar: 'grammar in context',
    vocabulary: 'vocabulary',
    sentenceStructure: 'sentence structure',
    reading: 'reading accuracy',
    writing: 'writing',
  },
  de: {
    comprehension: 'Textverständnis',
    grammar: 'Grammatik im Kontext',
    vocabulary: 'Wortschatz',
    sentenceStructure: 'Satzbau',
    reading: 'genaues Lesen',
    writing: 'Schreiben',
  },
};
const TYPES: Record<ReportLanguage, Record<ExerciseTypeName, string>> = {
  en: {
    multipleChoice: 'multiple choice',
    gapFill: 'gap fill',
    matching: 'matching',
    wordOrder: 'word order',
    trueFalse: 'true or false',
    essay: 'essay',
  },
  de: {
    multipleChoice: 'Multiple Choice',
    gapFill: 'Lückentext',
    matching: 'Zuordnung',
    wordOrder: 'Satzbau-Übung',
    trueFalse: 'Richtig/Falsch',
    essay: 'Aufsatz',
  },
};
const RATINGS: Record<ReportLanguage, Record<EssayNote['rating'], string>> = {
  en: { excellent: 'excellent', good: 'good', fair: 'fair', weak: 'weak', ungraded: 'not graded yet' },
  de: {
    excellent: 'sehr gut',
    good: 'gut',
    fair: 'ausreichend',
    weak: 'schwach',
    ungraded: 'noch nicht bewertet',
  },
};

const num = (language: ReportLanguage, n: number) => n.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB');
const list = (language: ReportLanguage, items: string[]) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${language === 'de' ? 'und' : 'and'} ${items.at(-1)}`;

/** English or German: the language the lessons' documents are written in (detected with franc). */
export function detectLanguage(documents: LessonDocument[]): ReportLanguage {
  const text = documentTexts(documents.map((d) => d.blocks)).join('\n');
  return languageOf(text, ['eng', 'deu']) === 'de' ? 'de' : 'en';
}

export function builtinProse(f: Figures, language: ReportLanguage): Prose {
  const de = language === 'de';
  const skill = (s: Skill) => SKILLS[language][s];
  const type = (t: ExerciseTypeName) => TYPES[language][t];
  const n = (x: number) => num(language, x);
  const passed = f.lessons.filter((l) => l.percent >= l.passMark).length;
  const performanceSummary = de
    ? `${f.lessons.length === 1 ? 'Eine Lektion' : `${f.lessons.length} Lektionen`} ausgewertet: ${n(f.score)} von ${n(f.maxScore)} Punkten (${n(f.percent)} %), ${passed} über der Bestehensgrenze, ${f.attempts} Abgabe(n) insgesamt.`
    : `${f.lessons.length === 1 ? 'One lesson' : `${f.lessons.length} lessons`} analysed: ${n(f.score)} of ${n(f.maxScore)} points (${n(f.percent)} %), ${passed} at or above the pass mark, ${f.attempts} hand-in(s) in all.`;
  const typeLine = (t: Figures['byType'][number]) =>
    de
      ? `${type(t.type)}: ${t.correct} richtig, ${t.incorrect} falsch${t.pending ? `, ${t.pending} offen` : ''}`
      : `${type(t.type)}: ${t.correct} correct, ${t.incorrect} incorrect${t.pending ? `, ${t.pending} pending` : ''}`;
  const patterns = de
    ? `Falsche Lücken: ${f.gaps.length}; gewählte Distraktoren: ${f.distractors.reduce((s, d) => s + d.times, 0)}; weitere Fehler: ${f.other.length}.`
    : `Wrong gaps: ${f.gaps.length}; distractors chosen: ${f.distractors.reduce((s, d) => s + d.times, 0)}; other mistakes: ${f.other.length}.`;
  const exerciseBreakdown = `${f.byType.map(typeLine).join('; ')}. ${patterns}`;
  const note = (s: { skill: Skill; type: ExerciseTypeName; percent: number }, strong: boolean) => ({
    skill: s.skill,
    text: de
      ? `${skill(s.skill)} (${type(s.type)}): ${n(s.percent)} % der Punkte – ${strong ? 'sicher beherrscht' : 'braucht gezielte Übung'}.`
      : `${skill(s.skill)} (${type(s.type)}): ${n(s.percent)} % of the points – ${strong ? 'a secure strength' : 'needs focused practice'}.`,
  });
  const essays = f.essays.map((e) => {
    const rating = RATINGS[language][e.rating];
    const length =
      e.minWords !== null && e.wordCount < e.minWords
        ? de
          ? ` Mit ${e.wordCount} Wörtern unter dem Minimum von ${e.minWords}.`
          : ` At ${e.wordCount} words it is below the minimum of ${e.minWords}.`
        : de
          ? ` Länge: ${e.wordCount} Wörter.`
          : ` Length: ${e.wordCount} words.`;
    const points =
      e.points === null
        ? ''
        : de
          ? ` ${n(e.points)}/${n(e.maxPoints)} Punkte.`
          : ` ${n(e.points)}/${n(e.maxPoints)} points.`;
    const comment = e.teacherComment
      ? de
        ? ` Lehrkraft: „${e.teacherComment}“`
        : ` Teacher: “${e.teacherComment}”`
      : '';
    return {
      exerciseId: e.exerciseId,
      detail: `${de ? 'Bewertung' : 'Rating'}: ${rating}.${points}${length}${comment}`,
    };
  });
  const focusNames = f.focusAreas.map((a) => skill(a.skill));
  return {
    performanceSummary,
    exerciseBreakdown,
    strengths: f.strengths.map((s) => note(s, true)),
    weaknesses: f.weaknesses.map((s) => note(s, false)),
    essays,
    essayFeedback:
      f.essays.length === 0
        ? null
        : de
          ? `${f.essays.length} Aufsatz/Aufsätze: ${list(
              language,
              f.essays.map((e) => RATINGS.de[e.rating]),
            )}.`
          : `${f.essays.length} essay(s): ${list(
              language,
              f.essays.map((e) => RATINGS.en[e.rating]),
            )}.`,
    recommendations: f.recommendations.map((r) => ({
      courseLessonId: r.courseLessonId,
      rationale:
        r.kind === 'review'
          ? de
            ? `„${r.title}“ wiederholen: das schwächste Ergebnis der Auswertung.`
            : `Revisit “${r.title}”: the weakest result analysed.`
          : de
            ? `„${r.title}“ ist die nächste offene Lektion im Kurs (Position ${r.position})${focusNames.length ? `; dabei auf ${list(language, focusNames)} achten` : ''}.`
            : `“${r.title}” is the next open lesson of the course (position ${r.position})${focusNames.length ? `; keep an eye on ${list(language, focusNames)}` : ''}.`,
    })),
    focusAreas: f.focusAreas.map((a) => ({
      skill: a.skill,
      reason:
        a.percent === null
          ? skill(a.skill)
          : de
            ? `${skill(a.skill)}: ${n(a.percent)} % der Punkte.`
            : `${skill(a.skill)}: ${n(a.percent)} % of the points.`,
    })),
    suggestedExercises: f.suggestedExercises.map((s) => ({
      skill: s.skill,
      description: de
        ? `${s.count} ${type(s.type)}-Aufgaben${s.items.length ? `, u. a. zu: ${s.items.join(' · ')}` : ''}.`
        : `${s.count} ${type(s.type)} exercises${s.items.length ? `, including: ${s.items.join(' · ')}` : ''}.`,
    })),
    learningPlan:
      focusNames.length === 0
        ? de
          ? 'Alles sicher: mit der nächsten Lektion weitermachen.'
          : 'Everything is secure: carry on with the next lesson.'
        : de
          ? `Zuerst ${list(language, focusNames)} üben, dann mit der nächsten Lektion weitermachen.`
          : `Practise ${list(language, focusNames)} first, then carry on with the next lesson.`,
  };
}

/** The report: the figures as computed, with the model's prose where it names what the figures name. */
export function composeReport(
  f: Figures,
  language: ReportLanguage,
  engine: Report['engine'],
  prose: Prose,
): Report {
  const fallback = builtinProse(f, language);
  const pick = <T extends { skill: Skill }>(items: T[], skill: Skill) => items.find((i) => i.skill === skill);
  return {
    language,
    engine,
    performanceSummary: {
      lessons: f.lessons,
      score: f.score,
      maxScore: f.maxScore,
      percent: f.percent,
      attempts: f.attempts,
      text: prose.performanceSummary,
    },
    exerciseBreakdown: {
      byType: f.byType,
      errorPatterns: { gaps: f.gaps, distractors: f.distractors, other: f.other },
      text: prose.exerciseBreakdown,
    },
    strengthsAndWeaknesses: {
      strengths: f.strengths.map((s, i) => ({
        ...s,
        text: (pick(prose.strengths, s.skill) ?? fallback.strengths[i]!).text,
      })),
      weaknesses: f.weaknesses.map((s, i) => ({
        ...s,
        text: (pick(prose.weaknesses, s.skill) ?? fallback.weaknesses[i]!).text,
      })),
    },
    essayFeedback:
      f.essays.length === 0
        ? null
        : {
            essays: f.essays.map((e, i) => ({
              ...e,
              detail: (prose.essays.find((p) => p.exerciseId === e.exerciseId) ?? fallback.essays[i]!).detail,
            })),
            text: prose.essayFeedback ?? fallback.essayFeedback!,
          },
    recommendations: f.recommendations.map((r, i) => ({
      ...r,
      rationale: (
        prose.recommendations.find((p) => p.courseLessonId === r.courseLessonId) ??
        fallback.recommendations[i]!
      ).rationale,
    })),
    learningPlan: {
      focusAreas: f.focusAreas.map((a, i) => ({
        ...a,
        reason: (pick(prose.focusAreas, a.skill) ?? fallback.focusAreas[i]!).reason,
      })),
      suggestedExercises: f.suggestedExercises.map((s, i) => ({
        ...s,
        description: (pick(prose.suggestedExercises, s.skill) ?? fallback.suggestedExercises[i]!).description,
      })),
      text: prose.learningPlan,
    },
  };
}
