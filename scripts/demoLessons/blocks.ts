// Builders for the demo lessons' blocks, in the lesson-content format (domain/lessonContent/document.ts).
export type Vocab = [term: string, translation: string, example: string, partOfSpeech: string];

export const text = (markdown: string) => ({ type: 'text', text: markdown });
export const vocabulary = (title: string, items: Vocab[]) => ({
  type: 'vocabulary',
  title,
  items: items.map(([term, translation, example, partOfSpeech]) => ({
    term,
    translation,
    example,
    partOfSpeech,
  })),
});
export const choice = (id: string, question: string, options: string[], correct: number[], points = 1) => ({
  type: 'multipleChoice',
  id,
  points,
  instructions: correct.length > 1 ? 'Choose every correct answer.' : 'Choose the correct answer.',
  question,
  multiple: correct.length > 1,
  options: options.map((text, i) => ({
    id: String.fromCharCode(97 + i),
    text,
    correct: correct.includes(i),
  })),
});
/** Sentences with gaps written `[answer|alternative]`. */
export const gaps = (id: string, sentences: string[], points = 2) => ({
  type: 'gapFill',
  id,
  points,
  instructions: 'Fill in the gaps.',
  sentences: sentences.map((s) => ({
    text: s.replace(/\[[^\]]+\]/g, '{{}}'),
    gaps: [...s.matchAll(/\[([^\]]+)\]/g)].map((m) => ({ accepted: m[1]!.split('|') })),
  })),
});
export const matching = (id: string, pairs: [string, string][], points = 2) => ({
  type: 'matching',
  id,
  points,
  instructions: 'Match each item on the left with one on the right.',
  pairs: pairs.map(([left, right], i) => ({ id: `p${i + 1}`, left, right })),
});
export const order = (id: string, sentence: string, points = 1) => ({
  type: 'wordOrder',
  id,
  points,
  instructions: 'Put the words in the right order.',
  words: sentence.split(' '),
});
export const trueFalse = (id: string, statement: string, answer: boolean) => ({
  type: 'trueFalse',
  id,
  points: 1,
  instructions: 'True or false?',
  statement,
  answer,
});
export const essay = (id: string, prompt: string, minWords: number, maxWords: number, points = 5) => ({
  type: 'essay',
  id,
  points,
  instructions: 'Write your answer. Your teacher will grade it.',
  prompt,
  minWords,
  maxWords,
});
