// The lessonContent aggregate: one stream per lesson (course lesson or instant lesson). Each revision of the
// document is an event (who, when, which exercises changed); a context that uses the lesson (a live session or
// a homework item) pins the revision it is taught with, and the teacher can reveal the answers in a context.
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { NotFoundError, RuleViolation } from '../shared/errors.js';
import { exercisesOf, LessonDocumentShape, type Exercise, type LessonDocument } from './document.js';

/**
 * Where answers are given: a live session, a homework item or an instant lesson (made in a live room; its id is
 * the lesson's). Written `live:<id>` / `homework:<id>` / `instant:<lessonId>`.
 */
export const AnswerContext = z.object({ kind: z.enum(['live', 'homework', 'instant']), id: z.string() });
export type AnswerContext = z.infer<typeof AnswerContext>;
export const contextKey = (c: AnswerContext) => `${c.kind}:${c.id}`;

const Changes = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
});

export const LessonContentEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('LessonContentRevised'),
    data: z.object({
      lessonId: z.string(),
      courseId: z.string().nullable(),
      orgId: z.string(),
      revision: z.number().int(),
      document: LessonDocumentShape,
      /** Exercise ids added, removed and changed since the previous revision. */
      changes: Changes,
      by: z.string().nullable(),
      at: z.string(),
    }),
  }),
  z.object({
    type: z.literal('LessonContentTaught'),
    data: z.object({
      lessonId: z.string(),
      context: AnswerContext,
      revision: z.number().int(),
      at: z.string(),
    }),
  }),
  z.object({
    type: z.literal('LessonAnswersRevealed'),
    data: z.object({
      lessonId: z.string(),
      context: AnswerContext,
      by: z.string().nullable(),
      at: z.string(),
    }),
  }),
]);
export type LessonContentEvent = z.infer<typeof LessonContentEvent>;

export type LessonContentCommand =
  | {
      type: 'ReviseLessonContent';
      lessonId: string;
      courseId: string | null;
      orgId: string;
      document: LessonDocument;
      by: string | null;
      now: string;
    }
  /** Pins `revision` for the context (the one its first answer was graded with); a second pin changes nothing. */
  | { type: 'PinLessonContent'; lessonId: string; context: AnswerContext; revision: number; now: string }
  | { type: 'RevealAnswers'; lessonId: string; context: AnswerContext; by: string | null; now: string };

export type Revision = { revision: number; document: LessonDocument; by: string | null; at: string };

export type LessonContentState =
  | { status: 'none' }
  | {
      status: 'active';
      lessonId: string;
      courseId: string | null;
      orgId: string;
      /** The latest revision number (1-based). */
      revision: number;
      revisions: Record<number, Revision>;
      /** Context key -> the revision it is taught with. */
      taught: Record<string, number>;
      revealed: Record<string, true>;
    };

type Active = Extract<LessonContentState, { status: 'active' }>;

/** The revision a context uses: the one it pinned, else the latest. */
export function revisionFor(state: Active, context: AnswerContext): Revision {
  const pinned = state.taught[contextKey(context)];
  return state.revisions[pinned ?? state.revision]!;
}

export function exerciseIn(document: LessonDocument, exerciseId: string): Exercise | undefined {
  return exercisesOf(document).find((e) => e.id === exerciseId);
}

function changesBetween(before: LessonDocument | undefined, after: LessonDocument) {
  const old = new Map((before ? exercisesOf(before) : []).map((e) => [e.id, JSON.stringify(e)]));
  const now = new Map(exercisesOf(after).map((e) => [e.id, JSON.stringify(e)]));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed: [...now.entries()].filter(([id, json]) => old.has(id) && old.get(id) !== json).map(([id]) => id),
  };
}

export const lessonContentDecider: Decider<LessonContentCommand, LessonContentEvent, LessonContentState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    const { lessonId, now } = command;
    switch (command.type) {
      case 'ReviseLessonContent': {
        const current = state.status === 'active' ? state.revisions[state.revision]!.document : undefined;
        if (current && JSON.stringify(current) === JSON.stringify(command.document)) return [];
        if (state.status === 'active' && state.courseId !== command.courseId)
          throw new NotFoundError('lesson');
        const { courseId, orgId, document, by } = command;
        const revision = state.status === 'active' ? state.revision + 1 : 1;
        const changes = changesBetween(current, document);
        return [
          {
            type: 'LessonContentRevised',
            data: { lessonId, courseId, orgId, revision, document, changes, by, at: now },
          },
        ];
      }
      case 'PinLessonContent': {
        if (state.status === 'none')
          throw new RuleViolation('no_lesson_content', 'this lesson has no content yet');
        if (state.taught[contextKey(command.context)] !== undefined) return [];
        if (!state.revisions[command.revision])
          throw new RuleViolation('no_such_revision', `the lesson has no revision ${command.revision}`, {
            revision: command.revision,
          });
        return [
          {
            type: 'LessonContentTaught',
            data: { lessonId, context: command.context, revision: command.revision, at: now },
          },
        ];
      }
      case 'RevealAnswers': {
        if (state.status === 'none')
          throw new RuleViolation('no_lesson_content', 'this lesson has no content yet');
        const key = contextKey(command.context);
        if (state.revealed[key]) return [];
        const events: LessonContentEvent[] = [];
        if (state.taught[key] === undefined)
          events.push({
            type: 'LessonContentTaught',
            data: { lessonId, context: command.context, revision: state.revision, at: now },
          });
        events.push({
          type: 'LessonAnswersRevealed',
          data: { lessonId, context: command.context, by: command.by, at: now },
        });
        return events;
      }
      default: {
        const _exhaustive: never = command;
        return [];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'LessonContentRevised': {
        const { lessonId, courseId, orgId, revision, document, by, at } = event.data;
        const base: Active =
          state.status === 'active'
            ? state
            : {
                status: 'active',
                lessonId,
                courseId,
                orgId,
                revision: 0,
                revisions: {},
                taught: {},
                revealed: {},
              };
        return {
          ...base,
          revision,
          revisions: { ...base.revisions, [revision]: { revision, document, by, at } },
        };
      }
      case 'LessonContentTaught':
        return state.status === 'none'
          ? state
          : { ...state, taught: { ...state.taught, [contextKey(event.data.context)]: event.data.revision } };
      case 'LessonAnswersRevealed':
        return state.status === 'none'
          ? state
          : { ...state, revealed: { ...state.revealed, [contextKey(event.data.context)]: true } };
      default: {
        const _exhaustive: never = event;
        return state;
      }
    }
  },
};
