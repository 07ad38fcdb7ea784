// What can be asked of a live session. Time, ids and the actor arrive with the command.
import type { Participant } from './events.js';

type Base = { liveSessionId: string; now: string };

export type ScheduleLiveSession = Base & {
  type: 'ScheduleLiveSession';
  orgId: string;
  kind: 'individual' | 'group';
  courseId: string;
  courseLessonId: string | null;
  teacherId: string;
  enrollmentId: string | null;
  studentGroupId: string | null;
  participants: Participant[];
  start: string;
  durationMinutes: number;
  timeZone: string;
  title: string | null;
  notes: string | null;
};

export type RescheduleLiveSession = Base & {
  type: 'RescheduleLiveSession';
  start: string;
  durationMinutes: number;
  timeZone: string;
};

export type ChangeLiveSessionDetails = Base & {
  type: 'ChangeLiveSessionDetails';
  title: string | null;
  notes: string | null;
  courseLessonId: string | null;
};

export type AddParticipant = Base & { type: 'AddParticipant'; participant: Participant };
export type RemoveParticipant = Base & { type: 'RemoveParticipant'; studentId: string };
export type CancelLiveSession = Base & { type: 'CancelLiveSession'; reason: string };

export type LiveSessionCommand =
  | ScheduleLiveSession
  | RescheduleLiveSession
  | ChangeLiveSessionDetails
  | AddParticipant
  | RemoveParticipant
  | CancelLiveSession;
