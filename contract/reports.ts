// The reports as the API returns them (JSON; the CSV exports are not typed here). Shared by the routes and the
// web client.
import { z } from 'zod';

const Named = { name: z.string().nullable() };
const Averages = z.object({
  id: z.string(),
  ...Named,
  scored: z.number(),
  speaking: z.number(),
  listening: z.number(),
  reading: z.number(),
  writing: z.number(),
  grammar: z.number(),
  vocabulary: z.number(),
  engagement: z.number(),
});

/** A student's results in one lesson's exercises: points and percent of the graded answers. */
const ExerciseResult = z.object({
  studentId: z.string(),
  student: z.string().nullable(),
  lessonId: z.string(),
  lesson: z.string().nullable(),
  courseId: z.string().nullable(),
  course: z.string().nullable(),
  answered: z.number(),
  correct: z.number(),
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number().nullable(),
  awaitingGrading: z.number(),
  lastAnsweredAt: z.string(),
});

export const ReportSchemas = {
  attendance: z.object({
    rows: z.array(
      z.object({
        period: z.string(),
        sessionsHeld: z.number(),
        present: z.number(),
        late: z.number(),
        absent: z.number(),
        attendanceRate: z.number().nullable(),
        minutesPresent: z.number(),
        minutesScheduled: z.number(),
      }),
    ),
  }),
  'no-shows': z.object({
    noShows: z.array(z.object({ period: z.string(), studentId: z.string(), ...Named, absences: z.number() })),
    cancellations: z.array(
      z.object({
        period: z.string(),
        canceledBy: z.string().nullable(),
        ...Named,
        role: z.string().nullable(),
        canceled: z.number(),
        within24Hours: z.number(),
        averageNoticeHours: z.number().nullable(),
      }),
    ),
  }),
  'teaching-hours': z.object({
    rows: z.array(
      z.object({
        period: z.string(),
        teacherId: z.string(),
        ...Named,
        heldHours: z.number(),
        canceledHours: z.number(),
        noShowHours: z.number(),
      }),
    ),
  }),
  tokens: z.object({
    periods: z.array(
      z.object({
        period: z.string(),
        credited: z.number(),
        debitedSessions: z.number(),
        debitedAnalysis: z.number(),
        /** Post-session summaries, paid by the organisation. */
        debitedSummaries: z.number(),
        reversed: z.number(),
      }),
    ),
    balances: z.array(
      z.object({
        walletId: z.string(),
        ownerKind: z.string(),
        ownerId: z.string(),
        ...Named,
        balance: z.number(),
      }),
    ),
  }),
  trainings: z.object({
    sections: z.array(
      z.object({
        sectionId: z.string(),
        section: z.string(),
        trainingId: z.string(),
        training: z.string(),
        capacity: z.number(),
        registered: z.number(),
        pending: z.number(),
        waitlisted: z.number(),
        everWaitlisted: z.number(),
        completed: z.number(),
        completionRate: z.number().nullable(),
      }),
    ),
    events: z.array(
      z.object({
        trainingEventId: z.string(),
        sectionId: z.string(),
        section: z.string(),
        training: z.string(),
        start: z.string(),
        end: z.string(),
        timeZone: z.string(),
        canceled: z.boolean(),
        registered: z.number(),
        attended: z.number(),
        confirmed: z.number(),
      }),
    ),
  }),
  scores: z.object({
    byCourse: z.array(Averages),
    byTeacher: z.array(Averages),
    /** Exercise results per student and lesson (live sessions and homework), from their answers. */
    exercises: z.array(ExerciseResult),
  }),
};
export type ReportOf<N extends keyof typeof ReportSchemas> = z.infer<(typeof ReportSchemas)[N]>;
