// The demo school's eight B1 lessons: every document passes the lesson-content schema, has vocabulary, and
// together they use at least five exercise types.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { demoLessonDocument, demoLessonTitles } from '../../scripts/demoLessons.js';
import { exercisesOf } from '../../domain/lessonContent/document.js';
import { answerKey, grade } from '../../domain/lessonContent/grading.js';

const demo = suite('demo lessons');

demo('eight lessons with vocabulary and at least five exercise types, each key grading full marks', () => {
  assert.is(demoLessonTitles.length, 8);
  const types = new Set<string>();
  for (const title of demoLessonTitles) {
    const document = demoLessonDocument(title)!;
    assert.ok(
      document.blocks.some((b) => b.type === 'vocabulary'),
      `${title}: vocabulary`,
    );
    const exercises = exercisesOf(document);
    assert.ok(exercises.length >= 3, `${title}: exercises`);
    for (const exercise of exercises) {
      types.add(exercise.type);
      const key = answerKey(exercise);
      if (key) assert.is(grade(exercise, key).correct, true, `${title}: ${exercise.id}`);
    }
  }
  assert.ok(types.size >= 5, [...types].join(', '));
});

demo.run();
