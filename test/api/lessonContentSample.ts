// A lesson document with one block of each kind the lesson-content API tests use.
export const sampleDocument = {
  schemaVersion: 1,
  title: 'Past simple',
  passMark: 60,
  blocks: [
    { type: 'text', text: '## Last weekend\nWe use the past simple for finished actions.' },
    {
      type: 'vocabulary',
      items: [{ term: 'went', translation: 'ging', example: 'I went home.', partOfSpeech: 'verb' }],
    },
    {
      type: 'multipleChoice',
      id: 'mc',
      points: 2,
      question: 'Yesterday I ___ to the cinema.',
      options: [
        { id: 'a', text: 'go', correct: false },
        { id: 'b', text: 'went', correct: true },
      ],
    },
    {
      type: 'gapFill',
      id: 'gap',
      points: 2,
      sentences: [
        { text: 'She {{}} a book and {{}} TV.', gaps: [{ accepted: ['read'] }, { accepted: ['watched'] }] },
      ],
    },
    { type: 'trueFalse', id: 'tf', statement: '"Goed" is the past of "go".', answer: false },
    { type: 'essay', id: 'essay', points: 5, prompt: 'Write about your weekend.', maxWords: 200 },
  ],
};
