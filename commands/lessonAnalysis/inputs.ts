// What an analysis is computed from: the course and its lesson sequence, the enrollment's completed lessons, and
// per analysed lesson its content (every revision) and the student's answer events in its homework.
import type { Db } from '../../db/schema.js';
import type { EventStore } from '../eventStore/port.js';
import { streamId } from '../eventStore/streams.js';
import { loadAggregate } from '../handleCommand.js';
import { courses, lessonAnswers, lessonContents } from '../aggregates.js';
import { answersStreamId, LessonAnswersEvent } from '../../domain/lessonContent/answers.js';
import type { LessonDocument } from '../../domain/lessonContent/document.js';
import type { AnalysisInput } from '../../domain/lessonAnalysis/figures.js';
import type { LessonAnalysisRequested } from '../../domain/lessonAnalysis/events.js';
import { analysableLessons } from '../lessonAnalyses.js';

export type LoadedInput = {
  request: LessonAnalysisRequested;
  input: AnalysisInput;
  documents: LessonDocument[];
  /** The language the course teaches, null when not set. */
  courseLanguage: string | null;
};

export async function loadAnalysisInput(
  deps: { db: Db; eventStore: EventStore },
  request: LessonAnalysisRequested,
): Promise<LoadedInput> {
  const course = (await loadAggregate(deps.eventStore, courses, request.courseId)).state;
  if (course.status === 'none') throw new Error(`course ${request.courseId} not found`);
  const courseLessons = course.lessons.map((l, i) => ({
    lessonId: l.lessonId,
    title: l.title,
    kind: l.kind,
    position: i + 1,
  }));
  const completed = await analysableLessons(deps.db, request.orgId, request.enrollmentId);
  const documents: LessonDocument[] = [];
  const lessons = await Promise.all(
    request.lessons.map(async (lesson) => {
      const content = (await loadAggregate(deps.eventStore, lessonContents, lesson.courseLessonId)).state;
      const byRevision: Record<number, LessonDocument> = {};
      if (content.status === 'active')
        for (const r of Object.values(content.revisions)) byRevision[r.revision] = r.document;
      const stream = streamId(
        lessonAnswers.category,
        answersStreamId({ kind: 'homework', id: lesson.homeworkId }, request.studentId),
      );
      const events = (await deps.eventStore.readStream(stream)).map((e) =>
        LessonAnswersEvent.parse({ type: e.type, data: e.data }),
      );
      const latestRevision = content.status === 'active' ? content.revision : null;
      if (latestRevision !== null) documents.push(byRevision[latestRevision]!);
      const courseLesson = courseLessons.find((l) => l.lessonId === lesson.courseLessonId);
      return {
        ...lesson,
        title: courseLesson?.title ?? '',
        position: courseLesson?.position ?? 0,
        events,
        documents: byRevision,
        latestRevision,
      };
    }),
  );
  return {
    request,
    input: { lessons, courseLessons, completedLessonIds: completed.map((l) => l.courseLessonId) },
    documents,
    courseLanguage: course.language,
  };
}
