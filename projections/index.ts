// Every projection, by name. `npm run rebuild -- <name>` takes these names.
import type { Projection } from './projection.js';
import { auditProjection } from './audit/audit.js';
import { scheduleProjection } from './schedule/schedule.js';
import { catalogProjection } from './catalog/catalog.js';
import { billingProjection } from './billing/billing.js';
import { attendanceProjection } from './attendance/attendance.js';
import { homeworkProjection } from './homework/homework.js';
import { scheduleRulesProjection } from './lessons/scheduleRules.js';
import { outboxProjection } from './outbox/outbox.js';
import { trainingsProjection } from './trainings/trainings.js';
import { reportsProjection } from './reports/reports.js';
import { roomProjection } from './room/room.js';
import { lessonAnswersProjection } from './lessonAnswers/lessonAnswers.js';
import { lessonAnalysesProjection } from './lessonAnalyses/lessonAnalyses.js';
import { sessionSummariesProjection } from './sessionSummaries/sessionSummaries.js';
import { followUpsProjection } from './followUps/followUps.js';
import { groupScheduleProjection } from './groupSchedule/groupSchedule.js';

export const projections: Projection[] = [
  scheduleProjection,
  catalogProjection,
  billingProjection,
  attendanceProjection,
  homeworkProjection,
  scheduleRulesProjection,
  outboxProjection,
  trainingsProjection,
  reportsProjection,
  roomProjection,
  lessonAnswersProjection,
  lessonAnalysesProjection,
  sessionSummariesProjection,
  followUpsProjection,
  groupScheduleProjection,
  auditProjection,
];

export const projectionByName = (name: string) => projections.find((p) => p.name === name);
