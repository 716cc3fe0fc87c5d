import { useEffect } from 'react';

/**
 * Runs `fn` two frames from now (cancelled by the returned function): by then a pop-up that has just
 * mounted has finished its own set-up (PatternFly's Popper finds its trigger and listens to it in
 * an effect, then renders again), so an event replayed to it is handled as a user's would be.
 */
export function afterSetUp(fn: () => void): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(fn);
  });
  return () => cancelAnimationFrame(frame);
}

/**
 * Clicks the element with this id once it has set up: a menu that loaded on its toggle's first
 * click gets that click again, and opens as PatternFly opens it.
 */
export function ReplayClick({ targetId, then }: { targetId: string; then?: (target: HTMLElement) => void }) {
  useEffect(
    () =>
      afterSetUp(() => {
        const target = document.getElementById(targetId);
        if (!target) return;
        // The toggle that was clicked (and focused) was the placeholder's: its successor takes both.
        target.focus();
        target.click();
        then?.(target);
      }),
    [targetId, then],
  );
  return null;
}
