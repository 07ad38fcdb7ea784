// The group chat on the right: the history loaded on join, new messages as they arrive, and a box to write.
// The teacher may remove a message. Messages are kept after the session for review.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import type { ChatMessage } from '../rt/protocol';

const MAX_CHAT_LENGTH = 2000;

type Props = {
  messages: ChatMessage[];
  selfPersonId: string;
  isHost: boolean;
  timeZone: string;
  onSend(text: string): void;
  onRemove(messageId: string): void;
};

export function ChatPanel({ messages, selfPersonId, isHost, timeZone, onSend, onRemove }: Props) {
  const { t } = useTranslation('room');
  const [text, setText] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);

  useEffect(() => {
    const el = list.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages.length]);

  const send = () => {
    const message = text.trim();
    if (!message) return;
    onSend(message);
    setText('');
  };

  return (
    <div className="chat" data-testid="chat">
      <ol
        ref={list}
        className="chat-list"
        aria-live="polite"
        aria-label={t('chat.label')}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {messages.length === 0 && <li className="muted chat-empty">{t('chat.empty')}</li>}
        {messages.map((m) => (
          <li
            key={m.messageId}
            className={`chat-msg ${m.personId === selfPersonId ? 'chat-mine' : ''}`}
            data-testid="chat-message"
          >
            <div className="chat-meta">
              <strong>{m.personId === selfPersonId ? t('you') : m.name}</strong>
              <time dateTime={m.at}>{formatTime(m.at, timeZone)}</time>
              {isHost && (
                <button
                  type="button"
                  className="link-btn"
                  onClick={() => onRemove(m.messageId)}
                  aria-label={t('chat.removeFrom', { name: m.name })}
                >
                  {t('chat.remove')}
                </button>
              )}
            </div>
            <p className="chat-text">{linkify(m.text)}</p>
          </li>
        ))}
      </ol>
      <form
        className="chat-form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <label className="sr-only" htmlFor="chat-input">
          {t('chat.message')}
        </label>
        <textarea
          id="chat-input"
          rows={2}
          value={text}
          maxLength={MAX_CHAT_LENGTH}
          placeholder={t('chat.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              send();
            }
          }}
          data-testid="chat-input"
        />
        <button
          type="submit"
          className="btn btn-primary btn-small"
          disabled={!text.trim()}
          data-testid="chat-send"
        >
          {t('chat.send')}
        </button>
      </form>
    </div>
  );
}

/** Links shared by the teacher become clickable; everything else stays plain text. */
function linkify(text: string) {
  return text.split(/(https?:\/\/[^\s]+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} target="_blank" rel="noreferrer noopener">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
