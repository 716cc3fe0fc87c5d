import { Button, type ButtonProps } from '@patternfly/react-core';
import { useId, useRef } from 'react';
import { LazyTooltip } from '../lazy-popups/lazy-tooltip';

export interface ReasonButtonProps extends ButtonProps {
  /** Why the button does nothing now: it stays focusable, says why on hover and focus, and is described by it. */
  disabledReason?: string;
}

/** The id of the element that holds a disabled control's reason (its aria-describedby). */
export const reasonId = (controlId: string): string => `${controlId}-disabled-reason`;

/**
 * A PatternFly button that, when it cannot be used, says why to everyone: it stays in the tab
 * order (aria-disabled, not disabled), its accessible description is the reason (for screen
 * readers), and a tooltip shows the reason on hover and on keyboard focus.
 */
export function ReasonButton({ disabledReason, id, ...props }: ReasonButtonProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const fallbackId = useId();
  const controlId = id ?? `reason-button-${fallbackId.replace(/:/g, '')}`;
  if (!disabledReason) return <Button id={id} {...props} />;
  return (
    <>
      <Button ref={ref} id={controlId} {...props} isAriaDisabled aria-describedby={reasonId(controlId)} />
      {/* display:none keeps it out of the layout; aria-describedby still reads a hidden element it names. */}
      <span id={reasonId(controlId)} hidden>
        {disabledReason}
      </span>
      <LazyTooltip content={disabledReason} triggerRef={ref} aria="none" />
    </>
  );
}
