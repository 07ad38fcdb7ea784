// The languages the API speaks of, shared with the web client: those a course may teach and those Lectern
// writes a person's summaries and mails in.
export {
  LOCALE_OF,
  PERSON_LANGUAGES,
  PersonLanguage,
  TAUGHT_LANGUAGES,
  TaughtLanguage,
} from '../domain/shared/languages.js';
