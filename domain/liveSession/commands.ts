// What can be asked of a live session. Time, ids and the actor arrive with the command.
import type { Participant } from './events.js';
import type { Charge, CompletionAction, CompletionNotes, RefusedCharge, Scores } from './lifecycleEvents.js';
import type { AttendanceMark } from './attendance.js';

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
export type PriceParticipant = Base & {
  type: 'PriceParticipant';
  studentId: string;
  lessonCostTokens: number;
};
export type CancelLiveSession = Base & { type: 'CancelLiveSession'; reason: string };

export type StartLiveSession = Base & { type: 'StartLiveSession' };
export type EndLiveSession = Base & { type: 'EndLiveSession' };
export type DeleteLiveSession = Base & { type: 'DeleteLiveSession'; reason: string };
/** From the realtime gateway: `at` is when the person joined or left the room. */
export type RecordPresence = Base & {
  type: 'RecordPresence';
  personId: string;
  presence: 'joined' | 'left';
  at: string;
};
/** Charges come from the preview the teacher confirmed; the decider checks they fit the session. */
export type CompleteLiveSession = Base & {
  type: 'CompleteLiveSession';
  action: CompletionAction;
  notes: CompletionNotes;
  attendance: AttendanceMark[];
  charges: Charge[];
  refused: RefusedCharge[];
};
export type ScoreStudent = Base & {
  type: 'ScoreStudent';
  studentId: string;
  scores: Scores;
  comment: string | null;
};
export type VerifyScores = Base & { type: 'VerifyScores'; studentId: string };
export type RevokeScoresVerification = Base & { type: 'RevokeScoresVerification'; studentId: string };

export type LifecycleCommand =
  | StartLiveSession
  | EndLiveSession
  | DeleteLiveSession
  | RecordPresence
  | CompleteLiveSession
  | ScoreStudent
  | VerifyScores
  | RevokeScoresVerification;

export type LiveSessionCommand =
  | ScheduleLiveSession
  | RescheduleLiveSession
  | ChangeLiveSessionDetails
  | AddParticipant
  | RemoveParticipant
  | PriceParticipant
  | CancelLiveSession
  | LifecycleCommand;
