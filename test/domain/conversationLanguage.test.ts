// The language of a lesson's conversation and content, detected with franc: single texts, the language that
// dominated a chat (short messages told together), and the report language of a lesson document.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { documentTexts, dominantLanguage, languageOf } from '../../domain/lessonAnalysis/language.js';
import { detectLanguage } from '../../domain/lessonAnalysis/prose.js';
import type { LessonDocument } from '../../domain/lessonContent/document.js';

const test = suite('conversation language');

test('one text: its language as a two-letter code; too short or unclear: null', () => {
  assert.is(languageOf('Gestern bin ich mit meiner Schwester ins Kino gegangen.'), 'de');
  assert.is(languageOf('Yesterday I went to the cinema with my sister.'), 'en');
  assert.is(languageOf('Ayer fui al cine con mi hermana y comimos palomitas.'), 'es');
  assert.is(languageOf('ok'), null);
  assert.is(languageOf('12345 67890 !!!'), null);
});

test('the dominant language of a chat weighs each message by its letters; short ones count together', () => {
  const chat = [
    'Guten Morgen zusammen, heute sprechen wir über das Wetter.',
    'Ich finde, dass es im Winter in Berlin sehr kalt ist.',
    'Sorry, I am late today, the train was delayed again.',
    'ja',
    'genau',
    'Wir haben am Wochenende einen langen Spaziergang gemacht.',
  ];
  const found = dominantLanguage(chat);
  assert.ok(found);
  assert.is(found.code, 'de');
  assert.ok(found.share > 0.6 && found.share < 1, `share ${found.share}`);
  assert.is(dominantLanguage(['ok', 'yes']), null);
  assert.is(dominantLanguage([]), null);
});

test('a lesson document’s words, without ids and gap marks; the report language follows them', () => {
  const german = {
    schemaVersion: 1,
    blocks: [
      { type: 'text', format: 'markdown', text: 'Heute lernen wir die Vergangenheit: ich ging, du gingst.' },
      {
        type: 'gapFill',
        id: 'g1',
        sentences: [{ text: 'Gestern {{}} ich nach Hause.', gaps: [{ accepted: ['ging'] }] }],
      },
    ],
  } as unknown as LessonDocument;
  const texts = documentTexts([german.blocks]);
  assert.ok(texts.some((t) => t.startsWith('Gestern') && t.endsWith('nach Hause.')));
  assert.not.ok(texts.some((t) => t === 'gapFill' || t === 'g1' || t.includes('{{}}')));
  assert.is(detectLanguage([german]), 'de');
  const english = {
    schemaVersion: 1,
    blocks: [
      { type: 'text', format: 'markdown', text: 'Today we practise the past simple with irregular verbs.' },
    ],
  } as unknown as LessonDocument;
  assert.is(detectLanguage([english]), 'en');
});

test.run();
