import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { createRelay } from '../../lib/relay';
import type { NamespaceChoice } from '../../lib/routes';
import { classifyKeyTarget, createShortcutDispatcher } from '../../lib/shortcuts';
import type { ShortcutRequest } from '../shortcuts/keyboard-layer';

// What the shortcuts do (the palette, the help, the moves) comes in a chunk of its own on the first
// shortcut or click on the masthead's button: the first page's JavaScript (a 200 KB gzip budget)
// carries only the key listener below, which recognises the shortcuts (and takes their keys'
// defaults) from the start and hands them to the layer once it is there, in order: none is lost.
const loadLayer = () => import('../shortcuts/keyboard-layer');
const KeyboardLayer = lazy(() => loadLayer().then((m) => ({ default: m.KeyboardLayer })));
// The palette's own chunk, fetched beside the layer's when the first request is for it.
const loadPalette = () => import('../palette/command-palette');

/**
 * Listens to the document's key presses from the first page on (see src/lib/shortcuts.ts for what
 * fires where) and mounts the keyboard layer on the first shortcut or on the masthead's button.
 */
export function useKeyboardLayer(namespace: NamespaceChoice): { openPalette: () => void; layer: ReactNode } {
  const [requests] = useState(() => createRelay<ShortcutRequest>());
  const [mounted, setMounted] = useState(false);
  const request = useCallback(
    (r: ShortcutRequest) => {
      if (r.id === 'palette') void loadPalette().catch(() => undefined);
      requests.send(r);
      setMounted(true);
    },
    [requests],
  );
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
      request({ id, from: document.activeElement });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [request]);
  const openPalette = useCallback(() => request({ id: 'palette', from: document.activeElement }), [request]);
  const layer = mounted && (
    <Suspense fallback={null}>
      <KeyboardLayer namespace={namespace} requests={requests} />
    </Suspense>
  );
  return { openPalette, layer };
}
