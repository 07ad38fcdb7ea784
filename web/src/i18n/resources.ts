// One line per namespace: its English catalogue is the type every key is checked against (t('nav.schedule')).
import type account from './catalogs/account/en';
import type admin from './catalogs/admin/en';
import type billing from './catalogs/billing/en';
import type common from './catalogs/common/en';
import type completion from './catalogs/completion/en';
import type createSession from './catalogs/createSession/en';
import type enrollments from './catalogs/enrollments/en';
import type groupSchedule from './catalogs/groupSchedule/en';
import type homework from './catalogs/homework/en';
import type lessons from './catalogs/lessons/en';
import type preferences from './catalogs/preferences/en';
import type room from './catalogs/room/en';
import type schedule from './catalogs/schedule/en';
import type session from './catalogs/session/en';
import type trainingAdmin from './catalogs/trainingAdmin/en';
import type trainingDetail from './catalogs/trainingDetail/en';
import type trainings from './catalogs/trainings/en';

export type Resources = {
  account: typeof account;
  admin: typeof admin;
  billing: typeof billing;
  common: typeof common;
  completion: typeof completion;
  createSession: typeof createSession;
  enrollments: typeof enrollments;
  groupSchedule: typeof groupSchedule;
  homework: typeof homework;
  lessons: typeof lessons;
  preferences: typeof preferences;
  room: typeof room;
  schedule: typeof schedule;
  session: typeof session;
  trainingAdmin: typeof trainingAdmin;
  trainingDetail: typeof trainingDetail;
  trainings: typeof trainings;
};
