// A student's post-session summary mail, in their own language (English, German, Ukrainian): the same
// language their summary was written in.
import type { PersonLanguage } from '../domain/shared/languages.js';
import type { RenderContext, RenderedMail } from './templates.js';

export type SummaryParams = {
  liveSessionId: string;
  lessonTitle: string;
  text: string;
  answered: number;
  correct: number;
  incorrect: number;
  percent: number | null;
  language?: PersonLanguage;
};

const WORDS: Record<
  PersonLanguage,
  {
    subject: string;
    hello: (name: string) => string;
    intro: string;
    figures: (a: number, c: number, i: number) => string;
    whole: string;
    schedule: string;
  }
> = {
  en: {
    subject: 'Lesson summary',
    hello: (name) => `Hello ${name},`,
    intro: 'Here is the summary of your lesson.',
    figures: (a, c, i) => `Answered: ${a}, correct: ${c}, to review: ${i}`,
    whole: 'The whole summary',
    schedule: 'Your schedule',
  },
  de: {
    subject: 'Zusammenfassung der Lektion',
    hello: (name) => `Hallo ${name},`,
    intro: 'hier ist die Zusammenfassung deiner Lektion.',
    figures: (a, c, i) => `Beantwortet: ${a}, richtig: ${c}, zum Wiederholen: ${i}`,
    whole: 'Die ganze Zusammenfassung',
    schedule: 'Dein Stundenplan',
  },
  uk: {
    subject: 'Підсумок уроку',
    hello: (name) => `Вітаємо, ${name}!`,
    intro: 'Ось підсумок вашого уроку.',
    figures: (a, c, i) => `Відповідей: ${a}, правильних: ${c}, повторити: ${i}`,
    whole: 'Увесь підсумок',
    schedule: 'Ваш розклад',
  },
};

export function renderSummaryMail(summary: SummaryParams, ctx: RenderContext): RenderedMail {
  const w = WORDS[summary.language ?? 'en'];
  const base = ctx.publicUrl.replace(/\/$/, '');
  return {
    subject: `${w.subject}: ${summary.lessonTitle}`,
    text: [
      w.hello(ctx.recipient.name),
      '',
      w.intro,
      '',
      summary.text,
      w.figures(summary.answered, summary.correct, summary.incorrect),
      `${w.whole}: ${base}/platform/sessions/${summary.liveSessionId}`,
      '',
      `${w.schedule}: ${base}/platform/schedule`,
    ].join('\n'),
  };
}
