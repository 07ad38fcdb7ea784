// The right-hand panel: the group chat and the polls, with an unread count on the tab that is not shown, and for
// the teacher the live speaking-time balance (kept here so the shared content keeps the room's full height).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, ClientMessage, PollView } from '../rt/protocol';
import { ChatPanel } from './ChatPanel';
import { PollsPanel } from './PollsPanel';

type Tab = 'chat' | 'polls' | 'speaking';

type Props = {
  /** The teacher's speaking-time balance; null for students (no tab). */
  speaking: ReactNode;
  chat: ChatMessage[];
  polls: PollView[];
  isHost: boolean;
  selfPersonId: string;
  timeZone: string;
  nameOf(personId: string): string;
  send(message: ClientMessage): void;
};

export function SidePanel({ speaking, chat, polls, isHost, selfPersonId, timeZone, nameOf, send }: Props) {
  const { t } = useTranslation('room');
  const [tab, setTab] = useState<Tab>('chat');
  const seen = useRef({ chat: chat.length, polls: polls.filter((p) => p.status === 'open').length });
  const openPolls = polls.filter((p) => p.status === 'open').length;
  if (tab === 'chat') seen.current.chat = chat.length;
  if (tab === 'polls') seen.current.polls = openPolls;
  const unreadChat = Math.max(0, chat.length - seen.current.chat);
  const newPolls = Math.max(0, openPolls - seen.current.polls);

  // A new poll asks for an answer: show it to students at once.
  useEffect(() => {
    if (!isHost && newPolls > 0) setTab('polls');
  }, [isHost, newPolls]);

  const tabButton = (id: Tab, label: string, badge: number) => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === id}
      aria-controls={`panel-${id}`}
      className={`tab ${tab === id ? 'tab-on' : ''}`}
      onClick={() => setTab(id)}
      data-testid={`tab-${id}`}
    >
      {label}
      {badge > 0 && <span className="tab-badge">{badge}</span>}
    </button>
  );

  return (
    <aside className="side-panel" aria-label={t(speaking ? 'side.labelSpeaking' : 'side.label')}>
      <div role="tablist" className="tabs">
        {tabButton('chat', t('side.chat'), unreadChat)}
        {tabButton('polls', t('side.polls'), newPolls)}
        {speaking && tabButton('speaking', t('side.speaking'), 0)}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" className="side-body">
        {tab === 'speaking' && speaking ? (
          speaking
        ) : tab === 'chat' ? (
          <ChatPanel
            messages={chat}
            selfPersonId={selfPersonId}
            isHost={isHost}
            timeZone={timeZone}
            onSend={(text) => send({ type: 'chat.post', text })}
            onRemove={(messageId) => send({ type: 'chat.remove', messageId })}
          />
        ) : (
          <PollsPanel
            polls={polls}
            isHost={isHost}
            nameOf={nameOf}
            onOpen={(p) => send({ type: 'poll.open', ...p })}
            onAnswer={(pollId, option) => send({ type: 'poll.answer', pollId, option })}
            onClose={(pollId) => send({ type: 'poll.close', pollId })}
          />
        )}
      </div>
    </aside>
  );
}
