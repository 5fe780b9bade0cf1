// Keyboard shortcuts for a screen: "F2", "Alt+L", "Escape"… The mouse is optional for an
// officer, so every main action gets a key. Shortcuts pause while a modal dialog is open
// (the dialog owns the keyboard then) or when the caller disables them (lock screen).
import { useEffect, useRef } from 'react';

export type HotkeyMap = Partial<Record<string, (e: KeyboardEvent) => void>>;

/** "Alt+L", "F5", "Escape", "Ctrl+Alt+1": stable across keyboard layouts for letters and digits. */
export function keyName(e: KeyboardEvent): string {
  let key = e.key;
  if (e.code.startsWith('Key')) key = e.code.slice(3);
  else if (e.code.startsWith('Digit')) key = e.code.slice(5);
  const mods = `${e.ctrlKey ? 'Ctrl+' : ''}${e.altKey ? 'Alt+' : ''}${e.shiftKey && key.length > 1 && key.startsWith('F') ? 'Shift+' : ''}`;
  return mods + key;
}

function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * `screen` shortcuts are heard on the document, `global` ones (tabs, lock…) on the window
 * afterwards, so a screen can claim a key (F5 = refresh the queue) before the workspace's
 * fallback for it, whichever mounted first.
 */
export function useHotkeys(map: HotkeyMap, enabled = true, scope: 'screen' | 'global' = 'screen'): void {
  // Latest handlers without re-binding the listener on every render.
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || modalOpen()) return;
      const handler = ref.current[keyName(e)];
      if (!handler) return;
      e.preventDefault();
      handler(e);
    };
    const target: Window | Document = scope === 'global' ? window : document;
    target.addEventListener('keydown', onKey as EventListener);
    return () => target.removeEventListener('keydown', onKey as EventListener);
  }, [enabled, scope]);
}
