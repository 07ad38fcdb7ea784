// For the lesson analysis tests: a homework lesson with all six exercise types answered (some wrong) and passed,
// a count of its answers made from the answer events, and a local OpenAI-compatible chat-completions server
// (node:http on 127.0.0.1, a random port) that answers with prose, or fails as told.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp, Session } from '../support/app.js';
import type { School } from '../support/fixtures.js';
import { LessonAnswersEvent } from '../../domain/lessonContent/answers.js';

export const document = {
  schemaVersion: 1,
  passMark: 0,
  blocks: [
    { type: 'text', text: 'The past simple: I went, you went, she went. It is not hard.' },
    {
      type: 'gapFill',
      id: 'gaps',
      points: 2,
      sentences: [
        { text: 'I {{}} home and {{}} a book.', gaps: [{ accepted: ['went'] }, { accepted: ['read'] }] },
      ],
    },
    {
      type: 'multipleChoice',
      id: 'mc',
      question: 'Which form is right?',
      options: [
        { id: 'a', text: 'goed', correct: false },
        { id: 'b', text: 'went', correct: true },
        { id: 'c', text: 'wented', correct: false },
      ],
    },
    {
      type: 'matching',
      id: 'match',
      pairs: [
        { id: 'p1', left: 'go', right: 'went' },
        { id: 'p2', left: 'see', right: 'saw' },
      ],
    },
    { type: 'wordOrder', id: 'order', words: ['She', 'went', 'home'] },
    { type: 'trueFalse', id: 'tf', statement: 'Went is the past of go.', answer: true },
    { type: 'essay', id: 'essay', points: 4, prompt: 'Your last weekend', minWords: 3 },
  ],
};

const ok = (res: { statusCode: number; body: string }, code: number, what: string) => {
  if (res.statusCode !== code) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
};

let lessons = 0;
/** A new course lesson with `document` as homework of the school's first enrollment, answered and passed. */
export async function passedLesson(t: TestApp, s: School) {
  const title = `Analysed ${++lessons}`;
  const added = await s.admin.post(`/api/courses/${s.courseId}/lessons`, { title, kind: 'homework' });
  ok(added, 201, 'lesson');
  const lessonId = (added.json().lessons as { id: string; title: string }[]).find(
    (l) => l.title === title,
  )!.id;
  ok(
    await s.teacher.request('PUT', `/api/courses/${s.courseId}/lessons/${lessonId}/content`, document),
    200,
    'content',
  );
  const hw = await s.teacher.post(`/api/enrollments/${s.enrollmentIds[0]}/homework`, {
    courseLessonId: lessonId,
  });
  ok(hw, 201, 'homework');
  const homeworkId = hw.json().id as string;
  const url = `/api/enrollments/${s.enrollmentIds[0]}/homework/${homeworkId}`;
  const student = s.students[0]!;
  const view = (await student.get(`${url}/content`)).json().document.blocks as {
    id?: string;
    right?: { id: string; text: string }[];
  }[];
  const right = (text: string) => view.find((b) => b.id === 'match')!.right!.find((r) => r.text === text)!.id;
  const answers: [string, unknown][] = [
    ['gaps', { type: 'gapFill', gaps: ['went', 'readed'] }],
    ['mc', { type: 'multipleChoice', selected: ['a'] }],
    ['match', { type: 'matching', matches: { p1: right('saw'), p2: right('went') } }],
    ['order', { type: 'wordOrder', words: ['She', 'went', 'home'] }],
    ['tf', { type: 'trueFalse', value: false }],
    ['essay', { type: 'essay', text: 'I visited my grandmother and we baked a cake.' }],
  ];
  for (const [exerciseId, answer] of answers)
    ok(await student.post(`${url}/answers`, { exerciseId, answer }), 201, exerciseId);
  ok(await student.post(`${url}/hand-in`), 200, 'hand-in');
  const graded = await s.teacher.post(`${url}/students/${student.id}/answers/essay/grade`, {
    points: 3,
    comment: 'Nice detail.',
  });
  ok(graded, 200, 'grade');
  await t.settle();
  return { lessonId, homeworkId };
}

