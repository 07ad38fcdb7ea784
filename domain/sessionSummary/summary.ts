// Post-session summaries: after a group session ends, one summary for the teacher's side (admins read it) and
// one per participant (the student reads their own), counted from the answers given in the session. Made once
// per session; the event names the students a summary mail goes to (their "Lesson Summary" preference was on).
// The teacher's side adds what the room recorded: minutes present, chat messages and poll answers per student,
// the speaking-time balance, the language that dominated the conversation and the vocabulary introduced.
import { z } from 'zod';
import { lessonAnswersDecider, type LessonAnswersEvent } from '../lessonContent/answers.js';
import type { Exercise, LessonDocument } from '../lessonContent/document.js';
import { mistakes } from '../lessonAnalysis/mistakes.js';
import type { ConversationLanguage } from '../lessonAnalysis/language.js';
import type { SpeakingBalance } from '../room/speaking.js';
import type { PersonLanguage } from '../shared/languages.js';
import { studentSummaryText } from './texts.js';
import { TypeCount, type HomeworkAtEnd, type StudentSummary, type TeacherSummary } from './events.js';

export {
  HomeworkAtEnd,
  SessionSummaryEvent,
  sessionSummaryDecider,
  StudentSummary,
  TeacherSummary,
  type SessionSummaryCommand,
  type SessionSummaryState,
} from './events.js';

const round = (n: number) => Math.round(n * 100) / 100;
const pct = (points: number, max: number) => (max === 0 ? null : round((points / max) * 100));

/** One student's summary from their answer events in the session. */
export function studentSummary(
  studentId: string,
  attended: boolean,
  events: LessonAnswersEvent[],
  documents: Record<number, LessonDocument>,
  extra: { newWords?: string[]; speakingSeconds?: number | null; language?: PersonLanguage } = {},
): StudentSummary {
  const state = events.reduce(lessonAnswersDecider.evolve, lessonAnswersDecider.initialState());
  const counts = new Map<string, z.infer<typeof TypeCount>>();
  let score = 0;
  let graded = 0;
  let pending = 0;
  const missed: StudentSummary['mistakes'] = [];
  for (const given of Object.values(state.answers)) {
    const exercise = documents[given.revision]?.blocks.find(
      (b): b is Exercise => 'id' in b && b.id === given.exerciseId,
    );
    const type = exercise?.type ?? given.answer.type;
    const c = counts.get(type) ?? { type, answered: 0, correct: 0, incorrect: 0 };
    counts.set(type, c);
    c.answered++;
    if (given.grade.correct === null) pending++;
    else {
      if (given.grade.correct) c.correct++;
      else c.incorrect++;
      score += given.grade.points ?? 0;
      graded += given.grade.maxPoints;
    }
    if (exercise) {
      const m = mistakes('', exercise, given.answer);
      for (const e of [...m.gaps, ...m.other])
        missed.push({ exerciseId: e.exerciseId, type: e.type, expected: e.expected, given: e.given });
      for (const d of m.distractors)
        missed.push({ exerciseId: exercise.id, type: exercise.type, expected: '', given: d.text });
    }
  }
  const byType = [...counts.values()].sort((a, b) => a.type.localeCompare(b.type));
  const correct = byType.reduce((s, t) => s + t.correct, 0);
  const incorrect = byType.reduce((s, t) => s + t.incorrect, 0);
  const answered = byType.reduce((s, t) => s + t.answered, 0);
  const percent = pct(score, graded);
  const language = extra.language ?? 'en';
  const text = studentSummaryText({ attended, answered, correct, incorrect, pending, percent }, language);
  return {
    studentId,
    attended,
    answered,
    correct,
    incorrect,
    pending,
    score: round(score),
    maxScore: graded,
    percent,
    byType,
    mistakes: missed,
    newWords: extra.newWords ?? [],
    speakingSeconds: extra.speakingSeconds ?? null,
    language,
    text,
  };
}

export type Activity = { minutesPresent: number; chatMessages: number; pollAnswers: number };
export type SessionFacts = {
  activity?: Record<string, Activity>;
  speaking?: SpeakingBalance | null;
  language?: ConversationLanguage | null;
  newWords?: string[];
  /** Each student's homework of this lesson and its status at the end of class (none: absent). */
  homework?: Record<string, HomeworkAtEnd>;
};

/** The teacher's side: the whole group at a glance, from the students' summaries and the room's facts. */
export function teacherSummary(students: StudentSummary[], facts: SessionFacts = {}): TeacherSummary {
  const byType = new Map<string, z.infer<typeof TypeCount>>();
  const wrong = new Map<string, { exerciseId: string; type: string; incorrect: number }>();
  for (const s of students) {
    for (const t of s.byType) {
      const c = byType.get(t.type) ?? { type: t.type, answered: 0, correct: 0, incorrect: 0 };
      c.answered += t.answered;
      c.correct += t.correct;
      c.incorrect += t.incorrect;
      byType.set(t.type, c);
    }
    for (const exerciseId of new Set(s.mistakes.map((m) => m.exerciseId))) {
      const type = s.mistakes.find((m) => m.exerciseId === exerciseId)!.type;
      const w = wrong.get(exerciseId) ?? { exerciseId, type, incorrect: 0 };
      w.incorrect++;
      wrong.set(exerciseId, w);
    }
  }
  const rated = students.filter((s) => s.percent !== null);
  const averagePercent = rated.length
    ? round(rated.reduce((a, s) => a + s.percent!, 0) / rated.length)
    : null;
  const hardest = [...wrong.values()].sort((a, b) => b.incorrect - a.incorrect).slice(0, 5);
  const attended = students.filter((s) => s.attended).length;
  const answeredBy = students.filter((s) => s.answered > 0).length;
  const speaking = facts.speaking && facts.speaking.totalSeconds > 0 ? facts.speaking : null;
  return {
    participants: students.length,
    attended,
    answeredBy,
    averagePercent,
    byType: [...byType.values()].sort((a, b) => a.type.localeCompare(b.type)),
    hardest,
    students: students.map((s) => ({
      studentId: s.studentId,
      percent: s.percent,
      answered: s.answered,
      ...(facts.activity?.[s.studentId] ?? { minutesPresent: 0, chatMessages: 0, pollAnswers: 0 }),
      speakingSeconds: s.speakingSeconds ?? 0,
      homework: facts.homework?.[s.studentId] ?? null,
    })),
    speaking: speaking
      ? {
          totalSeconds: speaking.totalSeconds,
          hostSeconds: speaking.hostSeconds,
          participantSeconds: speaking.participantSeconds,
          participantShare: speaking.participantShare,
          people: speaking.people,
        }
      : null,
    language: facts.language ?? null,
    newWords: facts.newWords ?? [],
    text: `${attended} of ${students.length} participant(s) attended, ${answeredBy} answered exercises${averagePercent === null ? '' : `, ${averagePercent} % of the points on average`}${hardest[0] ? `; most missed: ${hardest[0].exerciseId} (${hardest[0].incorrect})` : ''}${speaking?.participantShare != null ? `; the students spoke ${Math.round(speaking.participantShare * 100)} % of the time` : ''}${facts.language ? `; the conversation was mostly in ${facts.language.code}` : ''}.`,
  };
}
