// Polls: the teacher asks (anonymous or named) and closes; participants answer and may change their answer until
// it closes; everyone sees the tally move. For a named poll the teacher also sees who chose what and who is silent.
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PollView } from '../rt/protocol';

type Props = {
  polls: PollView[];
  isHost: boolean;
  nameOf(personId: string): string;
  onOpen(poll: { question: string; options: string[]; anonymous: boolean }): void;
  onAnswer(pollId: string, option: number): void;
  onClose(pollId: string): void;
};

export function PollsPanel({ polls, isHost, nameOf, onOpen, onAnswer, onClose }: Props) {
  const { t } = useTranslation('room');
  const newestFirst = [...polls].reverse();
  return (
    <div className="polls" data-testid="polls">
      {isHost && <NewPoll onOpen={onOpen} />}
      {newestFirst.length === 0 && (
        <p className="muted">{isHost ? t('polls.emptyHost') : t('polls.empty')}</p>
      )}
      {newestFirst.map((p) => (
        <Poll key={p.pollId} poll={p} isHost={isHost} nameOf={nameOf} onAnswer={onAnswer} onClose={onClose} />
      ))}
    </div>
  );
}

function NewPoll({ onOpen }: Pick<Props, 'onOpen'>) {
  const { t } = useTranslation('room');
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState(['', '']);
  const [anonymous, setAnonymous] = useState(true);
  const filled = options.map((o) => o.trim()).filter(Boolean);
  const ready = question.trim() && filled.length >= 2;
  return (
    <form
      className="poll-new"
      aria-label={t('polls.newPoll')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        onOpen({ question: question.trim(), options: filled, anonymous });
        setQuestion('');
        setOptions(['', '']);
      }}
    >
      <label className="field">
        <span>{t('polls.question')}</span>
        <input
          value={question}
          maxLength={500}
          onChange={(e) => setQuestion(e.target.value)}
          data-testid="poll-question"
        />
      </label>
      {options.map((o, i) => (
        <label className="field" key={i}>
          <span>{t('polls.option', { n: i + 1 })}</span>
          <input
            value={o}
            maxLength={200}
            onChange={(e) => setOptions(options.map((x, j) => (j === i ? e.target.value : x)))}
            data-testid={`poll-option-${i}`}
          />
        </label>
      ))}
      <div className="row">
        {options.length < 10 && (
          <button type="button" className="btn btn-small" onClick={() => setOptions([...options, ''])}>
            {t('polls.addOption')}
          </button>
        )}
        <label className="check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('polls.anonymous')}
        </label>
        <button type="submit" className="btn btn-primary btn-small" disabled={!ready} data-testid="poll-open">
          {t('polls.ask')}
        </button>
      </div>
    </form>
  );
}

function Poll({
  poll,
  isHost,
  nameOf,
  onAnswer,
  onClose,
}: Omit<Props, 'polls' | 'onOpen'> & { poll: PollView }) {
  const { t } = useTranslation('room');
  const total = Math.max(
    1,
    poll.counts.reduce((a, b) => a + b, 0),
  );
  const open = poll.status === 'open';
  // An open anonymous poll shows no tallies until 3 have answered (or it closes): the counts are all 0 until then.
  const hidden = poll.countsHidden === true;
  return (
    <article className={`poll poll-${poll.status}`} data-testid="poll" data-poll={poll.pollId}>
      <header>
        <h3>{poll.question}</h3>
        <span className="badge">{open ? t('polls.open') : t('polls.closed')}</span>
        <span className="muted">{poll.anonymous ? t('polls.anonymousTag') : t('polls.namedTag')}</span>
      </header>
      <ul className="poll-options">
        {poll.options.map((label, i) => {
          const count = poll.counts[i] ?? 0;
          const mine = poll.myAnswer === i;
          return (
            <li key={i}>
              <button
                type="button"
                className={`poll-option ${mine ? 'poll-mine' : ''}`}
                disabled={!open || isHost}
                aria-pressed={mine}
                onClick={() => onAnswer(poll.pollId, i)}
                data-testid={`poll-answer-${i}`}
              >
                {!hidden && (
                  <span
                    className="poll-bar"
                    style={{ width: `${(count / total) * 100}%` }}
                    aria-hidden="true"
                  />
                )}
                <span className="poll-label">{label}</span>
                {!hidden && (
                  <span className="poll-count" data-testid={`poll-count-${i}`}>
                    {count}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {hidden && (
        <p className="muted" data-testid="poll-counts-hidden">
          {t('polls.hidden')}
        </p>
      )}
      <footer className="muted">
        <Trans
          t={t}
          i18nKey={poll.myAnswer !== null && open && !isHost ? 'polls.answeredCanChange' : 'polls.answered'}
          values={{ n: poll.responded }}
          components={{ n: <span data-testid="poll-responded" /> }}
        />
      </footer>
      {isHost && poll.answers && poll.answers.length > 0 && (
        <details className="poll-named">
          <summary>{t('polls.whoWhat')}</summary>
          <ul>
            {poll.answers.map((a) => (
              <li key={a.personId}>
                {t('polls.answer', { name: nameOf(a.personId), option: poll.options[a.option] ?? '' })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {isHost && poll.nonResponders && poll.nonResponders.length > 0 && (
        <p className="muted">{t('polls.notYet', { names: poll.nonResponders.map(nameOf).join(', ') })}</p>
      )}
      {isHost && open && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onClose(poll.pollId)}
          data-testid="poll-close"
        >
          {t('polls.close')}
        </button>
      )}
    </article>
  );
}
