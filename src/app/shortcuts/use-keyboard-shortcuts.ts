import { useEffect, useRef } from 'react';
import { classifyKeyTarget, createShortcutDispatcher, type ShortcutId } from '../../lib/shortcuts';

export type ShortcutHandlers = Record<ShortcutId, () => void>;

/**
 * Listens to the document's key presses and runs the handler of each shortcut completed (see
 * src/lib/shortcuts.ts for what fires where). A key that completes a shortcut loses its default.
 */
export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const dispatch = createShortcutDispatcher();
    const onKeyDown = (e: KeyboardEvent) => {
      const id = dispatch({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        isComposing: e.isComposing,
        defaultPrevented: e.defaultPrevented,
        time: e.timeStamp,
        target: classifyKeyTarget(e.target instanceof Element ? e.target : null),
      });
      if (!id) return;
      e.preventDefault();
      latest.current[id]();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
