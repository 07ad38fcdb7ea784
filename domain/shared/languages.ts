// Languages, by ISO 639-1 code: the ones a course may teach (its reports are written in it when Lectern can
// write that language), and the ones Lectern writes in for a person (summaries, mails): their own language.
import { z } from 'zod';

/** The languages a course may teach, with their English names. */
export const TAUGHT_LANGUAGES = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  nl: 'Dutch',
  pl: 'Polish',
  uk: 'Ukrainian',
  cs: 'Czech',
  sv: 'Swedish',
  tr: 'Turkish',
} as const;
export const TaughtLanguage = z.enum(Object.keys(TAUGHT_LANGUAGES) as [keyof typeof TAUGHT_LANGUAGES]);
export type TaughtLanguage = z.infer<typeof TaughtLanguage>;

/** The languages Lectern writes a person's summaries and mails in, with their own names. */
export const PERSON_LANGUAGES = { en: 'English', de: 'Deutsch', uk: 'Українська' } as const;
export const PersonLanguage = z.enum(Object.keys(PERSON_LANGUAGES) as [keyof typeof PERSON_LANGUAGES]);
export type PersonLanguage = z.infer<typeof PersonLanguage>;

/** A stored language as a person's language: English when none is set or it is not one Lectern writes. */
export const personLanguageOf = (stored: string | null | undefined): PersonLanguage =>
  PersonLanguage.catch('en').parse(stored ?? 'en');

/** The locale dates and numbers are written in for a person's language. */
export const LOCALE_OF: Record<PersonLanguage, string> = { en: 'en-GB', de: 'de-DE', uk: 'uk-UA' };
