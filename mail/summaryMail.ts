// A student's post-session summary mail, in their own language (English, German, Ukrainian): the same
// language their summary was written in.
import { LOCALE_OF, type PersonLanguage } from '../domain/shared/languages.js';
import { mailTexts } from './texts/index.js';
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

export function renderSummaryMail(summary: SummaryParams, ctx: RenderContext): RenderedMail {
  const language = summary.language ?? ctx.recipient.language ?? 'en';
  const t = mailTexts(language);
  const n = (x: number) => x.toLocaleString(LOCALE_OF[language]);
  const base = ctx.publicUrl.replace(/\/$/, '');
  return {
    subject: `${t.summary.subject}: ${summary.lessonTitle}`,
    text: [
      t.hello(ctx.recipient.name),
      '',
      t.summary.intro,
      '',
      summary.text,
      t.summary.figures(n(summary.answered), n(summary.correct), n(summary.incorrect)),
      `${t.summary.whole}: ${base}/platform/sessions/${summary.liveSessionId}`,
      '',
      `${t.schedule}: ${base}/platform/schedule`,
    ].join('\n'),
  };
}
