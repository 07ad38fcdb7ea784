// The room's keyboard shortcuts, as people know them from Google Meet (Ctrl/⌘+D microphone, Ctrl/⌘+E camera,
// Ctrl/⌘+Alt+H hand) and Jitsi (M, V, R, ? while not typing). The single keys are left alone while the focus is
// in a text field, the lesson document or the whiteboard, which have keys of their own.
import { useEffect, useRef } from 'react';
import type { TFunction } from 'i18next';

export type ShortcutAction = 'mic' | 'camera' | 'hand' | 'help';

export const isMac = () =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Each shortcut's keys, as shown in tooltips and the help (what it does: the catalogue's `shortcuts.<action>`). */
export function shortcutKeys(): { action: ShortcutAction; keys: string[] }[] {
  const mod = isMac() ? '⌘' : 'Ctrl';
  return [
    { action: 'mic', keys: [`${mod}+D`, 'M'] },
    { action: 'camera', keys: [`${mod}+E`, 'V'] },
    { action: 'hand', keys: [`${mod}+Alt+H`, 'R'] },
    { action: 'help', keys: ['?'] },
  ];
}

/** "(Ctrl+D or M)": the keys of an action, for a button's tooltip. */
export const keysOf = (t: TFunction<'room'>, action: ShortcutAction) => {
  const [first, second] = shortcutKeys().find((s) => s.action === action)!.keys;
  return `(${second ? t('shortcuts.either', { first, second }) : first})`;
};

const SINGLE: Record<string, ShortcutAction> = { m: 'mic', v: 'camera', r: 'hand', '?': 'help' };
const WITH_MOD: Record<string, ShortcutAction> = { d: 'mic', e: 'camera' };

function typingIn(target: EventTarget | null) {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return (
    el.isContentEditable ||
    !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .excalidraw')
  );
}

/** The action a key press asks for, or null. */
export function actionOf(e: KeyboardEvent): ShortcutAction | null {
  const key = e.key.toLowerCase();
  const mod = isMac() ? e.metaKey : e.ctrlKey;
  if (mod && e.altKey && (key === 'h' || e.code === 'KeyH')) return 'hand';
  if (mod && !e.altKey && !e.shiftKey) return WITH_MOD[key] ?? null;
  if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return null;
  return SINGLE[e.key === '?' ? '?' : key] ?? null;
}

/** Listens for the shortcuts while the room is shown. */
export function useRoomShortcuts(run: (action: ShortcutAction) => void) {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const action = actionOf(e);
      if (!action) return;
      // Ctrl+D would bookmark the page, Ctrl+E search: the room takes them, as Meet does.
      e.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
