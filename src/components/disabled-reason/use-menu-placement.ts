import { useEffect } from 'react';

/**
 * Places an open PatternFly menu again when its content changes size (a reason replacing
 * "Checking your permissions…" widens it). PatternFly's Popper means to do this with a
 * MutationObserver, but its callback keeps the first render's `update`, which is not set yet, so a
 * right-aligned menu that grows runs past the window's edge. Popper.js itself re-places on the
 * window's resize event: this sends one, a frame after the content changed.
 */
export function useMenuPlacement(contentKey: string): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
    return () => cancelAnimationFrame(frame);
  }, [contentKey]);
}
