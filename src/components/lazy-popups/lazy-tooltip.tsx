import type { TooltipProps } from '@patternfly/react-core';
import { lazy, useState } from 'react';
import { FirstUse } from './first-use';

const RealTooltip = lazy(() => import('./real-popups').then((m) => ({ default: m.Tooltip })));

/**
 * PatternFly's Tooltip, same props, loaded on its trigger's first hover, focus or click. The
 * loaded tooltip mounts visible (PatternFly shows it when `isVisible` is true on mount) instead of
 * being given the first event again, which its Popper might not be listening for yet; after that
 * its own listeners hide and show it.
 */
export function LazyTooltip({ children, triggerRef, trigger = 'mouseenter focus', isVisible, ...props }: TooltipProps) {
  const events = trigger === 'manual' ? [] : trigger.split(' ');
  const [firstUse, setFirstUse] = useState(false);
  return (
    <FirstUse
      triggerRef={triggerRef}
      events={events}
      active={Boolean(isVisible)}
      replay={false}
      onFirstUse={() => setFirstUse(true)}
      render={(target) => (
        <RealTooltip
          // The trigger is told by reference (it is drawn before this loads), which PatternFly
          // reads as aria-live "polite"; with children it is "off".
          aria-live={triggerRef ? 'polite' : 'off'}
          {...props}
          trigger={trigger}
          isVisible={Boolean(isVisible) || firstUse}
          triggerRef={target}
        />
      )}
    >
      {children}
    </FirstUse>
  );
}
