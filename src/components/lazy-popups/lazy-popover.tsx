import type { PopoverProps } from '@patternfly/react-core';
import { lazy, useState } from 'react';
import { FirstUse } from './first-use';

const RealPopover = lazy(() => import('./real-popups').then((m) => ({ default: m.Popover })));

/**
 * PatternFly's Popover, same props, loaded on its trigger's first click (or hover, or focus).
 * Unless the caller controls `isVisible`, the popover is shown through PatternFly's controlled mode
 * (isVisible with shouldOpen/shouldClose): the first click opens it once it has loaded, without
 * replaying that click to a Popper that may not be listening yet.
 */
export function LazyPopover({
  children,
  triggerRef,
  triggerAction = 'click',
  isVisible,
  shouldOpen,
  shouldClose,
  ...props
}: PopoverProps) {
  const [shown, setShown] = useState(false);
  const controlled = isVisible !== undefined;
  return (
    <FirstUse
      triggerRef={triggerRef}
      events={triggerAction === 'hover' ? ['mouseenter', 'focus'] : ['click']}
      active={Boolean(isVisible)}
      replay={controlled}
      onFirstUse={() => setShown(true)}
      render={(target) => (
        <RealPopover
          {...props}
          triggerAction={triggerAction}
          isVisible={controlled ? isVisible : shown}
          shouldOpen={(event, show) => {
            if (!controlled) setShown(true);
            shouldOpen?.(event, show);
          }}
          shouldClose={(event, hide) => {
            if (!controlled) setShown(false);
            shouldClose?.(event, hide);
          }}
          triggerRef={target}
        />
      )}
    >
      {children}
    </FirstUse>
  );
}
