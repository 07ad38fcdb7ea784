// Shapes of the completion, attendance, feedback and next-steps answers: the zod schemas in contract/ are the
// source of truth (types only here), plus the labels this client shows.
import type { CompletionAction, Scores } from '../../../../contract/completion';

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

export const ACTION_LABEL: Record<CompletionAction | 'cancel', string> = {
  finish: 'Finish',
  finish_and_deduct: 'Finish & Deduct',
  verify_and_deduct: 'Verify and Deduct',
  cancel: 'Cancel',
};

export const SCORE_KEYS = [
  'speaking',
  'listening',
  'reading',
  'writing',
  'grammar',
  'vocabulary',
  'engagement',
] as const satisfies readonly (keyof Scores)[];
