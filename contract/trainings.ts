// Trainings as the API returns them: sections, events, progress, the roster, a trainer's events. Shared by the
// routes (api/routes/trainingSchemas.ts) and the web client.
import { z } from 'zod';
import { TrainingEventFormat } from '../domain/training/events.js';

export const EventView = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  format: TrainingEventFormat,
  trainerId: z.string(),
  location: z.string().nullable(),
  link: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.string(),
  cancelReason: z.string().nullable(),
});

export const SectionView = z.object({
  id: z.string(),
  name: z.string(),
  participantGroupIds: z.array(z.string()),
  registrationOpens: z.string(),
  registrationCloses: z.string(),
  capacity: z.number(),
  seatsTaken: z.number(),
  seatsLeft: z.number(),
  waitlisted: z.number(),
  trainerIds: z.array(z.string()),
  attendanceConfirmationRequired: z.boolean(),
  approvalRequired: z.boolean(),
  waitlistEnabled: z.boolean(),
  waitlistCutoffMinutes: z.number(),
  events: z.array(EventView),
});

export const ProgressView = z.object({
  learnerId: z.string(),
  attended: z.number(),
  total: z.number(),
  completed: z.boolean(),
});

export const TrainingView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  imageUrl: z.string().nullable(),
  published: z.boolean(),
  revision: z.number(),
  sections: z.array(SectionView),
  me: z
    .object({
      sectionId: z.string(),
      status: z.string(),
      waitlistPosition: z.number().nullable(),
      progress: ProgressView.nullable(),
    })
    .nullable(),
});

export const RosterView = z.array(
  z.object({
    learnerId: z.string(),
    name: z.string().nullable(),
    status: z.string(),
    via: z.string(),
    waitlistPosition: z.number().nullable(),
    attended: z.number(),
    total: z.number(),
    completed: z.boolean(),
  }),
);

export const TrainerEventView = z.array(
  z.object({
    id: z.string(),
    trainingId: z.string(),
    trainingName: z.string(),
    sectionId: z.string(),
    sectionName: z.string(),
    start: z.string(),
    end: z.string(),
    timeZone: z.string(),
    format: TrainingEventFormat,
    trainerId: z.string(),
    location: z.string().nullable(),
    link: z.string().nullable(),
    status: z.string(),
  }),
);
export type TrainingEvent = z.infer<typeof EventView>;
export type Section = z.infer<typeof SectionView>;
export type Progress = z.infer<typeof ProgressView>;
export type Training = z.infer<typeof TrainingView>;
export type RosterEntry = z.infer<typeof RosterView>[number];
export type TrainerEvent = z.infer<typeof TrainerEventView>[number];
