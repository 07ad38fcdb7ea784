// The follow-up message after a lesson: what the teacher sends the session's students once it has ended: the key
// points covered, the resources shared and how to prepare, and for each student their homework still to do and
// their next session (found when it is sent). Sent again after a correction: a new revision replaces it.
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';

export const FollowUpStudent = z.object({
  studentId: z.string(),
  /** Their homework of the course still to do (added or started) when it was sent. */
  homework: z.array(
    z.object({
      homeworkId: z.string(),
      enrollmentId: z.string(),
      title: z.string().nullable(),
      status: z.string(),
    }),
  ),
  nextSession: z
    .object({
      liveSessionId: z.string(),
      start: z.string(),
      timeZone: z.string(),
      title: z.string().nullable(),
    })
    .nullable(),
});
export type FollowUpStudent = z.infer<typeof FollowUpStudent>;

export const FollowUpText = z.object({
  keyPoints: z.string(),
  resources: z.array(z.string()),
  preparation: z.string().nullable(),
});
export type FollowUpText = z.infer<typeof FollowUpText>;

export const FollowUpEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('FollowUpSent'),
    data: FollowUpText.extend({
      liveSessionId: z.string(),
      orgId: z.string(),
      teacherId: z.string(),
      revision: z.number().int(),
      students: z.array(FollowUpStudent),
      sentBy: z.string(),
      at: z.string(),
    }),
  }),
]);
export type FollowUpEvent = z.infer<typeof FollowUpEvent>;

export type FollowUpCommand = {
  type: 'SendFollowUp';
  liveSessionId: string;
  orgId: string;
  teacherId: string;
  text: FollowUpText;
  students: FollowUpStudent[];
  sentBy: string;
  at: string;
};

export type FollowUpState = { status: 'none' } | { status: 'sent'; revision: number };

export const followUpDecider: Decider<FollowUpCommand, FollowUpEvent, FollowUpState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    const { type: _t, text, ...rest } = command;
    const revision = state.status === 'sent' ? state.revision + 1 : 0;
    return [{ type: 'FollowUpSent', data: { ...rest, ...text, revision } }];
  },
  evolve(_state, event) {
    return { status: 'sent', revision: event.data.revision };
  },
};
