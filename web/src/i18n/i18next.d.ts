// Typed keys: t() accepts only keys of the namespace's English catalogue (see resources.ts).
import 'i18next';
import type { Resources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
