// The aggregates of Lectern and their stream categories.
import type { z } from 'zod';
import type { Decider } from '../domain/shared/decider.js';
import { TRAINING_CATEGORY, TrainingDomainEvent } from '../domain/training/events.js';
import { trainingDecider } from '../domain/training/decider.js';
import type { TrainingCommand } from '../domain/training/commands.js';
import type { TrainingState } from '../domain/training/state.js';
import { WalletEvent, walletDecider, type WalletCommand, type WalletState } from '../domain/wallet/wallet.js';
import { RoomEvent } from '../domain/room/events.js';
import { roomDecider } from '../domain/room/decider.js';
import type { RoomCommand } from '../domain/room/commands.js';
import type { RoomState } from '../domain/room/state.js';
import { LiveSessionEvent } from '../domain/liveSession/events.js';
import { liveSessionDecider } from '../domain/liveSession/decider.js';
import type { LiveSessionCommand } from '../domain/liveSession/commands.js';
import type { LiveSessionState } from '../domain/liveSession/state.js';
import {
  TeacherCalendarEvent,
  teacherCalendarDecider,
  type TeacherCalendarCommand,
  type TeacherCalendarState,
} from '../domain/teacherCalendar/teacherCalendar.js';
import { CourseEvent, courseDecider, type CourseCommand, type CourseState } from '../domain/course/course.js';
import {
  EnrollmentEvent,
  enrollmentDecider,
  type EnrollmentCommand,
  type EnrollmentState,
} from '../domain/enrollment/enrollment.js';
import { LessonContentEvent, lessonContentDecider } from '../domain/lessonContent/content.js';
import { LessonAnswersEvent, lessonAnswersDecider } from '../domain/lessonContent/answers.js';
import { LessonAnalysisEvent, lessonAnalysisDecider } from '../domain/lessonAnalysis/analysis.js';
import { SessionSummaryEvent, sessionSummaryDecider } from '../domain/sessionSummary/summary.js';
import {
  OrganisationEvent,
  organisationDecider,
  type OrganisationCommand,
  type OrganisationState,
} from '../domain/organisation/organisation.js';
import { FollowUpEvent, followUpDecider } from '../domain/followUp/followUp.js';
import {
  TrainingRoomPresenceEvent,
  trainingRoomPresenceDecider,
  type TrainingRoomPresenceCommand,
  type TrainingRoomPresenceState,
} from '../domain/trainingRoom/presence.js';
import {
  GroupScheduleEvent,
  groupScheduleDecider,
  type GroupScheduleCommand,
  type GroupScheduleState,
} from '../domain/groupSchedule/groupSchedule.js';

/** An aggregate as the write side sees it: a stream category, a decider, and the schema of its events. */
export type Aggregate<Command, Event extends { type: string }, State> = {
  category: string;
  decider: Decider<Command, Event, State>;
  events: z.ZodType<Event>;
};

export const liveSessions: Aggregate<LiveSessionCommand, LiveSessionEvent, LiveSessionState> = {
  category: 'liveSession',
  decider: liveSessionDecider,
  events: LiveSessionEvent,
};

export const teacherCalendars: Aggregate<TeacherCalendarCommand, TeacherCalendarEvent, TeacherCalendarState> =
  {
    category: 'teacherCalendar',
    decider: teacherCalendarDecider,
    events: TeacherCalendarEvent,
  };

export const courses: Aggregate<CourseCommand, CourseEvent, CourseState> = {
  category: 'course',
  decider: courseDecider,
  events: CourseEvent,
};

export const enrollments: Aggregate<EnrollmentCommand, EnrollmentEvent, EnrollmentState> = {
  category: 'enrollment',
  decider: enrollmentDecider,
  events: EnrollmentEvent,
};

export const rooms: Aggregate<RoomCommand, RoomEvent, RoomState> = {
  category: 'room',
  decider: roomDecider,
  events: RoomEvent,
};

export const wallets: Aggregate<WalletCommand, WalletEvent, WalletState> = {
  category: 'wallet',
  decider: walletDecider,
  events: WalletEvent,
};

export const trainings: Aggregate<TrainingCommand, TrainingDomainEvent, TrainingState> = {
  category: TRAINING_CATEGORY,
  decider: trainingDecider,
  events: TrainingDomainEvent,
};

export const lessonContents = {
  category: 'lessonContent',
  decider: lessonContentDecider,
  events: LessonContentEvent,
};
export const lessonAnswers = {
  category: 'lessonAnswers',
  decider: lessonAnswersDecider,
  events: LessonAnswersEvent,
};
export const lessonAnalyses = {
  category: 'lessonAnalysis',
  decider: lessonAnalysisDecider,
  events: LessonAnalysisEvent,
};
export const sessionSummaries = {
  category: 'sessionSummary',
  decider: sessionSummaryDecider,
  events: SessionSummaryEvent,
};

export const followUps = {
  category: 'followUp',
  decider: followUpDecider,
  events: FollowUpEvent,
};

/** Presence of registered learners in a training event's live room: one stream per training event. */
export const trainingRoomPresence: Aggregate<
  TrainingRoomPresenceCommand,
  TrainingRoomPresenceEvent,
  TrainingRoomPresenceState
> = {
  category: 'trainingRoomPresence',
  decider: trainingRoomPresenceDecider,
  events: TrainingRoomPresenceEvent,
};

/** Recurring classes of a student group: one stream per group. */
export const groupSchedules: Aggregate<GroupScheduleCommand, GroupScheduleEvent, GroupScheduleState> = {
  category: 'groupSchedule',
  decider: groupScheduleDecider,
  events: GroupScheduleEvent,
};

export const organisations: Aggregate<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  category: 'organisation',
  decider: organisationDecider,
  events: OrganisationEvent,
};
