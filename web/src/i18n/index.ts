// The interface's translations (i18next + react-i18next). Catalogues live in catalogs/<namespace>/<language>.ts
// and are loaded lazily, one chunk per namespace and language, when a component first asks for them
// (useTranslation('<namespace>') suspends until then). See README.md.
import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { PSEUDO, currentLocale, guessLanguage } from './languages';
import { pseudoCatalog } from './pseudo';
import { setTimeLocale } from '../lib/time';

export { PSEUDO, currentLocale, pseudoLocaleOn, switchToLanguage } from './languages';
export { useTranslation } from 'react-i18next';

const catalogs = import.meta.glob<{ default: ResourceKey }>('./catalogs/*/*.ts');

const lazyCatalogs: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = catalogs[`./catalogs/${namespace}/${language === PSEUDO ? 'en' : language}.ts`];
    if (!load) return callback(new Error(`no catalogue ${namespace}/${language}`), false);
    load().then(
      (m) => callback(null, language === PSEUDO ? pseudoCatalog(m.default) : m.default),
      (e: Error) => callback(e, false),
    );
  },
};

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  setTimeLocale(currentLocale());
});

void i18next
  .use(lazyCatalogs)
  .use(initReactI18next)
  .init({
    lng: guessLanguage(),
    fallbackLng: 'en',
    supportedLngs: ['en', 'de', 'uk', PSEUDO],
    load: 'currentOnly',
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    react: { useSuspense: true },
  });

export { i18next };

/** The locale for Intl in the interface's language; components using it re-render when the language changes. */
export function useLocale(): string {
  useTranslation();
  return currentLocale();
}
