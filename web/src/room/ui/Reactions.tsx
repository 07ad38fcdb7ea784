// Reactions: the picker in the call controls, and the reactions everyone sent floating up over the stage for a
// few seconds, each with its sender's name.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REACTIONS, type Reaction } from '../rt/protocol';
import type { FloatingReaction } from '../rt/roomState';

type ReactionName = 'thumbsUp' | 'applause' | 'laughing' | 'heart' | 'surprised' | 'celebrate' | 'question';
/** Each reaction's name in the catalogue (`reactions.<name>`); its test id is the name in kebab case. */
const NAMES: Record<Reaction, ReactionName> = {
  '👍': 'thumbsUp',
  '👏': 'applause',
  '😂': 'laughing',
  '❤️': 'heart',
  '😮': 'surprised',
  '🎉': 'celebrate',
  '❓': 'question',
};
const testId = (name: ReactionName) => `react-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function ReactionPicker({ onReact }: { onReact(emoji: Reaction): void }) {
  const { t } = useTranslation('room');
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('pointerdown', away);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', away);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="reaction-wrap" ref={wrap}>
      <button
        type="button"
        className={`ctl ${open ? 'ctl-on' : ''}`}
        aria-expanded={open}
        aria-haspopup="true"
        title={t('reactions.send')}
        onClick={() => setOpen((o) => !o)}
        data-testid="reactions"
      >
        <span aria-hidden="true">🙂</span> {t('reactions.react')}
      </button>
      {open && (
        <div className="reaction-picker" role="group" aria-label={t('reactions.label')}>
          {REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              aria-label={t(`reactions.${NAMES[emoji]}`)}
              title={t(`reactions.${NAMES[emoji]}`)}
              onClick={() => onReact(emoji)}
              data-testid={testId(NAMES[emoji])}
            >
              {emoji}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The reactions in flight, over the stage; each drifts up and fades (room.css), then RoomSession lets it go. */
export function FloatingReactions({
  reactions,
  selfPersonId,
}: {
  reactions: FloatingReaction[];
  selfPersonId: string;
}) {
  const { t } = useTranslation('room');
  return (
    <div className="reactions-layer" aria-live="polite" data-testid="reactions-layer">
      {reactions.map((r) => (
        <div
          key={r.id}
          className="floating-reaction"
          style={{ left: `${10 + ((r.id * 37) % 70)}%` }}
          data-testid="floating-reaction"
          data-emoji={r.emoji}
        >
          <span className="floating-emoji" role="img" aria-label={t(`reactions.${NAMES[r.emoji]}`)}>
            {r.emoji}
          </span>
          <span className="floating-name">{r.personId === selfPersonId ? t('you') : r.name}</span>
        </div>
      ))}
    </div>
  );
}
