// Facts about a live room (stream `room-<roomId>`): chat, polls, edit permissions, the lesson on show and
// each person's speaking time.
// Type strings are never renamed: a changed shape gets a new type and an upcaster.
import { z } from 'zod';

const base = { roomId: z.string(), at: z.string() };

export const RoomEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('RoomChatMessagePosted'),
    data: z.object({ ...base, messageId: z.string(), personId: z.string(), text: z.string() }),
  }),
  z.object({
    type: z.literal('RoomChatMessageRemoved'),
    data: z.object({ ...base, messageId: z.string(), removedBy: z.string() }),
  }),
  z.object({
    type: z.literal('RoomPollOpened'),
    data: z.object({
      ...base,
      pollId: z.string(),
      question: z.string(),
      options: z.array(z.string()),
      anonymous: z.boolean(),
      openedBy: z.string(),
    }),
  }),
  z.object({
    type: z.literal('RoomPollAnswered'),
    data: z.object({ ...base, pollId: z.string(), personId: z.string(), option: z.number().int() }),
  }),
  z.object({
    type: z.literal('RoomPollClosed'),
    data: z.object({ ...base, pollId: z.string(), closedBy: z.string() }),
  }),
  z.object({
    type: z.literal('RoomEditPermissionChanged'),
    data: z.object({ ...base, personId: z.string(), canEdit: z.boolean(), changedBy: z.string() }),
  }),
  z.object({
    type: z.literal('RoomInstantLessonCreated'),
    data: z.object({ ...base, lessonId: z.string(), title: z.string(), createdBy: z.string() }),
  }),
  z.object({
    type: z.literal('RoomLessonSwitched'),
    data: z.object({
      ...base,
      lessonId: z.string(),
      kind: z.enum(['course', 'instant']),
      switchedBy: z.string(),
    }),
  }),
  z.object({
    type: z.literal('RoomReturnedToSessionLesson'),
    data: z.object({ ...base, switchedBy: z.string() }),
  }),
  /** Seconds a person spoke since their last report, measured by their own browser from their microphone. */
  z.object({
    type: z.literal('RoomSpeakingTimeRecorded'),
    data: z.object({ ...base, personId: z.string(), seconds: z.number().nonnegative() }),
  }),
]);

export type RoomEvent = z.infer<typeof RoomEvent>;
export const roomEventTypes = new Set(RoomEvent.options.map((o) => o.shape.type.value));
