// The keyboard shortcuts of the room, opened with "?" or the keyboard button in the controls.
import { useEffect, useRef } from 'react';
import { shortcutKeys } from './shortcuts';

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="shortcut-backdrop" onClick={onClose}>
      <div
        className="shortcut-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-title"
        data-testid="shortcut-help"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcut-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {shortcutKeys().map((s) => (
              <tr key={s.action}>
                <td>{s.label}</td>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' or '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">The single keys work while you are not typing.</p>
        <button ref={close} type="button" className="btn" onClick={onClose} data-testid="shortcut-help-close">
          Close
        </button>
      </div>
    </div>
  );
}
