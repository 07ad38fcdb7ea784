// A generated school history for the reports: live sessions (held with attendance and scores, canceled, or
// still ahead), wallets with credits, lesson debits and reversals, and trainings with registrations, waitlists,
// attendance and completion. Deterministic for a seed, so tests can count the expected numbers from it.
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../commands/eventStore/port.js';

export type HistoryEvent = {
  stream: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
};
export type HistoryOptions = {
  orgId: string;
  adminId: string;
  students: number;
  teachers: number;
  sessions: number;
  trainings: number;
  from: Date;
  days: number;
  now: Date;
  seed?: number;
};
export type History = { teachers: string[]; students: string[]; courses: string[] };

function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function* generateHistory(o: HistoryOptions): Generator<HistoryEvent, History> {
  const rnd = random(o.seed ?? 42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const teachers = Array.from({ length: o.teachers }, randomUUID);
  const students = Array.from({ length: o.students }, randomUUID);
  const courses = [randomUUID(), randomUUID()];
  const meta = (at: Date, actorId: string | null): EventMetadata => ({
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actorId,
    orgId: o.orgId,
    at: at.toISOString(),
  });
  const emit = function* (
    stream: string,
    type: string,
    data: Record<string, unknown>,
    at: Date,
    actorId: string | null,
  ) {
    yield { stream, type, data, metadata: meta(at, actorId) };
  };

  // Wallets: every student starts with a credit.
  const wallets = new Map<
    string,
    { id: string; balance: number; entries: { entryId: string; tokens: number }[] }
  >();
  for (const s of students) {
    const w = { id: randomUUID(), balance: 0, entries: [] as { entryId: string; tokens: number }[] };
    wallets.set(s, w);
    yield* emit(
      `wallet-${w.id}`,
      'WalletOpened',
      { walletId: w.id, orgId: o.orgId, owner: 'student', ownerId: s },
      o.from,
      o.adminId,
    );
    const credit = 40 + Math.floor(rnd() * 4) * 10;
    w.balance += credit;
    const entryId = randomUUID();
    w.entries.push({ entryId, tokens: credit });
    yield* emit(
      `wallet-${w.id}`,
      'WalletCredited',
      { walletId: w.id, entryId, tokens: credit, reason: 'term package', balanceAfter: w.balance },
      o.from,
      o.adminId,
    );
  }

  const span = o.days * 86_400_000;
  for (let i = 0; i < o.sessions; i++) {
    const id = randomUUID();
    const stream = `liveSession-${id}`;
    const teacherId = pick(teachers);
    const courseId = pick(courses);
    const start = new Date(o.from.getTime() + Math.floor(((i / o.sessions) * span) / 900_000) * 900_000);
    const duration = pick([30, 45, 60, 90]);
    const participants = [
      ...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(students))),
    ];
    const scheduledAt = new Date(start.getTime() - 7 * 86_400_000);
    yield* emit(
      stream,
      'LiveSessionScheduled',
      {
        liveSessionId: id,
        orgId: o.orgId,
        kind: participants.length === 1 ? 'individual' : 'group',
        courseId,
        courseLessonId: null,
        teacherId,
        enrollmentId: null,
        studentGroupId: null,
        participants: participants.map((studentId) => ({ studentId, enrollmentId: null })),
        start: start.toISOString(),
        durationMinutes: duration,
        timeZone: 'Europe/Berlin',
        title: `Lesson ${i}`,
        notes: null,
      },
      scheduledAt,
      teacherId,
    );
    const dice = rnd();
    if (dice < 0.1) {
      const canceledAt = new Date(start.getTime() - Math.floor(rnd() * 72) * 3_600_000 - 60_000);
      yield* emit(
        stream,
        'LiveSessionCanceled',
        { liveSessionId: id, reason: 'teacher is ill' },
        canceledAt,
        rnd() < 0.5 ? teacherId : o.adminId,
      );
      continue;
    }
    if (start.getTime() + duration * 60_000 > o.now.getTime()) continue; // still ahead
    const end = new Date(start.getTime() + duration * 60_000);
    yield* emit(
      stream,
      'LiveSessionStarted',
      { liveSessionId: id, at: start.toISOString() },
      start,
      teacherId,
    );
    yield* emit(stream, 'LiveSessionEnded', { liveSessionId: id, at: end.toISOString() }, end, teacherId);
    const attendance = participants.map((studentId) => {
      const present = rnd() < 0.8;
      const late = present && rnd() < 0.15;
      return {
        studentId,
        status: present ? 'present' : 'absent',
        reason: null,
        minutesPresent: present ? duration - (late ? 10 : 0) : 0,
        late,
        firstJoinedAt: present ? start.toISOString() : null,
      };
    });
    const charges = attendance
      .filter((a) => a.status === 'present')
      .map((a) => ({ studentId: a.studentId, enrollmentId: null, tokens: 4 }));
    yield* emit(
      stream,
      'LiveSessionCompleted',
      {
        liveSessionId: id,
        action: 'finish_and_deduct',
        notes: { covered: null, struggled: null, next: null },
        attendance,
        charges,
        refused: [],
        at: end.toISOString(),
      },
      end,
      teacherId,
    );
    for (const charge of charges) {
      const w = wallets.get(charge.studentId)!;
      w.balance -= charge.tokens;
      const entryId = randomUUID();
      w.entries.push({ entryId, tokens: -charge.tokens });
      yield* emit(
        `wallet-${w.id}`,
        'WalletDebited',
        {
          walletId: w.id,
          entryId,
          tokens: charge.tokens,
          cause: { kind: 'session', liveSessionId: id },
          balanceAfter: w.balance,
        },
        end,
        null,
      );
      if (rnd() < 0.05) {
        w.balance += charge.tokens;
        yield* emit(
          `wallet-${w.id}`,
          'WalletEntryReversed',
          {
            walletId: w.id,
            entryId: randomUUID(),
            reversedEntryId: entryId,
            change: charge.tokens,
            reason: 'correction',
            balanceAfter: w.balance,
          },
          new Date(end.getTime() + 3_600_000),
          o.adminId,
        );
      }
      const s = () => 1 + Math.floor(rnd() * 5);
      yield* emit(
        stream,
        'StudentScored',
        {
          liveSessionId: id,
          studentId: charge.studentId,
          scores: {
            speaking: s(),
            listening: s(),
            reading: s(),
            writing: s(),
            grammar: s(),
            vocabulary: s(),
            engagement: s(),
          },
          comment: null,
        },
        end,
        teacherId,
      );
      if (rnd() < 0.5)
        yield* emit(
          stream,
          'ScoresVerified',
          { liveSessionId: id, studentId: charge.studentId },
          end,
          teacherId,
        );
    }
  }

  for (let t = 0; t < o.trainings; t++) {
    const trainingId = randomUUID();
    const stream = `training-${trainingId}`;
    yield* emit(
      stream,
      'TrainingCreated',
      { trainingId, orgId: o.orgId, name: `Training ${t}`, description: '', imageUrl: null },
      o.from,
      o.adminId,
    );
    for (let k = 0; k < 2; k++) {
      const sectionId = randomUUID();
      const capacity = 5;
      yield* emit(
        stream,
        'SectionAdded',
        {
          trainingId,
          sectionId,
          name: `Section ${k}`,
          registrationOpens: o.from.toISOString(),
          registrationCloses: o.now.toISOString(),
          capacity,
          trainerIds: [teachers[0]!],
          attendanceConfirmationRequired: true,
          approvalRequired: false,
          waitlistEnabled: true,
          waitlistCutoffMinutes: 60,
          participantGroupIds: [],
        },
        o.from,
        o.adminId,
      );
      const eventIds: string[] = [];
      for (let e = 0; e < 3; e++) {
        const trainingEventId = randomUUID();
        eventIds.push(trainingEventId);
        const start = new Date(o.from.getTime() + ((t * 2 + k) * 7 + e) * 86_400_000 + 9 * 3_600_000);
        yield* emit(
          stream,
          'TrainingEventScheduled',
          {
            trainingId,
            sectionId,
            trainingEventId,
            start: start.toISOString(),
            end: new Date(start.getTime() + 7_200_000).toISOString(),
            timeZone: 'Europe/Brussels',
            format: 'online',
            trainerId: teachers[0]!,
            location: null,
            link: null,
            notes: null,
          },
          o.from,
          o.adminId,
        );
      }
      const learners = students.slice((t * 2 + k) * 7, (t * 2 + k) * 7 + 7);
      for (const [n, learnerId] of learners.entries()) {
        if (n < capacity)
          yield* emit(
            stream,
            'LearnerRegistered',
            { trainingId, sectionId, learnerId, by: learnerId, via: 'self' },
            o.from,
            learnerId,
          );
        else
          yield* emit(
            stream,
            'LearnerWaitlisted',
            { trainingId, sectionId, learnerId, by: learnerId, via: 'self' },
            o.from,
            learnerId,
          );
      }
      for (const trainingEventId of eventIds) {
        const marks = learners
          .slice(0, capacity)
          .map((learnerId, n) => ({ learnerId, attended: n !== 4 || rnd() < 0.5 }));
        yield* emit(
          stream,
          'AttendanceConfirmed',
          { trainingId, sectionId, trainingEventId, by: teachers[0]!, marks },
          o.from,
          teachers[0]!,
        );
      }
      for (const learnerId of learners.slice(0, 3))
        yield* emit(stream, 'TrainingCompleted', { trainingId, sectionId, learnerId }, o.from, null);
    }
  }
  return { teachers, students, courses };
}
