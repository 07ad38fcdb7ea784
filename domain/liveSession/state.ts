// A live session's state, folded from its events. A union on status.
import type { LiveSessionEvent, Participant } from './events.js';
import type { AttendanceRecord, CompletionAction, CompletionNotes, Scores } from './lifecycleEvents.js';

/** One person's time in the room: each join opens an interval, each leave (or the end) closes it. */
export type Presence = { firstJoinedAt: string; intervals: { from: string; to: string | null }[] };

export type Completion = {
  action: CompletionAction;
  notes: CompletionNotes;
  attendance: AttendanceRecord[];
  /** Lesson costs were (or are being) debited: a second deduction is refused. */
  charged: boolean;
  verified: boolean;
  at: string;
};

export type StudentFeedback = { scores: Scores; comment: string | null; verified: boolean };

type Details = {
  liveSessionId: string;
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
  startedAt: string | null;
  endedAt: string | null;
  presence: Record<string, Presence>;
  completion: Completion | null;
  feedback: Record<string, StudentFeedback>;
};

export type LiveSessionState =
  | { status: 'none' }
  | (Details & { status: 'scheduled' })
  | (Details & { status: 'active' })
  | (Details & { status: 'ended' })
  | (Details & { status: 'canceled'; cancelReason: string })
  | (Details & { status: 'deleted' });

export type ExistingSession = Exclude<LiveSessionState, { status: 'none' }>;

export const initialState = (): LiveSessionState => ({ status: 'none' });

export function evolve(state: LiveSessionState, event: LiveSessionEvent): LiveSessionState {
  if (event.type === 'LiveSessionScheduled') {
    return {
      status: 'scheduled',
      ...event.data,
      startedAt: null,
      endedAt: null,
      presence: {},
      completion: null,
      feedback: {},
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'LiveSessionRescheduled':
      return {
        ...state,
        start: event.data.start,
        durationMinutes: event.data.durationMinutes,
        timeZone: event.data.timeZone,
      };
    case 'LiveSessionDetailsChanged':
      return {
        ...state,
        title: event.data.title,
        notes: event.data.notes,
        courseLessonId: event.data.courseLessonId,
      };
    case 'LiveSessionParticipantAdded':
      return {
        ...state,
        participants: [
          ...state.participants,
          {
            studentId: event.data.studentId,
            enrollmentId: event.data.enrollmentId,
            ...(event.data.lessonCostTokens != null ? { lessonCostTokens: event.data.lessonCostTokens } : {}),
          },
        ],
      };
    case 'LiveSessionParticipantPriced':
      return {
        ...state,
        participants: state.participants.map((p) =>
          p.studentId === event.data.studentId ? { ...p, lessonCostTokens: event.data.lessonCostTokens } : p,
        ),
      };
    case 'LiveSessionParticipantRemoved':
      return {
        ...state,
        participants: state.participants.filter((p) => p.studentId !== event.data.studentId),
      };
    case 'LiveSessionCanceled':
      return { ...closePresence(state, state.endedAt), status: 'canceled', cancelReason: event.data.reason };
    default:
      return evolveLifecycle(state, event);
  }
}

function evolveLifecycle(
  state: ExistingSession,
  event: Exclude<
    LiveSessionEvent,
    {
      type:
        | 'LiveSessionScheduled'
        | 'LiveSessionRescheduled'
        | 'LiveSessionDetailsChanged'
        | 'LiveSessionParticipantAdded'
        | 'LiveSessionParticipantRemoved'
        | 'LiveSessionParticipantPriced'
        | 'LiveSessionCanceled';
    }
  >,
): LiveSessionState {
  switch (event.type) {
    case 'LiveSessionStarted':
      return { ...state, status: 'active', startedAt: event.data.at };
    case 'LiveSessionEnded':
      return { ...closePresence(state, event.data.at), status: 'ended', endedAt: event.data.at };
    case 'LiveSessionDeleted':
      return { ...state, status: 'deleted' };
    case 'ParticipantJoined': {
      const { personId, at } = event.data;
      const current = state.presence[personId];
      const presence: Presence = current
        ? { ...current, intervals: [...current.intervals, { from: at, to: null }] }
        : { firstJoinedAt: at, intervals: [{ from: at, to: null }] };
      return { ...state, presence: { ...state.presence, [personId]: presence } };
    }
    case 'ParticipantLeft': {
      const { personId, at } = event.data;
      const current = state.presence[personId];
      if (!current) return state;
      const intervals = current.intervals.map((i) => (i.to === null ? { ...i, to: at } : i));
      return { ...state, presence: { ...state.presence, [personId]: { ...current, intervals } } };
    }
    case 'LiveSessionCompleted': {
      const { action, notes, attendance, at } = event.data;
      const verified = action === 'verify_and_deduct';
      const completion = { action, notes, attendance, charged: action !== 'finish', verified, at };
      return { ...state, status: 'ended', endedAt: state.endedAt ?? at, completion };
    }
    case 'LiveSessionVerified':
      if (!state.completion) return state;
      return { ...state, completion: { ...state.completion, charged: true, verified: true } };
    case 'StudentScored': {
      const { studentId, scores, comment } = event.data;
      return { ...state, feedback: { ...state.feedback, [studentId]: { scores, comment, verified: false } } };
    }
    case 'ScoresVerified':
    case 'ScoresVerificationRevoked': {
      const current = state.feedback[event.data.studentId];
      if (!current) return state;
      const verified = event.type === 'ScoresVerified';
      return { ...state, feedback: { ...state.feedback, [event.data.studentId]: { ...current, verified } } };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** Everyone still in the room leaves when the session ends (or is canceled while running). */
function closePresence<S extends ExistingSession>(state: S, at: string | null): S {
  if (at === null) return state;
  const presence: Record<string, Presence> = {};
  for (const [personId, p] of Object.entries(state.presence)) {
    presence[personId] = { ...p, intervals: p.intervals.map((i) => (i.to === null ? { ...i, to: at } : i)) };
  }
  return { ...state, presence };
}
