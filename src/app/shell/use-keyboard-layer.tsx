import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { NamespaceChoice } from '../../lib/routes';
import type { PaletteRequest } from '../shortcuts/keyboard-layer';

// The shortcuts and the palette come in a chunk of their own once the first page is up: the first
// page's JavaScript (a 200 KB gzip budget) carries only this loader and the masthead's button.
const KeyboardLayer = lazy(() => import('../shortcuts/keyboard-layer').then((m) => ({ default: m.KeyboardLayer })));

const whenIdle = (f: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(f, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(f, 200);
  return () => clearTimeout(id);
};

/**
 * Mounts the keyboard layer when the browser is first idle (or at once when the masthead's button
 * asks for the palette). `ready`: the shortcuts listen.
 */
export function useKeyboardLayer(namespace: NamespaceChoice): {
  openPalette: () => void;
  ready: boolean;
  layer: ReactNode;
} {
  const [mounted, setMounted] = useState(false);
  const [ready, setReady] = useState(false);
  const [paletteRequest, setPaletteRequest] = useState<PaletteRequest>();
  useEffect(() => whenIdle(() => setMounted(true)), []);
  const openPalette = useCallback(() => {
    setMounted(true);
    setPaletteRequest({ from: document.activeElement });
  }, []);
  const onReady = useCallback(() => setReady(true), []);
  const layer = mounted && (
    <Suspense fallback={null}>
      <KeyboardLayer namespace={namespace} paletteRequest={paletteRequest} onReady={onReady} />
    </Suspense>
  );
  return { openPalette, ready, layer };
}
