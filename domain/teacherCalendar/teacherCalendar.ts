// A teacher's bookings: the one place that knows every slot of a teacher, so double-booking is refused here,
// under the stream's optimistic concurrency, also when two schedulings race.
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { RuleViolation } from '../shared/errors.js';
import { overlaps } from '../shared/time.js';

export const TeacherCalendarEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('TeachingSlotBooked'),
    data: z.object({ teacherId: z.string(), liveSessionId: z.string(), start: z.string(), end: z.string() }),
  }),
  z.object({
    type: z.literal('TeachingSlotMoved'),
    data: z.object({ teacherId: z.string(), liveSessionId: z.string(), start: z.string(), end: z.string() }),
  }),
  z.object({
    type: z.literal('TeachingSlotReleased'),
    data: z.object({ teacherId: z.string(), liveSessionId: z.string() }),
  }),
]);
export type TeacherCalendarEvent = z.infer<typeof TeacherCalendarEvent>;

export type TeacherCalendarCommand =
  | { type: 'BookTeachingSlot'; teacherId: string; liveSessionId: string; start: string; end: string }
  | { type: 'MoveTeachingSlot'; teacherId: string; liveSessionId: string; start: string; end: string }
  | { type: 'ReleaseTeachingSlot'; teacherId: string; liveSessionId: string };

type Slot = { start: string; end: string };
export type TeacherCalendarState = { slots: Map<string, Slot> };

function conflictWith(state: TeacherCalendarState, liveSessionId: string, start: string, end: string) {
  for (const [id, slot] of state.slots) {
    if (id !== liveSessionId && overlaps(slot.start, slot.end, start, end)) return { id, ...slot };
  }
  return undefined;
}

function refuseConflict(state: TeacherCalendarState, liveSessionId: string, start: string, end: string) {
  const conflict = conflictWith(state, liveSessionId, start, end);
  if (conflict) {
    throw new RuleViolation(
      'teacher_double_booked',
      `the teacher already has a live session from ${conflict.start} to ${conflict.end}`,
      { conflictingLiveSessionId: conflict.id, startsAt: conflict.start, endsAt: conflict.end },
    );
  }
}

export const teacherCalendarDecider: Decider<
  TeacherCalendarCommand,
  TeacherCalendarEvent,
  TeacherCalendarState
> = {
  initialState: () => ({ slots: new Map() }),
  decide(command, state) {
    switch (command.type) {
      case 'BookTeachingSlot':
      case 'MoveTeachingSlot': {
        const { teacherId, liveSessionId, start, end } = command;
        const current = state.slots.get(liveSessionId);
        if (current && current.start === start && current.end === end) return [];
        refuseConflict(state, liveSessionId, start, end);
        const type = current ? 'TeachingSlotMoved' : 'TeachingSlotBooked';
        return [{ type, data: { teacherId, liveSessionId, start, end } }];
      }
      case 'ReleaseTeachingSlot':
        if (!state.slots.has(command.liveSessionId)) return [];
        return [
          {
            type: 'TeachingSlotReleased',
            data: { teacherId: command.teacherId, liveSessionId: command.liveSessionId },
          },
        ];
      default: {
        const _exhaustive: never = command;
        return [];
      }
    }
  },
  evolve(state, event) {
    const slots = new Map(state.slots);
    switch (event.type) {
      case 'TeachingSlotBooked':
      case 'TeachingSlotMoved':
        slots.set(event.data.liveSessionId, { start: event.data.start, end: event.data.end });
        break;
      case 'TeachingSlotReleased':
        slots.delete(event.data.liveSessionId);
        break;
      default: {
        const _exhaustive: never = event;
      }
    }
    return { slots };
  },
};
