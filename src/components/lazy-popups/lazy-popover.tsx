import type { PopoverProps } from '@patternfly/react-core';
import { lazy } from 'react';
import { FirstUse } from './first-use';

const RealPopover = lazy(() => import('./real-popups').then((m) => ({ default: m.Popover })));

/** PatternFly's Popover, same props, loaded on its trigger's first click (or hover, or focus). */
export function LazyPopover({ children, triggerRef, triggerAction = 'click', isVisible, ...props }: PopoverProps) {
  return (
    <FirstUse
      triggerRef={triggerRef}
      events={triggerAction === 'hover' ? ['mouseenter', 'focus'] : ['click']}
      active={Boolean(isVisible)}
      render={(target) => (
        <RealPopover {...props} triggerAction={triggerAction} isVisible={isVisible} triggerRef={target} />
      )}
    >
      {children}
    </FirstUse>
  );
}
