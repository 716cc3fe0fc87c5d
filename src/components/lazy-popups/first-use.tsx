import { Suspense, useCallback, useEffect, useState, type ReactElement, type ReactNode, type RefObject } from 'react';

/** How PatternFly's Tooltip and Popover name their trigger. */
export type TriggerRef = HTMLElement | (() => HTMLElement) | RefObject<unknown>;

function triggerElement(ref: TriggerRef | undefined): HTMLElement | null {
  if (!ref) return null;
  if (typeof ref === 'function') return ref();
  if (ref instanceof HTMLElement) return ref;
  return ref.current instanceof HTMLElement ? ref.current : null;
}

/**
 * Runs `fn` two frames from now (cancelled by the returned function): by then a pop-up that has just
 * mounted has finished its own set-up (PatternFly's Popper finds its trigger and listens to it in
 * an effect, then renders again), so an event replayed to it is handled as a user's would be.
 */
function afterSetUp(fn: () => void): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(fn);
  });
  return () => cancelAnimationFrame(frame);
}

/** Gives the trigger, once the pop-up has mounted, the event that asked for it. */
function Replay({ target, event }: { target: () => HTMLElement | null; event: string }) {
  useEffect(
    () =>
      afterSetUp(() => {
        const el = target();
        if (!el) return;
        if (event === 'click') el.click();
        else if (event === 'mouseenter' && el.matches(':hover')) el.dispatchEvent(new MouseEvent('mouseenter'));
        else if (event === 'focus' && el === document.activeElement) el.dispatchEvent(new FocusEvent('focus'));
      }),
    [target, event],
  );
  return null;
}

export interface FirstUseProps {
  /** The trigger, when there is no triggerRef: it stays mounted (and focused) when the pop-up loads. */
  children?: ReactElement;
  triggerRef?: TriggerRef;
  /** The trigger's events that open the pop-up: the first one loads it and is then replayed. */
  events: readonly string[];
  /** Mount the pop-up now (it is asked to be visible). */
  active?: boolean;
  /** The pop-up, told its trigger (a function, as PatternFly's triggerRef accepts). */
  render: (trigger: () => HTMLElement) => ReactNode;
  /**
   * Whether the first event is given again to the mounted pop-up (the default); a pop-up that is
   * told to show by `onFirstUse` instead needs no replay.
   */
  replay?: boolean;
  /** Called with the first event's type when it happens. */
  onFirstUse?: (event: string) => void;
}

/**
 * A PatternFly pop-up (Tooltip, Popover) that loads on its trigger's first use. Until then only the
 * trigger is drawn, in the same `display: contents` wrapper PatternFly's Popper puts around it;
 * then the pop-up mounts against that trigger and gets the event again.
 */
export function FirstUse({
  children,
  triggerRef,
  events,
  active = false,
  render,
  replay = true,
  onFirstUse,
}: FirstUseProps) {
  const [wrapper, setWrapper] = useState<HTMLDivElement | null>(null);
  const [used, setUsed] = useState<string | undefined>(active ? 'active' : undefined);
  if (active && !used) setUsed('active');
  const target = useCallback(
    () => (triggerRef ? triggerElement(triggerRef) : (wrapper?.firstElementChild as HTMLElement | null)),
    [triggerRef, wrapper],
  );
  useEffect(() => {
    if (used) return undefined;
    const el = target();
    if (!el) return undefined;
    const listeners = events.map(
      (type) =>
        [
          type,
          () => {
            setUsed(type);
            onFirstUse?.(type);
          },
        ] as const,
    );
    for (const [type, listener] of listeners) el.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of listeners) el.removeEventListener(type, listener);
    };
  });
  const popup = used && (
    <Suspense fallback={null}>
      {render(target as () => HTMLElement)}
      {replay && <Replay target={target} event={used} />}
    </Suspense>
  );
  if (triggerRef) return popup || null;
  return (
    <>
      <div style={{ display: 'contents' }} ref={setWrapper}>
        {children}
      </div>
      {popup}
    </>
  );
}
