// What a student's summary says, in the student's own language (English, German, Ukrainian).
import { LOCALE_OF, type PersonLanguage } from '../shared/languages.js';

export type SummaryCounts = {
  attended: boolean;
  answered: number;
  correct: number;
  incorrect: number;
  pending: number;
  percent: number | null;
};

type Texts = {
  absent: string;
  silent: string;
  answered: (c: SummaryCounts, n: (x: number) => string) => string;
};

const TEXTS: Record<PersonLanguage, Texts> = {
  en: {
    absent: 'You missed this lesson: its exercises are waiting for you.',
    silent: 'You took part in the lesson but answered no exercises.',
    answered: (c, n) =>
      `You answered ${n(c.answered)} exercise(s): ${n(c.correct)} correct, ${n(c.incorrect)} to review` +
      `${c.pending ? `, ${n(c.pending)} waiting for your teacher` : ''}` +
      `${c.percent === null ? '' : ` (${n(c.percent)} % of the points)`}.`,
  },
  de: {
    absent: 'Sie haben diese Lektion verpasst: Ihre Übungen warten auf Sie.',
    silent: 'Sie haben an der Lektion teilgenommen, aber keine Übungen beantwortet.',
    answered: (c, n) =>
      `Sie haben ${n(c.answered)} Übung(en) beantwortet: ${n(c.correct)} richtig, ${n(c.incorrect)} zum Wiederholen` +
      `${c.pending ? `, ${n(c.pending)} warten auf Ihre Lehrkraft` : ''}` +
      `${c.percent === null ? '' : ` (${n(c.percent)} % der Punkte)`}.`,
  },
  uk: {
    absent: 'Ви пропустили цей урок: його вправи чекають на вас.',
    silent: 'Ви були на уроці, але не відповіли на жодну вправу.',
    answered: (c, n) =>
      `Ви відповіли на вправи: ${n(c.answered)}; правильно: ${n(c.correct)}, повторити: ${n(c.incorrect)}` +
      `${c.pending ? `, чекають на перевірку вчителем: ${n(c.pending)}` : ''}` +
      `${c.percent === null ? '' : ` (${n(c.percent)} % балів)`}.`,
  },
};

/** The sentence at the top of a student's summary. */
export function studentSummaryText(c: SummaryCounts, language: PersonLanguage): string {
  const texts = TEXTS[language];
  if (c.answered === 0) return c.attended ? texts.silent : texts.absent;
  const n = (x: number) => x.toLocaleString(LOCALE_OF[language]);
  return texts.answered(c, n);
}
