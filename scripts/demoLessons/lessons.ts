// The eight B1 English lessons of the demo school: explanation, vocabulary and exercises of every type.
import { text, vocabulary, choice, gaps, matching, order, trueFalse, essay } from './blocks.js';

export const lessons: Record<string, { title: string; blocks: unknown[] }> = {
  'Greetings and introductions': {
    title: 'Small talk and introductions',
    blocks: [
      text(
        '## Meeting people\nAt B1 you can keep a short conversation going. Ask **follow-up questions** ("Oh really? How long have you lived there?") and use polite openers such as *Nice to meet you* or *I don\'t think we\'ve met*.',
      ),
      vocabulary('Small talk', [
        ['to introduce', 'vorstellen', 'Let me introduce my colleague, Anna.', 'verb'],
        ['colleague', 'Kollege / Kollegin', 'She is a colleague from the Berlin office.', 'noun'],
        ['to get on with', 'sich verstehen mit', 'I get on well with my neighbours.', 'phrasal verb'],
        ['by the way', 'übrigens', 'By the way, have you tried the new café?', 'phrase'],
        ['likewise', 'gleichfalls', '"Nice to meet you." – "Likewise."', 'adverb'],
      ]),
      choice(
        'intro-1',
        'Which reply fits best? "Nice to meet you."',
        ['Likewise.', 'Yes, I am.', 'Goodbye.'],
        [0],
      ),
      matching('intro-2', [
        ['How do you do?', 'How do you do?'],
        ['What do you do?', "I'm a nurse."],
        ['How are you doing?', 'Not bad, thanks.'],
        ['Where are you from?', 'Originally from Spain.'],
      ]),
      order('intro-3', 'I would like you to meet my sister'),
      essay(
        'intro-4',
        'Introduce yourself to a new colleague in 60–120 words: your job, where you live and one hobby.',
        60,
        120,
      ),
    ],
  },
  'Present tense review': {
    title: 'Present simple or present continuous?',
    blocks: [
      text(
        '## Habits and now\nUse the **present simple** for habits and facts (*She works in a bank*). Use the **present continuous** for actions happening now or around now (*She is working from home this week*). State verbs (*know, like, want, believe*) are rarely continuous.',
      ),
      vocabulary('Daily life', [
        ['to commute', 'pendeln', 'I commute to work by train.', 'verb'],
        ['usually', 'normalerweise', 'We usually eat at seven.', 'adverb'],
        ['at the moment', 'im Moment', "I'm reading a great novel at the moment.", 'phrase'],
        ['routine', 'Routine', 'My morning routine takes an hour.', 'noun'],
      ]),
      gaps(
        'present-1',
        [
          "Look! It [is raining|'s raining] again.",
          "My brother [works] in a hospital, but this month he [is working|'s working] nights.",
          "I [don't understand|do not understand] this word.",
        ],
        4,
      ),
      choice(
        'present-2',
        'Which sentences are correct?',
        [
          'I am knowing the answer.',
          'She usually takes the bus.',
          'They are watching a film right now.',
          'He is wanting a coffee.',
        ],
        [1, 2],
        2,
      ),
      trueFalse('present-3', '"Believe" is usually used in the present continuous.', false),
    ],
  },
  'Present tense practice': {
    title: 'Present tenses: practice',
    blocks: [
      text('## Practice\nDo these exercises at home. You need 60 % to pass; you can try again.'),
      vocabulary('Work and study', [
        ['deadline', 'Frist', 'The deadline for the report is Friday.', 'noun'],
        ['to attend', 'teilnehmen an', 'I attend an evening class twice a week.', 'verb'],
        ['currently', 'derzeit', 'He is currently looking for a new job.', 'adverb'],
      ]),
      gaps(
        'pp-1',
        [
          'Every morning I [get] up at 6:30.',
          "Shh! The baby [is sleeping|'s sleeping].",
          'Water [boils] at 100 degrees Celsius.',
          "We [are staying|'re staying] with friends until we find a flat.",
        ],
        4,
      ),
      choice('pp-2', '"What ___ you do?" – "I\'m an engineer."', ['are', 'do', 'is'], [1]),
      order('pp-3', 'She is currently studying for her exams'),
      trueFalse('pp-4', '"I am liking this song" is natural English.', false),
      essay('pp-5', 'Describe a typical weekday and what is different this week (80–150 words).', 80, 150),
    ],
  },
  'Past tense: regular verbs': {
    title: 'Past simple: regular verbs',
    blocks: [
      text(
        "## -ed endings\nRegular verbs add **-ed** (*work → worked*). Mind the spelling: *stop → stopped*, *study → studied*, *live → lived*. Questions and negatives use **did** + base form: *Did you call her? I didn't call her.*",
      ),
      vocabulary('Past events', [
        ['to arrive', 'ankommen', 'We arrived late because of the traffic.', 'verb'],
        ['to decide', 'entscheiden', 'They decided to move to Lisbon.', 'verb'],
        ['ago', 'vor', 'I started this job two years ago.', 'adverb'],
        ['last (weekend)', 'letztes (Wochenende)', 'Last weekend we visited my aunt.', 'determiner'],
      ]),
      gaps(
        'regular-1',
        [
          'Yesterday I [studied] for three hours.',
          'The bus [stopped] right in front of our house.',
          "We [didn't watch|did not watch] TV last night.",
        ],
        3,
      ),
      matching('regular-2', [
        ['plan', 'planned'],
        ['try', 'tried'],
        ['enjoy', 'enjoyed'],
        ['hope', 'hoped'],
      ]),
      choice('regular-3', '"___ you finish the report?" – "Yes, I did."', ['Do', 'Did', 'Were'], [1]),
    ],
  },
  'Reading: a day in the city': {
    title: 'Reading: a day in Manchester',
    blocks: [
      text(
        '## A day in Manchester\nLast Saturday Priya took the early train to Manchester. She had breakfast in a small café near Piccadilly station and then walked to the Science and Industry Museum, where she spent the whole morning. In the afternoon it started to rain, so she went shopping in the Northern Quarter instead of visiting the park. She caught the last train home at 10 pm, tired but happy.',
      ),
      vocabulary('In the city', [
        ['to catch (a train)', '(einen Zug) nehmen', 'We caught the 8:15 to Leeds.', 'verb'],
        ['instead of', 'anstatt', 'We took a taxi instead of the bus.', 'preposition'],
        ['quarter', 'Viertel', 'The old quarter is full of little shops.', 'noun'],
      ]),
      trueFalse('reading-1', 'Priya travelled to Manchester by car.', false),
      trueFalse('reading-2', 'She visited a museum in the morning.', true),
      choice(
        'reading-3',
        "Why didn't she go to the park?",
        ['It was closed.', 'It was raining.', 'She was tired.'],
        [1],
      ),
      order('reading-4', 'She caught the last train home'),
    ],
  },
  'Past tense: irregular verbs': {
    title: 'Past simple: irregular verbs',
    blocks: [
      text(
        '## Irregular verbs\nMany common verbs are irregular: *go → went, see → saw, take → took, buy → bought*. Learn them in groups that sound alike: *buy, bring, think → bought, brought, thought*.',
      ),
      vocabulary('Irregular verbs', [
        ['to bring – brought', 'bringen', 'She brought a cake to the party.', 'verb'],
        ['to think – thought', 'denken', 'I thought it was Tuesday.', 'verb'],
        ['to lose – lost', 'verlieren', 'He lost his keys again.', 'verb'],
        ['to forget – forgot', 'vergessen', 'We forgot to lock the door.', 'verb'],
      ]),
      matching(
        'irregular-1',
        [
          ['go', 'went'],
          ['see', 'saw'],
          ['buy', 'bought'],
          ['take', 'took'],
          ['write', 'wrote'],
        ],
        3,
      ),
      gaps(
        'irregular-2',
        [
          'I [saw] a great film last night.',
          'She [bought] a new phone on Monday.',
          'We [forgot] our umbrellas, so we got wet.',
        ],
        3,
      ),
      choice(
        'irregular-3',
        'Which are correct past forms?',
        ['teached', 'taught', 'brought', 'thinked'],
        [1, 2],
        2,
      ),
    ],
  },
  'Present perfect: experiences': {
    title: 'Present perfect: have you ever…?',
    blocks: [
      text(
        '## Experiences\nUse the **present perfect** (*have/has + past participle*) for experiences without a time: *I have been to Japan.* With a finished time use the past simple: *I went to Japan in 2019.*',
      ),
      vocabulary('Experiences', [
        ['ever', 'jemals', 'Have you ever eaten sushi?', 'adverb'],
        ['never', 'nie', "I've never seen snow.", 'adverb'],
        ['to try', 'probieren', 'Have you tried the local cheese?', 'verb'],
        ['abroad', 'im Ausland', 'She has worked abroad twice.', 'adverb'],
      ]),
      choice(
        'perfect-1',
        '"Have you ever been to Canada?" – "Yes, I ___ there in 2021."',
        ['have gone', 'went', 'have been'],
        [1],
      ),
      gaps(
        'perfect-2',
        ["I [have never|'ve never] flown in a helicopter.", "She [has visited|'s visited] ten countries."],
        2,
      ),
      order('perfect-3', 'Have you ever tried Indian food'),
      trueFalse('perfect-4', '"I have seen him yesterday" is correct.', false),
      essay(
        'perfect-5',
        'Write about something exciting you have done and when you did it (60–120 words).',
        60,
        120,
      ),
    ],
  },
  'Past tense practice': {
    title: 'Past simple: practice',
    blocks: [
      text('## Practice\nRevise regular and irregular past forms. You need 60 % to pass; you can try again.'),
      vocabulary('Travel stories', [
        ['journey', 'Reise, Fahrt', 'The journey took six hours.', 'noun'],
        ['to miss (a flight)', '(einen Flug) verpassen', 'We missed our flight by five minutes.', 'verb'],
        ['luckily', 'zum Glück', 'Luckily, there was another train.', 'adverb'],
      ]),
      gaps(
        'ptp-1',
        [
          'Last summer we [went] to Scotland.',
          'The journey [took] nine hours because we [missed] the first train.',
          "Luckily, we [didn't lose|did not lose] our luggage.",
        ],
        4,
      ),
      matching('ptp-2', [
        ['leave', 'left'],
        ['fly', 'flew'],
        ['stay', 'stayed'],
        ['find', 'found'],
      ]),
      choice('ptp-3', 'Where ___ you go on holiday last year?', ['did', 'do', 'were'], [0]),
      order('ptp-4', 'We stayed in a small hotel near the beach'),
      trueFalse('ptp-5', 'The past simple of "fly" is "flied".', false),
      essay('ptp-6', 'Tell the story of a trip that did not go to plan (80–150 words).', 80, 150),
    ],
  },
};
