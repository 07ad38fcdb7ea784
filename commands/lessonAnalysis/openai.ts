// Asking an OpenAI-compatible chat-completions endpoint for a report's prose: the figures go in, JSON prose comes
// back and must fit the Prose schema. Any failure (an HTTP error, no answer in time, not JSON, the wrong shape)
// is thrown with its reason; the caller falls back to the built-in prose.
import { Prose, modelFallbackText, type ModelFallback } from '../../domain/lessonAnalysis/report.js';
import type { Figures } from '../../domain/lessonAnalysis/figures.js';
import type { ReportLanguage } from '../../domain/lessonAnalysis/events.js';

export type ChatSettings = { url: string; apiKey: string | undefined; model: string; timeoutMs: number };

/** The model's prose could not be used: `reason` is the code with its values, the message its English. */
export class ProseError extends Error {
  readonly reason: ModelFallback;
  constructor(reason: Partial<ModelFallback> & Pick<ModelFallback, 'code'>) {
    const full = { status: null, timeoutMs: null, detail: null, ...reason };
    super(modelFallbackText(full));
    this.reason = full;
  }
}

/** The endpoint: AI_URL as given when it names /chat/completions, else that path under it (a base like /v1). */
export const completionsUrl = (url: string) =>
  /\/chat\/completions\/?$/.test(url) ? url : `${url.replace(/\/+$/, '')}/chat/completions`;

const INSTRUCTIONS = `You write the prose of a language-learning report for a teacher. You are given exact figures
as JSON; never change, invent or recompute a number, and name skills, exercises and lessons only by the ids given.
Answer with one JSON object and nothing else, with these keys: performanceSummary (string), exerciseBreakdown
(string), strengths and weaknesses ([{skill, text}] for the skills listed there), essays ([{exerciseId, detail}]),
essayFeedback (string or null when there are no essays), recommendations ([{courseLessonId, rationale}]),
focusAreas ([{skill, reason}]), suggestedExercises ([{skill, description}]), learningPlan (string).`;

export async function chatProse(
  settings: ChatSettings,
  figures: Figures,
  language: ReportLanguage,
  signal?: AbortSignal,
): Promise<Prose> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const abort = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let body: unknown;
  try {
    const res = await fetch(completionsUrl(settings.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: settings.model,
        temperature: 0.2,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: INSTRUCTIONS },
          {
            role: 'user',
            content: JSON.stringify({ language: language === 'de' ? 'German' : 'English', figures }),
          },
        ],
      }),
      signal: abort,
    });
    if (!res.ok) throw new ProseError({ code: 'http_error', status: res.status });
    body = await res.json();
  } catch (error) {
    if (error instanceof ProseError) throw error;
    if (timeout.aborted) throw new ProseError({ code: 'no_answer', timeoutMs: settings.timeoutMs });
    throw new ProseError({ code: 'unreachable', detail: (error as Error).message });
  }
  const content = (body as { choices?: { message?: { content?: unknown } }[] })?.choices?.[0]?.message
    ?.content;
  if (typeof content !== 'string') throw new ProseError({ code: 'no_message' });
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
  } catch {
    throw new ProseError({ code: 'invalid_json' });
  }
  const parsed = Prose.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')} ${i.message}`)
      .join('; ');
    throw new ProseError({ code: 'wrong_shape', detail });
  }
  return parsed.data;
}
