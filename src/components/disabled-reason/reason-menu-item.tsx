import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { reasonId } from './reason-button';

type ButtonAttrs = ComponentPropsWithoutRef<'button'>;

/**
 * PatternFly's MenuItem sets aria-disabled only on its own 'button' component, and passes extra
 * props to its <li>: these two buttons carry aria-disabled and aria-describedby themselves.
 */
const DescribedItemButton = forwardRef<HTMLButtonElement, ButtonAttrs>(function DescribedItemButton(props, ref) {
  return <button {...props} ref={ref} type="button" aria-describedby={props.id ? reasonId(props.id) : undefined} />;
});

const DisabledItemButton = forwardRef<HTMLButtonElement, ButtonAttrs>(function DisabledItemButton(props, ref) {
  return <DescribedItemButton {...props} ref={ref} aria-disabled />;
});

export interface DescribedItemProps {
  id: string;
  description?: ReactNode;
  component?: typeof DescribedItemButton;
  isAriaDisabled?: boolean;
  isDanger?: boolean;
}

/**
 * Props for a PatternFly DropdownItem whose description line says why it is disabled (or what it
 * would do): the item is named by its label alone (the line is aria-hidden) and described by that
 * line (aria-describedby reads a hidden element it names); a disabled item
 * stays reachable with the arrow keys (aria-disabled) and is never drawn as a danger item.
 */
export function describedItemProps(o: {
  id: string;
  description?: string;
  disabled?: boolean;
  danger?: boolean;
}): DescribedItemProps {
  const isDanger = Boolean(o.danger && !o.disabled);
  if (!o.description) return { id: o.id, isDanger, isAriaDisabled: Boolean(o.disabled) };
  return {
    id: o.id,
    // Hidden from the item's name (its visible label), read as its description.
    description: (
      <span id={reasonId(o.id)} aria-hidden="true">
        {o.description}
      </span>
    ),
    component: o.disabled ? DisabledItemButton : DescribedItemButton,
    isAriaDisabled: Boolean(o.disabled),
    isDanger,
  };
}
