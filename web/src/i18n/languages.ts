// Which language the interface speaks, and the locale dates and numbers are written in for it.
import i18next from 'i18next';
import { LOCALE_OF, PERSON_LANGUAGES, type PersonLanguage } from '../../../contract/languages';

/** The pseudo-locale ("[Ŝçĥéðûļé]"): English with accented letters, for finding text that is not translated. */
export const PSEUDO = 'en-XA';
export type UiLanguage = PersonLanguage | typeof PSEUDO;

const REMEMBERED = 'lectern.language';
const PSEUDO_SWITCH = 'lectern.pseudoLocale';

export const isPersonLanguage = (code: unknown): code is PersonLanguage =>
  typeof code === 'string' && Object.hasOwn(PERSON_LANGUAGES, code);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The pseudo-locale is switched on by localStorage 'lectern.pseudoLocale' = '1' (tests, translators). */
export const pseudoLocaleOn = () => storage()?.getItem(PSEUDO_SWITCH) === '1';

/** Before anyone is signed in: the language last used in this browser, else the browser's own, else English. */
export function guessLanguage(): UiLanguage {
  if (pseudoLocaleOn()) return PSEUDO;
  const remembered = storage()?.getItem(REMEMBERED);
  if (isPersonLanguage(remembered)) return remembered;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isPersonLanguage(base)) return base;
  }
  return 'en';
}

/** Switches the interface to a person's language (remembered for the sign-in page of this browser). */
export async function switchToLanguage(language: PersonLanguage) {
  storage()?.setItem(REMEMBERED, language);
  const next: UiLanguage = pseudoLocaleOn() ? PSEUDO : language;
  if (i18next.language !== next) await i18next.changeLanguage(next);
}

/** The BCP 47 locale for Intl (dates, numbers, lists) in the interface's current language. */
export function currentLocale(): string {
  const lng = i18next.language;
  return isPersonLanguage(lng) ? LOCALE_OF[lng] : 'en-GB';
}
