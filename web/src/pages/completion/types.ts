// Shapes of the completion, attendance, feedback and next-steps answers: the zod schemas in contract/ are the
// source of truth (types only here), plus the labels this client shows.
import type { TFunction } from 'i18next';
import type { Scores } from '../../../../contract/completion';

export type {
  Completion,
  CompletionAction,
  Feedback,
  LifecycleView as Lifecycle,
  NextSteps,
  Preview,
  PreviewLine,
  Scores,
} from '../../../../contract/completion';
export type { Homework } from '../../../../contract/homework';

const oneOf = <K extends string>(keys: readonly K[], value: string): value is K =>
  (keys as readonly string[]).includes(value);

const ACTIONS = ['finish', 'finish_and_deduct', 'verify_and_deduct', 'cancel'] as const;
const ATTENDANCE = ['present', 'absent', 'unmarked'] as const;
const HOMEWORK = ['added', 'started', 'passed', 'verified'] as const;
const LESSON_KINDS = ['class', 'homework', 'independent'] as const;

// The server's codes as people read them; an unknown one as it comes.
/** A completion action ("Finish & Deduct"). */
export const actionLabel = (t: TFunction<'completion'>, action: string) =>
  oneOf(ACTIONS, action) ? t(`completion.action.${action}`) : action;
/** A student's attendance ("present"). */
export const attendanceLabel = (t: TFunction<'completion'>, status: string) =>
  oneOf(ATTENDANCE, status) ? t(`completion.attendanceStatus.${status}`) : status;
/** A homework's status ("added"). */
export const homeworkStatusLabel = (t: TFunction<'completion'>, status: string) =>
  oneOf(HOMEWORK, status) ? t(`homeworkStatus.${status}`) : status.replace(/_/g, ' ');
/** A course lesson's kind ("homework"). */
export const lessonKindLabel = (t: TFunction<'completion'>, kind: string) =>
  oneOf(LESSON_KINDS, kind) ? t(`lessonKind.${kind}`) : kind;

export const SCORE_KEYS = [
  'speaking',
  'listening',
  'reading',
  'writing',
  'grammar',
  'vocabulary',
  'engagement',
] as const satisfies readonly (keyof Scores)[];
