// The room's chat as it stood at the end (removed messages left out; an erased person's text reads "[erased]").
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../contract/realtime';
import { useApi } from '../../lib/useApi';
import { formatTime } from '../../lib/time';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';

export function ChatRecord({ roomId, timeZone }: { roomId: string; timeZone: string }) {
  const { t } = useTranslation('completion');
  const chat = useApi<{ messages: ChatMessage[] }>(`/api/rooms/${roomId}/chat`);
  if (chat.error) return <ErrorBox error={chat.error} onRetry={chat.reload} />;
  if (!chat.data) return <Loading />;
  if (chat.data.messages.length === 0) return <Empty title={t('afterClass.noChat')} />;
  return (
    <ol className="list-plain" aria-label={t('afterClass.chat')}>
      {chat.data.messages.map((m) => (
        <li key={m.messageId} data-testid="after-class-chat-message">
          <strong>{m.name}</strong> <span className="muted">{formatTime(m.at, timeZone)}</span>
          <p className="prewrap">{m.text}</p>
        </li>
      ))}
    </ol>
  );
}
