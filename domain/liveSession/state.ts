// A live session's state, folded from its events. A union on status.
import type { LiveSessionEvent, Participant } from './events.js';

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
};

export type LiveSessionState =
  | { status: 'none' }
  | (Details & { status: 'scheduled' })
  | (Details & { status: 'canceled'; cancelReason: string });

export const initialState = (): LiveSessionState => ({ status: 'none' });

export function evolve(state: LiveSessionState, event: LiveSessionEvent): LiveSessionState {
  switch (event.type) {
    case 'LiveSessionScheduled':
      return { status: 'scheduled', ...event.data };
    case 'LiveSessionRescheduled':
      if (state.status === 'none') return state;
      return {
        ...state,
        start: event.data.start,
        durationMinutes: event.data.durationMinutes,
        timeZone: event.data.timeZone,
      };
    case 'LiveSessionDetailsChanged':
      if (state.status === 'none') return state;
      return {
        ...state,
        title: event.data.title,
        notes: event.data.notes,
        courseLessonId: event.data.courseLessonId,
      };
    case 'LiveSessionParticipantAdded':
      if (state.status === 'none') return state;
      return {
        ...state,
        participants: [
          ...state.participants,
          { studentId: event.data.studentId, enrollmentId: event.data.enrollmentId },
        ],
      };
    case 'LiveSessionParticipantRemoved':
      if (state.status === 'none') return state;
      return {
        ...state,
        participants: state.participants.filter((p) => p.studentId !== event.data.studentId),
      };
    case 'LiveSessionCanceled':
      if (state.status === 'none') return state;
      return { ...state, status: 'canceled', cancelReason: event.data.reason };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
