// What PatternFly's own components (the table's cells and headers, Label, Alert, NavItem) import as
// Tooltip, Popover, Dropdown and Popper in the production build (vite.config.ts points those imports
// here): the same components, loaded on first use, so that PatternFly's pop-up code (Popper, Menu,
// focus-trap) stays out of the first page.
import type { DropdownItemProps, DropdownListProps, DropdownProps, PopperProps } from '@patternfly/react-core';
import { createRef, isValidElement, lazy, Suspense, useState } from 'react';
import { useOpenAfterMount } from './use-open-after-mount';

export { LazyTooltip as Tooltip } from './lazy-tooltip';
export { LazyPopover as Popover } from './lazy-popover';

const RealPopper = lazy(() => import('./real-popups').then((m) => ({ default: m.Popper })));
const RealDropdown = lazy(() => import('./real-popups').then((m) => ({ default: m.Dropdown })));
const RealDropdownList = lazy(() => import('./real-popups').then((m) => ({ default: m.DropdownList })));
const RealDropdownItem = lazy(() => import('./real-popups').then((m) => ({ default: m.DropdownItem })));

/** PatternFly's Dropdown, mounted closed and opened once the click that opened it is over. */
function OpenedDropdown(props: DropdownProps) {
  const shown = useOpenAfterMount();
  return <RealDropdown {...props} isOpen={shown && props.isOpen} />;
}

/** The table's actions column's Dropdown: its toggle at once, the rest when it opens. */
export function Dropdown(props: DropdownProps) {
  const { toggle } = props;
  const fallback = typeof toggle === 'function' ? toggle(createRef()) : toggle.toggleNode;
  if (!props.isOpen) return <>{fallback}</>;
  return (
    <Suspense fallback={fallback}>
      <OpenedDropdown {...props} />
    </Suspense>
  );
}

export const DropdownList = (props: DropdownListProps) => <RealDropdownList {...props} />;
export const DropdownItem = (props: DropdownItemProps) => <RealDropdownItem {...props} />;

/** Popper (NavItem's flyout): the trigger as Popper draws it until the pop-up is first shown. */
export function Popper(props: PopperProps) {
  const [used, setUsed] = useState(Boolean(props.isVisible));
  if (props.isVisible && !used) setUsed(true);
  const { trigger, triggerRef } = props;
  let fallback = null;
  if (isValidElement(trigger)) fallback = triggerRef ? trigger : <div style={{ display: 'contents' }}>{trigger}</div>;
  if (!used) return fallback;
  return (
    <Suspense fallback={fallback}>
      <RealPopper {...props} />
    </Suspense>
  );
}
