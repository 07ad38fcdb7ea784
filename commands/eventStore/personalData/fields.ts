// Which fields of which events are personal free text, and whose. The event store seals exactly these (see
// store.ts); everything else in an event (ids, numbers, tokens, dates) stays readable, so balances, counts and
// rebuilds are unaffected by erasure. An event type never leaves this list once events of it were sealed.

/** What readers see in place of a sealed text whose person was erased. */
export const ERASED_TEXT = '[erased]';

/** Appended (stream `personalData-<personId>`) when a person's key is destroyed: read models scrub their copies. */
export const PERSONAL_DATA_ERASED = 'PersonalDataErased';
export type PersonalDataErasedData = { personId: string; at: string };

export type PersonalText = {
  /** Where the items are, from the event's data: [] the data itself; ['attendance'] each of its elements. */
  at?: readonly string[];
  /** The item's key naming the person the text belongs to; `$actor`: who caused the event (its metadata). */
  owner: string;
  /** Paths of the texts in the item; `*` stands for each element of an array. Nulls stay null. */
  texts: readonly (readonly string[])[];
};

/** A lesson analysis report's texts about its student (the course's own prompts and options stay readable). */
const ANALYSIS_TEXTS: readonly (readonly string[])[] = [
  ['performanceSummary', 'text'],
  ['exerciseBreakdown', 'text'],
  ['exerciseBreakdown', 'errorPatterns', 'gaps', '*', 'given'],
  ['exerciseBreakdown', 'errorPatterns', 'other', '*', 'given'],
  ['strengthsAndWeaknesses', 'strengths', '*', 'text'],
  ['strengthsAndWeaknesses', 'weaknesses', '*', 'text'],
  ['essayFeedback', 'essays', '*', 'teacherComment'],
  ['essayFeedback', 'essays', '*', 'detail'],
  ['essayFeedback', 'text'],
  ['recommendations', '*', 'rationale'],
  ['learningPlan', 'focusAreas', '*', 'reason'],
  ['learningPlan', 'suggestedExercises', '*', 'description'],
  ['learningPlan', 'suggestedExercises', '*', 'items', '*'],
  ['learningPlan', 'text'],
].map((path) => ['report', ...path]);

export const PERSONAL_TEXT: Readonly<Record<string, readonly PersonalText[]>> = {
  // The live room: what a person wrote in the chat, the polls they asked.
  RoomChatMessagePosted: [{ owner: 'personId', texts: [['text']] }],
  RoomPollOpened: [{ owner: 'openedBy', texts: [['question'], ['options', '*']] }],
  // Lesson answers: what a student wrote (an essay, the words typed into gaps), the teacher's comment on it.
  AnswerSubmitted: [
    {
      owner: 'studentId',
      texts: [
        ['answer', 'text'],
        ['answer', 'gaps', '*'],
      ],
    },
  ],
  AnswerChanged: [
    {
      owner: 'studentId',
      texts: [
        ['answer', 'text'],
        ['answer', 'gaps', '*'],
      ],
    },
  ],
  EssayGraded: [{ owner: 'studentId', texts: [['comment']] }],
  // Live sessions: feedback on a student, why they count as present, the teacher's notes.
  StudentScored: [{ owner: 'studentId', texts: [['comment']] }],
  LiveSessionCompleted: [
    { at: ['attendance'], owner: 'studentId', texts: [['reason']] },
    {
      owner: '$actor',
      texts: [
        ['notes', 'covered'],
        ['notes', 'struggled'],
        ['notes', 'next'],
      ],
    },
  ],
  // Why a session or a training event was canceled (or a session record deleted): the text of who did it.
  LiveSessionCanceled: [{ owner: '$actor', texts: [['reason']] }],
  LiveSessionDeleted: [{ owner: '$actor', texts: [['reason']] }],
  // The follow-up message after a lesson: what its author wrote to the students.
  FollowUpSent: [{ owner: '$actor', texts: [['keyPoints'], ['resources', '*'], ['preparation']] }],
  TrainingEventCanceled: [{ owner: '$actor', texts: [['reason']] }],
  // Post-session summaries: a student's summary and what they answered wrongly.
  PostSessionSummariesMade: [
    { at: ['studentSummaries'], owner: 'studentId', texts: [['text'], ['mistakes', '*', 'given']] },
  ],
  // Lesson analyses: what the student answered wrongly, the teacher's comments, and the prose about them.
  LessonAnalysisCompleted: [{ owner: 'studentId', texts: ANALYSIS_TEXTS }],
  // Trainings: why a learner's registration was declined.
  RegistrationDeclined: [{ owner: 'learnerId', texts: [['reason']] }],
};

export type Sealed = { $pii: string; ct: string };
export const isSealed = (v: unknown): v is Sealed =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Sealed).$pii === 'string' &&
  typeof (v as Sealed).ct === 'string';

type Visit = (value: unknown, personId: string) => unknown;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The items a rule's `at` path leads to (an array's elements, or the object itself). */
function itemsAt(data: unknown, path: readonly string[]): Record<string, unknown>[] {
  let node: unknown = data;
  for (const key of path)
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  const list = Array.isArray(node) ? node : [node];
  return list.filter((n): n is Record<string, unknown> => !!n && typeof n === 'object');
}

/** Replaces every value at `path` under `node` by `visit(value)`; `*` walks each array element. */
function replaceAt(node: unknown, path: readonly string[], personId: string, visit: Visit) {
  if (!node || typeof node !== 'object' || path.length === 0) return;
  const [head, ...rest] = path as [string, ...string[]];
  const entries: [string | number, unknown][] =
    head === '*' && Array.isArray(node) ? node.map((v, i) => [i, v]) : [[head, (node as never)[head]]];
  for (const [key, value] of entries) {
    if (rest.length > 0) replaceAt(value, rest, personId, visit);
    else if (value !== null && value !== undefined)
      (node as Record<string | number, unknown>)[key] = visit(value, personId);
  }
}

/**
 * Calls `visit` for every personal text of an event (with the person it belongs to) and puts its result in
 * place, on a copy of the data. Returns the data itself when the event type has no personal text.
 */
export function mapPersonalText(type: string, data: unknown, actorId: string | null, visit: Visit): unknown {
  const rules = PERSONAL_TEXT[type];
  if (!rules) return data;
  const copy = structuredClone(data);
  for (const rule of rules) {
    for (const item of itemsAt(copy, rule.at ?? [])) {
      const owner = rule.owner === '$actor' ? actorId : item[rule.owner];
      if (typeof owner !== 'string' || !UUID.test(owner)) continue; // people are uuids; anything else is no one
      for (const path of rule.texts) replaceAt(item, path, owner, visit);
    }
  }
  return copy;
}

/** Every person whose text is sealed in this data (found by the seals themselves, whatever the rules say now). */
export function sealedOwners(data: unknown, found = new Set<string>()): Set<string> {
  if (isSealed(data)) found.add(data.$pii);
  else if (data && typeof data === 'object') for (const v of Object.values(data)) sealedOwners(v, found);
  return found;
}

/** Replaces every seal in `data` (a copy) by `open(seal)`. */
export function openSeals(data: unknown, open: (seal: Sealed) => unknown): unknown {
  if (isSealed(data)) return open(data);
  if (Array.isArray(data)) return data.map((v) => openSeals(v, open));
  if (data && typeof data === 'object')
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, openSeals(v, open)]));
  return data;
}
