// One line per namespace: its English catalogue is the type every key is checked against (t('nav.schedule')).
import type billing from './catalogs/billing/en';
import type common from './catalogs/common/en';
import type enrollments from './catalogs/enrollments/en';
import type groupSchedule from './catalogs/groupSchedule/en';
import type homework from './catalogs/homework/en';
import type preferences from './catalogs/preferences/en';
import type schedule from './catalogs/schedule/en';
import type session from './catalogs/session/en';
import type trainingAdmin from './catalogs/trainingAdmin/en';
import type trainingDetail from './catalogs/trainingDetail/en';
import type trainings from './catalogs/trainings/en';

export type Resources = {
  billing: typeof billing;
  common: typeof common;
  enrollments: typeof enrollments;
  groupSchedule: typeof groupSchedule;
  homework: typeof homework;
  preferences: typeof preferences;
  schedule: typeof schedule;
  session: typeof session;
  trainingAdmin: typeof trainingAdmin;
  trainingDetail: typeof trainingDetail;
  trainings: typeof trainings;
};
