// Reactions: the picker in the call controls, and the reactions everyone sent floating up over the stage for a
// few seconds, each with its sender's name.
import { useEffect, useRef, useState } from 'react';
import { REACTIONS, type Reaction } from '../rt/protocol';
import type { FloatingReaction } from '../rt/roomState';

const NAMES: Record<Reaction, string> = {
  '👍': 'Thumbs up',
  '👏': 'Applause',
  '😂': 'Laughing',
  '❤️': 'Heart',
  '😮': 'Surprised',
  '🎉': 'Celebrate',
  '❓': 'Question',
};

export function ReactionPicker({ onReact }: { onReact(emoji: Reaction): void }) {
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
        title="Send a reaction"
        onClick={() => setOpen((o) => !o)}
        data-testid="reactions"
      >
        <span aria-hidden="true">🙂</span> React
      </button>
      {open && (
        <div className="reaction-picker" role="group" aria-label="Reactions">
          {REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              aria-label={NAMES[emoji]}
              title={NAMES[emoji]}
              onClick={() => onReact(emoji)}
              data-testid={`react-${NAMES[emoji].toLowerCase().replace(/\s+/g, '-')}`}
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
          <span className="floating-emoji" role="img" aria-label={NAMES[r.emoji]}>
            {r.emoji}
          </span>
          <span className="floating-name">{r.personId === selfPersonId ? 'You' : r.name}</span>
        </div>
      ))}
    </div>
  );
}
