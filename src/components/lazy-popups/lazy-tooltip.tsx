import type { TooltipProps } from '@patternfly/react-core';
import { lazy } from 'react';
import { FirstUse } from './first-use';

const RealTooltip = lazy(() => import('./real-popups').then((m) => ({ default: m.Tooltip })));

/** PatternFly's Tooltip, same props, loaded on its trigger's first hover, focus or click. */
export function LazyTooltip({ children, triggerRef, trigger = 'mouseenter focus', isVisible, ...props }: TooltipProps) {
  const events = trigger === 'manual' ? [] : trigger.split(' ');
  return (
    <FirstUse
      triggerRef={triggerRef}
      events={events}
      active={Boolean(isVisible)}
      render={(target) => (
        <RealTooltip
          // The trigger is told by reference (it is drawn before this loads), which PatternFly
          // reads as aria-live "polite"; with children it is "off".
          aria-live={triggerRef ? 'polite' : 'off'}
          {...props}
          trigger={trigger}
          isVisible={isVisible}
          triggerRef={target}
        />
      )}
    >
      {children}
    </FirstUse>
  );
}
