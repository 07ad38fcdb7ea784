// Facts about a live session. Type strings are never renamed: a changed shape gets a new type and an upcaster.
import { z } from 'zod';
import { lifecycleEvents } from './lifecycleEvents.js';

/**
 * A student of the session. `lessonCostTokens` is the price set when a student without an enrollment for the
 * session's course (nor with its teacher) was added: what the lesson costs them (see commands/completion.ts).
 */
const Participant = z.object({
  studentId: z.string(),
  enrollmentId: z.string().nullable(),
  lessonCostTokens: z.number().nullable().optional(),
});
export type Participant = z.infer<typeof Participant>;

export const LiveSessionEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('LiveSessionScheduled'),
    data: z.object({
      liveSessionId: z.string(),
      orgId: z.string(),
      kind: z.enum(['individual', 'group']),
      courseId: z.string(),
      courseLessonId: z.string().nullable(),
      teacherId: z.string(),
      enrollmentId: z.string().nullable(),
      studentGroupId: z.string().nullable(),
      participants: z.array(Participant),
      start: z.string(),
      durationMinutes: z.number(),
      timeZone: z.string(),
      title: z.string().nullable(),
      notes: z.string().nullable(),
    }),
  }),
  z.object({
    type: z.literal('LiveSessionRescheduled'),
    data: z.object({
      liveSessionId: z.string(),
      start: z.string(),
      durationMinutes: z.number(),
      timeZone: z.string(),
    }),
  }),
  z.object({
    type: z.literal('LiveSessionDetailsChanged'),
    data: z.object({
      liveSessionId: z.string(),
      title: z.string().nullable(),
      notes: z.string().nullable(),
      courseLessonId: z.string().nullable(),
    }),
  }),
  z.object({
    type: z.literal('LiveSessionParticipantAdded'),
    data: z.object({
      liveSessionId: z.string(),
      studentId: z.string(),
      enrollmentId: z.string().nullable(),
      lessonCostTokens: z.number().nullable().optional(),
    }),
  }),
  /** The lesson's price for one participant, set (or changed) before the lesson is charged. */
  z.object({
    type: z.literal('LiveSessionParticipantPriced'),
    data: z.object({ liveSessionId: z.string(), studentId: z.string(), lessonCostTokens: z.number() }),
  }),
  z.object({
    type: z.literal('LiveSessionParticipantRemoved'),
    data: z.object({ liveSessionId: z.string(), studentId: z.string() }),
  }),
  z.object({
    type: z.literal('LiveSessionCanceled'),
    data: z.object({ liveSessionId: z.string(), reason: z.string() }),
  }),
  ...lifecycleEvents,
]);

export type LiveSessionEvent = z.infer<typeof LiveSessionEvent>;
export type LiveSessionScheduled = Extract<LiveSessionEvent, { type: 'LiveSessionScheduled' }>;
export const liveSessionEventTypes = new Set(LiveSessionEvent.options.map((o) => o.shape.type.value));
