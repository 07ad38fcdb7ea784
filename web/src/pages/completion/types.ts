// Shapes of the completion, attendance, feedback and next-steps answers (mirrors of api/routes/*.ts schemas).
export type CompletionAction = 'finish' | 'finish_and_deduct' | 'verify_and_deduct';

export const ACTION_LABEL: Record<CompletionAction | 'cancel', string> = {
  finish: 'Finish',
  finish_and_deduct: 'Finish & Deduct',
  verify_and_deduct: 'Verify and Deduct',
  cancel: 'Cancel',
};

export type PreviewLine = {
  studentId: string;
  enrollmentId: string | null;
  attendance: 'present' | 'absent' | 'unmarked';
  tokens: number;
  balance: number;
  balanceAfter: number;
  outcome: 'debit' | 'refused' | 'free' | 'not_charged';
};
export type Preview = {
  liveSessionId: string;
  action: CompletionAction;
  allowOverdraft: boolean;
  lines: PreviewLine[];
  fingerprint: string;
};

export type Completion = {
  liveSessionId: string;
  status: string;
  action: string | null;
  revision: number;
  attendance: {
    studentId: string;
    status: string;
    reason: string | null;
    minutesPresent: number;
    late: boolean;
  }[];
};

export type Lifecycle = {
  id: string;
  status: string;
  startedAt: string | null;
  endedAt: string | null;
  revision: number;
  attendance: {
    personId: string;
    role: 'teacher' | 'student';
    inRoom: boolean;
    firstJoinedAt: string | null;
    minutesPresent: number;
    late: boolean;
  }[];
};

export const SCORE_KEYS = [
  'speaking',
  'listening',
  'reading',
  'writing',
  'grammar',
  'vocabulary',
  'engagement',
] as const;
export type Scores = Record<(typeof SCORE_KEYS)[number], number>;
export type Feedback = { studentId: string; scores: Scores; comment: string | null; verified: boolean };

export type Homework = {
  id: string;
  enrollmentId: string;
  courseId: string;
  studentId: string;
  courseLessonId: string;
  title: string | null;
  kind: string | null;
  status: string;
  scheduledFor: string | null;
  assignedAt: string;
  updatedAt: string;
};

export type NextSteps = {
  liveSessionId: string;
  courseId: string;
  homework: Homework[];
  nextClass: {
    id: string;
    start: string;
    end: string;
    courseLessonId: string | null;
    title: string | null;
  } | null;
  suggestions: { suggestion: 'continue' | 'next'; courseLessonId: string; title: string }[];
  allLessonsAssigned: boolean;
  nextLesson: { courseLessonId: string; title: string } | null;
  lessons: { courseLessonId: string; title: string; type: string; assigned: boolean }[];
};