type Count = { answered: number; correct: number; incorrect: number; pending: number };
/** Per exercise type, counted straight from the answer events: the last answer per exercise of the last attempt. */
export async function countFromEvents(t: TestApp, homeworkId: string, studentId: string) {
  const recorded = await t.deps.eventStore.readStream(`lessonAnswers-homework.${homeworkId}.${studentId}`);
  let last = new Map<string, { type: string; correct: boolean | null }>();
  for (const r of recorded) {
    const e = LessonAnswersEvent.parse({ type: r.type, data: r.data });
    if (e.type === 'AnswerSubmitted' || e.type === 'AnswerChanged')
      last.set(e.data.exerciseId, { type: e.data.exerciseType, correct: e.data.correct });
    if (e.type === 'EssayGraded') last.get(e.data.exerciseId)!.correct = e.data.points === e.data.maxPoints;
    if (
      (e.type === 'AnswerAttemptSubmitted' || e.type === 'AnswerAttemptGraded') &&
      e.data.outcome === 'try_again'
    )
      last = new Map();
  }
  const counts: Record<string, Count> = {};
  for (const { type, correct } of last.values()) {
    const c = (counts[type] ??= { answered: 0, correct: 0, incorrect: 0, pending: 0 });
    c.answered++;
    if (correct === null) c.pending++;
    else if (correct) c.correct++;
    else c.incorrect++;
  }
  return counts;
}

/** Polls the analysis until its status is one of `statuses`. */
export async function waitForStatus(who: Session, id: string, statuses: string[], timeoutMs = 10_000) {
  const started = Date.now();
  for (;;) {
    const res = await who.get(`/api/lesson-analyses/${id}`);
    ok(res, 200, 'analysis');
    const body = res.json();
    if (statuses.includes(body.status)) return { ...body, elapsedMs: Date.now() - started };
    if (Date.now() - started > timeoutMs)
      throw new Error(`analysis ${id} still ${body.status} after ${timeoutMs} ms: ${res.body.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type ChatMode = 'prose' | 'error' | 'slow' | 'invalid';
const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
  });

/** A chat-completions endpoint: `prose` answers valid JSON prose for the figures it is sent. */
export async function chatServer() {
  const state = {
    mode: 'prose' as ChatMode,
    requests: [] as { auth?: string; body: { model: string; messages: { content: string }[] } }[],
  };
  const server = createServer(async (req, res) => {
    const body = JSON.parse(await read(req));
    state.requests.push({ auth: req.headers.authorization, body });
    const reply = (content: string) =>
      res
        .setHeader('content-type', 'application/json')
        .end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
    if (state.mode === 'error') return res.writeHead(500).end('{"error":"down"}');
    if (state.mode === 'slow') return setTimeout(() => reply('{}'), 15_000).unref();
    if (state.mode === 'invalid') return reply('Here is your report: {not json');
    const { figures } = JSON.parse(body.messages[1].content);
    const each = (items: { skill: string }[], key: string) =>
      items.map((i) => ({ skill: i.skill, [key]: `AI ${key} ${i.skill}` }));
    reply(
      JSON.stringify({
        performanceSummary: 'AI summary.',
        exerciseBreakdown: 'AI breakdown.',
        strengths: each(figures.strengths, 'text'),
        weaknesses: each(figures.weaknesses, 'text'),
        essays: figures.essays.map((e: { exerciseId: string }) => ({
          exerciseId: e.exerciseId,
          detail: 'AI essay detail.',
        })),
        essayFeedback: figures.essays.length ? 'AI essays.' : null,
        recommendations: figures.recommendations.map((r: { courseLessonId: string }) => ({
          courseLessonId: r.courseLessonId,
          rationale: 'AI rationale.',
        })),
        focusAreas: each(figures.focusAreas, 'reason'),
        suggestedExercises: each(figures.suggestedExercises, 'description'),
        learningPlan: 'AI plan.',
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
