// zod schemas of the trainings routes (bodies and responses), shared by the trainings route modules.
import { z } from 'zod';
import { TimeZone } from '../../domain/shared/schemas.js';
import { TrainingEventFormat } from '../../domain/training/events.js';
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../deps.js';
import { afterWrite } from '../http.js';
import { IsoDateTime } from './schemas.js';

export const TrainingParams = z.object({ id: z.uuid() });
export const SectionParams = z.object({ id: z.uuid(), sectionId: z.uuid() });
export const EventParams = z.object({ id: z.uuid(), trainingEventId: z.uuid() });
export const LearnerParams = z.object({ id: z.uuid(), learnerId: z.uuid() });
export const GroupParams = z.object({ id: z.uuid(), sectionId: z.uuid(), groupId: z.uuid() });

const toIso = (s: string) => new Date(s).toISOString();
export const Instant = IsoDateTime.transform(toIso);

/** A link people open from the page: http(s) only (never javascript:, data: or file:). */
const WebUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000);

export const TrainingBody = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).default(''),
  imageUrl: WebUrl.nullable().default(null),
});

export const EventDetailsBody = z
  .object({
    format: TrainingEventFormat,
    trainerId: z.uuid(),
    location: z.string().trim().min(1).max(500).nullable().default(null),
    link: WebUrl.nullable().default(null),
    notes: z.string().max(4000).nullable().default(null),
  })
  .refine((e) => e.format === 'in-person' || e.link !== null || e.location !== null, {
    path: ['link'],
    message: 'an online or hybrid event needs a link (or a location)',
    params: { rule: 'link_required' },
  });

export const TimingBody = z.object({ start: Instant, end: Instant, timeZone: TimeZone });

export const NewEventBody = z.intersection(TimingBody, EventDetailsBody);

export const SectionSettingsBody = z.object({
  name: z.string().trim().min(1).max(200),
  registrationOpens: Instant,
  registrationCloses: Instant,
  capacity: z.number().int().min(1).max(100_000),
  trainerIds: z.array(z.uuid()).max(50).default([]),
  attendanceConfirmationRequired: z.boolean().default(false),
  approvalRequired: z.boolean().default(false),
  waitlistEnabled: z.boolean().default(true),
  waitlistCutoffMinutes: z.number().int().min(0).max(525_600).default(0),
});

export const NewSectionBody = SectionSettingsBody.extend({
  participantGroupIds: z.array(z.uuid()).min(1).max(100),
  /** A section is saved with its events: at least one, so learners have something to register for. */
  events: z.array(NewEventBody).min(1, 'a section needs at least one event').max(100),
});

// The response schemas live in contract/trainings.ts (shared with the web client).
export { ProgressView, RosterView, TrainerEventView, TrainingView } from '../../contract/trainings.js';

/**
 * afterWrite with a longer bound: training writes answer with the training as the read model shows it, and a
 * burst of registrations can keep the projectors busy for longer than the default wait (30 s: the 10 s + 20 s
 * this used to wait in two steps).
 */
export const afterTrainingWrite = (
  deps: AppDeps,
  reply: FastifyReply,
  result: { revision: number; position: string | null; replayed?: boolean },
) => afterWrite(deps, reply, result, { timeoutMs: 30_000 });
