// What PatternFly's DrawerPanelContent imports as its FocusTrap in the production build (vite.config.ts
// points that import here): PatternFly's FocusTrap (helpers/FocusTrap), with the focus-trap library
// loaded when the trap is first created instead of with the first page.
import type { FocusTrapProps } from '@patternfly/react-core/dist/esm/helpers/FocusTrap/FocusTrap.js';
import type { FocusTrap as Trap } from 'focus-trap';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

export const FocusTrap = forwardRef<HTMLDivElement, FocusTrapProps>(function FocusTrap(
  { active = true, paused = false, focusTrapOptions = {}, preventScrollOnDeactivate = false, ...props },
  forwardedRef,
) {
  const ref = useRef<HTMLDivElement>(null);
  useImperativeHandle(forwardedRef, () => ref.current as HTMLDivElement);
  const trapRef = useRef<Trap | null>(null);
  const state = useRef({ active, paused });
  state.current = { active, paused };
  useEffect(() => {
    let trap: Trap | undefined;
    let gone = false;
    void import('focus-trap').then(({ createFocusTrap }) => {
      if (gone || !ref.current) return;
      trap = createFocusTrap(ref.current, { ...focusTrapOptions, returnFocusOnDeactivate: false });
      trapRef.current = trap;
      if (state.current.active) trap.activate();
      if (state.current.paused) trap.pause();
    });
    return () => {
      gone = true;
      trap?.deactivate();
    };
    // Created once, as PatternFly's FocusTrap does; active and paused follow below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (active) trapRef.current?.activate();
    else trapRef.current?.deactivate();
  }, [active]);
  useEffect(() => {
    if (paused) trapRef.current?.pause();
    else trapRef.current?.unpause();
  }, [paused]);
  const previous = useRef(typeof document !== 'undefined' ? document.activeElement : null);
  useEffect(
    () => () => {
      if (focusTrapOptions.returnFocusOnDeactivate !== false && previous.current instanceof HTMLElement)
        previous.current.focus({ preventScroll: preventScrollOnDeactivate });
    },
    // On unmount only, as PatternFly's useUnmountEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return <div ref={ref} {...props} />;
});
