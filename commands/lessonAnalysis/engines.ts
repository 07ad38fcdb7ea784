// The analysis engines behind one port. The built-in engine (no network) computes every figure from the answer
// events, scores and course sequence and writes the prose from templates (English, German). The model engine
// takes the same figures and asks an OpenAI-compatible endpoint for the prose only; when that fails (an error,
// a timeout, invalid output) the report gets the built-in prose and says why.
import { computeFigures } from '../../domain/lessonAnalysis/figures.js';
import { builtinProse, composeReport, detectLanguage } from '../../domain/lessonAnalysis/prose.js';
import type { Report } from '../../domain/lessonAnalysis/report.js';
import { ReportLanguage } from '../../domain/lessonAnalysis/events.js';
import type { LoadedInput } from './inputs.js';
import { ProseError, chatProse, type ChatSettings } from './openai.js';

export type AnalysisEngine = {
  name: string;
  analyse(loaded: LoadedInput, signal: AbortSignal): Promise<Report>;
};

/**
 * The report's language: the one asked for, else the language the course teaches when reports can be written in
 * it, else the language its lessons' documents are written in.
 */
const languageOf = (loaded: LoadedInput): ReportLanguage => {
  const course = ReportLanguage.safeParse(loaded.courseLanguage);
  return loaded.request.language ?? (course.success ? course.data : detectLanguage(loaded.documents));
};

export const builtinEngine: AnalysisEngine = {
  name: 'builtin',
  async analyse(loaded) {
    const figures = computeFigures(loaded.input);
    const language = languageOf(loaded);
    const engine = { prose: 'builtin' as const, model: null, fallback: null, fallbackReason: null };
    return composeReport(figures, language, engine, builtinProse(figures, language));
  },
};

export function modelEngine(settings: ChatSettings): AnalysisEngine {
  return {
    name: 'ai',
    async analyse(loaded, signal) {
      const figures = computeFigures(loaded.input);
      const language = languageOf(loaded);
      try {
        const prose = await chatProse(settings, figures, language, signal);
        return composeReport(
          figures,
          language,
          { prose: 'ai', model: settings.model, fallback: null, fallbackReason: null },
          prose,
        );
      } catch (error) {
        if (signal.aborted) throw error;
        const engine = {
          prose: 'builtin' as const,
          model: settings.model,
          fallback: (error as Error).message,
          fallbackReason:
            error instanceof ProseError
              ? error.reason
              : { code: 'other' as const, status: null, timeoutMs: null, detail: (error as Error).message },
        };
        return composeReport(figures, language, engine, builtinProse(figures, language));
      }
    },
  };
}

/** The model engine when AI_URL is set, else the built-in one. */
export function engineFor(config: {
  AI_URL?: string;
  AI_API_KEY?: string;
  AI_MODEL: string;
  AI_TIMEOUT_MS: number;
}) {
  if (!config.AI_URL) return builtinEngine;
  return modelEngine({
    url: config.AI_URL,
    apiKey: config.AI_API_KEY,
    model: config.AI_MODEL,
    timeoutMs: config.AI_TIMEOUT_MS,
  });
}
