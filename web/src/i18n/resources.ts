// One line per namespace: its English catalogue is the type every key is checked against (t('nav.schedule')).
import type common from './catalogs/common/en';

export type Resources = {
  common: typeof common;
};
