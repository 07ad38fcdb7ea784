// The events of every aggregate as one union, for whoever consumes the log (projections, process managers):
// handlers are keyed by these type names and receive the data typed for their type. Derived from the domain's
// zod event unions, so an event type exists here exactly when an aggregate may append it.
import type { RecordedEvent } from '../eventStore/port.js';
import type { LiveSessionEvent } from '../../domain/liveSession/events.js';
import type { RoomEvent } from '../../domain/room/events.js';
import type { TrainingDomainEvent } from '../../domain/training/events.js';
import type { WalletEvent } from '../../domain/wallet/events.js';
import type { CourseEvent } from '../../domain/course/course.js';
import type { EnrollmentEvent } from '../../domain/enrollment/enrollment.js';
import type { TeacherCalendarEvent } from '../../domain/teacherCalendar/teacherCalendar.js';
import type { LessonContentEvent } from '../../domain/lessonContent/content.js';
import type { LessonAnswersEvent } from '../../domain/lessonContent/answers.js';
import type { LessonAnalysisEvent } from '../../domain/lessonAnalysis/events.js';
import type { SessionSummaryEvent } from '../../domain/sessionSummary/summary.js';
import type { FollowUpEvent } from '../../domain/followUp/followUp.js';
import type { TrainingRoomPresenceEvent } from '../../domain/trainingRoom/presence.js';
import type { GroupScheduleEvent } from '../../domain/groupSchedule/groupSchedule.js';

export type DomainEvent =
  | LiveSessionEvent
  | RoomEvent
  | TrainingDomainEvent
  | WalletEvent
  | CourseEvent
  | EnrollmentEvent
  | TeacherCalendarEvent
  | LessonContentEvent
  | LessonAnswersEvent
  | LessonAnalysisEvent
  | SessionSummaryEvent
  | FollowUpEvent
  | TrainingRoomPresenceEvent
  | GroupScheduleEvent;

export type DomainEventType = DomainEvent['type'];

/** The data of an event of type `K`. */
export type EventData<K extends DomainEventType> = Extract<DomainEvent, { type: K }>['data'];

/**
 * A recorded event whose type is one of `K`, with its data typed accordingly: a union discriminated by `type`,
 * so `switch (event.type)` narrows `event.data`.
 */
export type RecordedOf<K extends DomainEventType = DomainEventType> = K extends DomainEventType
  ? Omit<RecordedEvent, 'type' | 'data'> & { type: K; data: EventData<K> }
  : never;

/** Any recorded event of the domain. */
export type RecordedDomainEvent = RecordedOf;

/**
 * The one place a recorded event is narrowed to its domain type: an event whose type a consumer handles was
 * appended by the aggregate that defines that type (the write side parses it through the same schema).
 */
export const handledBy =
  <K extends DomainEventType>(handles: ReadonlySet<K>) =>
  (event: RecordedEvent): event is RecordedOf<K> =>
    handles.has(event.type as K);
