// Facts about a training (a multi-date course learners register for): its sections, its training events, registrations, waitlists,
// attendance and completion. One stream per training (`training-<trainingId>`), so that "one section per
// learner" and every section's capacity are decided together. Type strings are never renamed.
//
// For consumers (mail, calendar, realtime):
// - A learner holds a confirmed seat after `LearnerRegistered` or `RegistrationApproved`.
// - `LearnerRegistrationRequested` is a pending request (approval required); it holds a seat until declined.
// - `LearnerWaitlisted` holds no seat; a promotion appears as `LearnerRegistered` (or
//   `LearnerRegistrationRequested` when approval is required) with `via: 'waitlist'`.
// - `LearnerDeregistered` ends any of those states (`from` says which).
// - People are referred to by id only; names and e-mails live in the `people` table.
import { z } from 'zod';

const TrainingRef = { trainingId: z.string() };
const SectionRef = { trainingId: z.string(), sectionId: z.string() };
const LearnerRef = { trainingId: z.string(), sectionId: z.string(), learnerId: z.string() };
/** The person who caused the fact; null for the system (e.g. a waitlist promotion). */
const By = z.string().nullable();

export const TrainingEventFormat = z.enum(['online', 'in-person', 'hybrid']);
export type TrainingEventFormat = z.infer<typeof TrainingEventFormat>;

/** The settings of a section that may change after it is added (its groups change through their own events). */
export const SectionSettings = z.object({
  name: z.string(),
  /** ISO instants; registration is open when opens <= now < closes. */
  registrationOpens: z.string(),
  registrationCloses: z.string(),
  capacity: z.number().int().positive(),
  trainerIds: z.array(z.string()),
  /** "Attendance to be confirmed by host". */
  attendanceConfirmationRequired: z.boolean(),
  approvalRequired: z.boolean(),
  waitlistEnabled: z.boolean(),
  /** No one is promoted from the waitlist later than this many minutes before the section's first event. */
  waitlistCutoffMinutes: z.number().int().min(0),
});
export type SectionSettings = z.infer<typeof SectionSettings>;

/** Where and how a training event takes place (everything but its time). */
export const TrainingEventDetails = z.object({
  format: TrainingEventFormat,
  trainerId: z.string(),
  location: z.string().nullable(),
  link: z.string().nullable(),
  notes: z.string().nullable(),
});
export type TrainingEventDetails = z.infer<typeof TrainingEventDetails>;

const Timing = { start: z.string(), end: z.string(), timeZone: z.string() };

const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), data: z.object(shape) });

export const TrainingDomainEvent = z.discriminatedUnion('type', [
  ev('TrainingCreated', {
    ...TrainingRef,
    orgId: z.string(),
    name: z.string(),
    description: z.string(),
    imageUrl: z.string().nullable(),
  }),
  ev('TrainingDetailsChanged', {
    ...TrainingRef,
    name: z.string(),
    description: z.string(),
    imageUrl: z.string().nullable(),
  }),
  ev('TrainingPublished', { ...TrainingRef }),
  ev('TrainingUnpublished', { ...TrainingRef }),

  ev('SectionAdded', { ...SectionRef, ...SectionSettings.shape, participantGroupIds: z.array(z.string()) }),
  ev('SectionSettingsChanged', { ...SectionRef, ...SectionSettings.shape }),
  ev('SectionGroupAdded', { ...SectionRef, groupId: z.string() }),
  /** Only before the section has had any registration (trainings: the original groups stay locked in). */
  ev('SectionGroupRemoved', { ...SectionRef, groupId: z.string() }),
  /** Only a section without registrations can be removed. */
  ev('SectionRemoved', { ...SectionRef }),

  ev('TrainingEventScheduled', {
    ...SectionRef,
    trainingEventId: z.string(),
    ...Timing,
    ...TrainingEventDetails.shape,
  }),
  ev('TrainingEventRescheduled', { ...SectionRef, trainingEventId: z.string(), ...Timing }),
  ev('TrainingEventDetailsChanged', {
    ...SectionRef,
    trainingEventId: z.string(),
    ...TrainingEventDetails.shape,
  }),
  ev('TrainingEventCanceled', { ...SectionRef, trainingEventId: z.string(), reason: z.string() }),

  ev('LearnerRegistered', { ...LearnerRef, by: By, via: z.enum(['self', 'manual', 'waitlist']) }),
  ev('LearnerRegistrationRequested', { ...LearnerRef, by: By, via: z.enum(['self', 'waitlist']) }),
  ev('RegistrationApproved', { ...LearnerRef, by: By }),
  ev('RegistrationDeclined', { ...LearnerRef, by: By, reason: z.string().nullable() }),
  ev('LearnerWaitlisted', { ...LearnerRef, by: By, via: z.enum(['self', 'manual']) }),
  ev('LearnerDeregistered', {
    ...LearnerRef,
    by: By,
    from: z.enum(['registered', 'pending', 'waitlisted']),
    /** 'switched' when the learner moved to another section in the same command. */
    reason: z.enum(['self', 'removed', 'switched']),
  }),

  /** A mark for one learner at one training event; it replaces any earlier mark and its confirmation. */
  ev('AttendanceRecorded', {
    ...LearnerRef,
    trainingEventId: z.string(),
    attended: z.boolean(),
    by: By,
    source: z.enum(['trainer', 'self', 'presence']),
  }),
  /** A trainer or admin submits the attendance of one training event: these marks are final and confirmed. */
  ev('AttendanceConfirmed', {
    ...SectionRef,
    trainingEventId: z.string(),
    by: z.string(),
    marks: z.array(z.object({ learnerId: z.string(), attended: z.boolean() })),
  }),
  /** Every event of the learner's section attended (and confirmed where required). */
  ev('TrainingCompleted', { ...LearnerRef }),
  /** A later change (a mark withdrawn, a new event) means the learner has not completed after all. */
  ev('TrainingCompletionRevoked', { ...LearnerRef }),
]);

export type TrainingDomainEvent = z.infer<typeof TrainingDomainEvent>;
export type TrainingEventType = TrainingDomainEvent['type'];
export type TrainingFact<T extends TrainingEventType> = Extract<TrainingDomainEvent, { type: T }>;
export const trainingEventTypes = new Set<string>(TrainingDomainEvent.options.map((o) => o.shape.type.value));
/** The stream category of trainings: streams are `training-<trainingId>`. */
export const TRAINING_CATEGORY = 'training';
