// The mail texts of each language a person may choose, and how their dates are written.
import { LOCALE_OF, type PersonLanguage } from '../../domain/shared/languages.js';
import { de } from './de.js';
import { en } from './en.js';
import { uk } from './uk.js';
import type { MailTexts } from './types.js';

export type { MailTexts } from './types.js';

const TEXTS: Record<PersonLanguage, MailTexts> = { en, de, uk };

export const mailTexts = (language: PersonLanguage = 'en'): MailTexts => TEXTS[language];

/** "Tue, 24 Nov 2026, 10:00" (or "Di., 24. Nov. 2026, 10:00") in the zone, in the language's locale. */
export function dateTimeIn(iso: string, zone: string, language: PersonLanguage = 'en'): string {
  return new Intl.DateTimeFormat(LOCALE_OF[language], {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}
