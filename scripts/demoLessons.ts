// The demo school's lesson content: eight B1 English lessons, each with a short explanation, a vocabulary list
// and exercises (multiple choice, gap fill, matching, word order, true/false, essay). Documents in the
// lesson-content format, schemaVersion 1 (domain/lessonContent/document.ts).
import { randomUUID } from 'node:crypto';
import { parseLessonDocument, type LessonDocument } from '../domain/lessonContent/document.js';
import type { EventStore } from '../commands/eventStore/port.js';
import { handleCommand, type CommandContext } from '../commands/handleCommand.js';
import { courses, enrollments, lessonContents } from '../commands/aggregates.js';
import { lessons } from './demoLessons/lessons.js';

/** The titles of the two lessons the demo course gets on top of its first six (kind in the second place). */
export const extraDemoLessons: [string, 'class' | 'homework'][] = [
  ['Present perfect: experiences', 'class'],
  ['Past tense practice', 'homework'],
];

/** The document of a demo lesson by its course title (checked with the same schema as any PUT). */
export function demoLessonDocument(courseLessonTitle: string): LessonDocument | null {
  const lesson = lessons[courseLessonTitle];
  if (!lesson) return null;
  return parseLessonDocument({ schemaVersion: 1, title: lesson.title, passMark: 60, blocks: lesson.blocks });
}

export const demoLessonTitles = Object.keys(lessons);

/**
 * Gives the demo course its two extra lessons, writes the content of all eight, and assigns the practice lesson
 * as homework to the first two enrollments (due in three days).
 */
export async function seedDemoLessonContent(
  deps: { eventStore: EventStore },
  demo: {
    orgId: string;
    courseId: string;
    lessons: { lessonId: string; title: string }[];
    enrollmentIds: string[];
    authorId: string;
  },
  context: CommandContext,
) {
  const lessons = [...demo.lessons];
  for (const [title, kind] of extraDemoLessons) {
    const lesson = { lessonId: randomUUID(), title, kind };
    await handleCommand(
      deps.eventStore,
      courses,
      demo.courseId,
      { type: 'AddCourseLesson', courseId: demo.courseId, lesson },
      context,
    );
    lessons.push(lesson);
  }
  for (const lesson of lessons) {
    const document = demoLessonDocument(lesson.title);
    if (!document) continue;
    await handleCommand(
      deps.eventStore,
      lessonContents,
      lesson.lessonId,
      {
        type: 'ReviseLessonContent',
        lessonId: lesson.lessonId,
        courseId: demo.courseId,
        orgId: demo.orgId,
        document,
        by: demo.authorId,
        now: context.now,
      },
      context,
    );
  }
  const practice = lessons.find((l) => l.title === 'Past tense practice')!;
  const due = new Date(Date.parse(context.now) + 3 * 86_400_000).toISOString();
  for (const enrollmentId of demo.enrollmentIds.slice(0, 2))
    await handleCommand(
      deps.eventStore,
      enrollments,
      enrollmentId,
      {
        type: 'AssignHomework',
        enrollmentId,
        homeworkId: randomUUID(),
        courseLessonId: practice.lessonId,
        scheduledFor: due,
        now: context.now,
      },
      context,
    );
}
