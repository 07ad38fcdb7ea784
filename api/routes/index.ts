// Every route module. Each exports one function that registers its routes on the app.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { healthRoutes } from './health.js';
import { authRoutes } from './auth.js';
import { scheduleRoutes } from './schedule.js';
import { liveSessionRoutes } from './liveSessions.js';
import { courseRoutes } from './courses.js';
import { enrollmentRoutes } from './enrollments.js';
import { homeworkRoutes } from './homework.js';
import { enrollmentLessonRoutes } from './enrollmentLessons.js';
import { scheduleRuleRoutes } from './scheduleRules.js';
import { groupScheduleRuleRoutes } from './groupScheduleRules.js';
import { nextStepRoutes } from './nextSteps.js';
import { webRoutes } from './web.js';
import { peopleRoutes } from './people.js';
import { peopleAccessRoutes } from './peopleAccess.js';
import { groupRoutes } from './groups.js';
import { auditRoutes } from './audit.js';
import { walletRoutes } from './wallets.js';
import { completionRoutes } from './completion.js';
import { liveSessionLifecycleRoutes } from './liveSessionLifecycle.js';
import { attendanceRoutes } from './attendance.js';
import { roomRoutes } from './rooms.js';
import { roomRecordRoutes } from './roomRecord.js';
import { roomSpeakingRoutes } from './roomSpeaking.js';
import { roomIceServerRoutes } from './roomIceServers.js';
import { calendarRoutes } from './calendar.js';
import { mailRoutes } from './mail.js';
import { trainingRoutes } from './trainings.js';
import { trainingSectionRoutes } from './trainingSections.js';
import { trainingRegistrationRoutes } from './trainingRegistrations.js';
import { trainingChoiceRoutes } from './trainingChoices.js';
import { reportRoutes } from './reports.js';
import { invariantRoutes } from './invariants.js';
import { lessonContentRoutes } from './lessonContent.js';
import { lessonAnalysisRoutes } from './lessonAnalyses.js';
import { sessionSummaryRoutes } from './sessionSummaries.js';
import { followUpRoutes } from './followUps.js';
import { sessionSummaryTabRoutes } from './sessionSummaryTab.js';
import { summarySettingsRoutes } from './summarySettings.js';
import { organisationSettingsRoutes } from './organisationSettings.js';

export type RouteModule = (app: FastifyInstance, deps: AppDeps) => Promise<void> | void;

export const routes: RouteModule[] = [
  healthRoutes,
  authRoutes,
  scheduleRoutes,
  liveSessionRoutes,
  courseRoutes,
  enrollmentRoutes,
  peopleRoutes,
  peopleAccessRoutes,
  groupRoutes,
  auditRoutes,
  roomRoutes,
  roomRecordRoutes,
  roomSpeakingRoutes,
  roomIceServerRoutes,
  walletRoutes,
  completionRoutes,
  liveSessionLifecycleRoutes,
  attendanceRoutes,
  homeworkRoutes,
  enrollmentLessonRoutes,
  scheduleRuleRoutes,
  groupScheduleRuleRoutes,
  nextStepRoutes,
  calendarRoutes,
  mailRoutes,
  trainingRoutes,
  trainingSectionRoutes,
  trainingRegistrationRoutes,
  trainingChoiceRoutes,
  reportRoutes,
  invariantRoutes,
  lessonContentRoutes,
  lessonAnalysisRoutes,
  sessionSummaryRoutes,
  followUpRoutes,
  sessionSummaryTabRoutes,
  summarySettingsRoutes,
  organisationSettingsRoutes,
];

/** Registered last, after any mounts: the web client's fallback must never shadow an API route. */
export { webRoutes };
