// Which language a text is in, with franc (trigram statistics over 80+ languages), not hand-written word lists:
// the language a lesson's content is written in (the analysis report's language) and the language that
// dominated a lesson's conversation (its chat and lesson text, weighted by length).
import { franc } from 'franc-min';

/** ISO 639-3 (franc's codes) to ISO 639-1 for the languages a school is likely to teach; others stay 639-3. */
const ISO1: Record<string, string> = {
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  pol: 'pl',
  rus: 'ru',
  ukr: 'uk',
  tur: 'tr',
  arb: 'ar',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  ces: 'cs',
  swe: 'sv',
  dan: 'da',
  nob: 'no',
  fin: 'fi',
  hun: 'hu',
  ron: 'ro',
  ell: 'el',
  hin: 'hi',
};

/** Fewer letters than this say too little about their language on their own. */
export const MIN_LETTERS = 10;

const letters = (text: string) => (text.match(/\p{L}/gu) ?? []).length;

/** The language of one text as ISO 639-1 (or 639-3 when it has no two-letter code), null when unsure. */
export function languageOf(text: string, only?: string[]): string | null {
  if (letters(text) < MIN_LETTERS) return null;
  const code = franc(text, { minLength: MIN_LETTERS, ...(only ? { only } : {}) });
  return code === 'und' ? null : (ISO1[code] ?? code);
}

export type ConversationLanguage = {
  /** ISO 639-1 (or 639-3). */
  code: string;
  /** The part of the text that was detected in this language, by letters, 0 to 1. */
  share: number;
  /** How many pieces (messages, lesson texts) were long enough to tell. */
  pieces: number;
};

/**
 * The language that dominated: each piece long enough is detected on its own and weighs its letters; the
 * short ones (a "yes", an "ok") are joined and detected together. Null when nothing could be told.
 */
export function dominantLanguage(pieces: string[]): ConversationLanguage | null {
  const weights = new Map<string, number>();
  let counted = 0;
  let total = 0;
  const short: string[] = [];
  const vote = (text: string) => {
    const code = languageOf(text);
    if (!code) return;
    const weight = letters(text);
    weights.set(code, (weights.get(code) ?? 0) + weight);
    total += weight;
    counted++;
  };
  for (const piece of pieces) {
    const text = piece.trim();
    if (letters(text) >= MIN_LETTERS * 2) vote(text);
    else if (text) short.push(text);
  }
  if (short.length) vote(short.join('. '));
  const [best] = [...weights.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!best) return null;
  return { code: best[0], share: Math.round((best[1] / total) * 1000) / 1000, pieces: counted };
}

const SKIPPED_KEYS = new Set(['type', 'id', 'format', 'partOfSpeech', 'schemaVersion']);

/** The words of lesson documents (texts, questions, options, vocabulary), without ids, types or gap marks. */
export function documentTexts(documents: unknown[]): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (SKIPPED_KEYS.has(key)) return;
    if (typeof value === 'string') {
      const text = value.replace(/\{\{\}\}/g, ' ').trim();
      if (text) out.push(text);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  documents.forEach((d) => walk(d, ''));
  return out;
}
