import { Badge, MenuToggle, type MenuToggleElement } from '@patternfly/react-core';
import { FilterIcon } from '@patternfly/react-icons/dist/esm/icons/filter-icon';
import { lazy, Suspense, useState, type ReactElement, type Ref } from 'react';

// Loose on purpose: React.lazy loses the generic parameter; CheckboxFilter passes its own props on.
const CheckboxFilterMenu = lazy(() =>
  import('./checkbox-filter-menu').then((m) => ({
    default: m.CheckboxFilterMenu as (p: CheckboxFilterProps<string>) => ReactElement,
  })),
);

export interface CheckboxFilterProps<V extends string> {
  /** The toggle's id: "vmi-phase-filter". */
  id: string;
  /** The toggle's text: "Phase". */
  label: string;
  /** The list of values' accessible name: "Phases". */
  listLabel: string;
  /** Every value, in display order. */
  values: readonly V[];
  selected: V[];
  /** How many rows (before filtering) have each value. */
  counts: ReadonlyMap<V, number>;
  onChange: (values: V[]) => void;
}

export interface CheckboxFilterToggleProps {
  ref?: Ref<MenuToggleElement>;
  id: string;
  label: string;
  /** How many values are chosen (a badge when some are). */
  count: number;
  isExpanded: boolean;
  onClick: () => void;
  /** Take the focus when mounted (the loaded menu's toggle, replacing the placeholder the user pressed). */
  autoFocus?: boolean;
}

/** The filter's toggle: a filter icon, its label and the number of chosen values. */
export function CheckboxFilterToggle({
  ref,
  id,
  label,
  count,
  isExpanded,
  onClick,
  autoFocus,
}: CheckboxFilterToggleProps) {
  return (
    <MenuToggle
      ref={ref}
      id={id}
      icon={<FilterIcon />}
      onClick={onClick}
      isExpanded={isExpanded}
      autoFocus={autoFocus}
      badge={count ? <Badge isRead>{count}</Badge> : undefined}
    >
      {label}
    </MenuToggle>
  );
}

/**
 * A multi-select of values with their counts; values no row has are listed after the others.
 * Until its first click it is only its toggle: the menu's code loads then.
 */
export function CheckboxFilter<V extends string>(props: CheckboxFilterProps<V>) {
  const [used, setUsed] = useState(false);
  const toggle = (
    <CheckboxFilterToggle
      id={props.id}
      label={props.label}
      count={props.selected.length}
      isExpanded={false}
      onClick={() => setUsed(true)}
    />
  );
  if (!used) return toggle;
  return (
    <Suspense fallback={toggle}>
      <CheckboxFilterMenu {...(props as unknown as CheckboxFilterProps<string>)} />
    </Suspense>
  );
}
