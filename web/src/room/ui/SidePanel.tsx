// The right-hand panel: the group chat and the polls, with an unread count on the tab that is not shown.
import { useEffect, useRef, useState } from 'react';
import type { ChatMessage, ClientMessage, PollView } from '../rt/protocol';
import { ChatPanel } from './ChatPanel';
import { PollsPanel } from './PollsPanel';

type Props = {
  chat: ChatMessage[];
  polls: PollView[];
  isHost: boolean;
  selfPersonId: string;
  timeZone: string;
  nameOf(personId: string): string;
  send(message: ClientMessage): void;
};

export function SidePanel({ chat, polls, isHost, selfPersonId, timeZone, nameOf, send }: Props) {
  const [tab, setTab] = useState<'chat' | 'polls'>('chat');
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

  const tabButton = (id: 'chat' | 'polls', label: string, badge: number) => (
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
    <aside className="side-panel" aria-label="Chat and polls">
      <div role="tablist" className="tabs">
        {tabButton('chat', 'Chat', unreadChat)}
        {tabButton('polls', 'Polls', newPolls)}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" className="side-body">
        {tab === 'chat' ? (
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
