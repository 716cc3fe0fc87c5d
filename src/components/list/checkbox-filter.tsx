import { Badge, MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';
import { FilterIcon } from '@patternfly/react-icons/dist/esm/icons/filter-icon';
import { useState } from 'react';

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

/** A multi-select of values with their counts; values no row has are listed after the others. */
export function CheckboxFilter<V extends string>({
  id,
  label,
  listLabel,
  values,
  selected,
  counts,
  onChange,
}: CheckboxFilterProps<V>) {
  const [open, setOpen] = useState(false);
  const toggle = (v: V) =>
    onChange(
      selected.includes(v) ? selected.filter((x) => x !== v) : values.filter((x) => x === v || selected.includes(x)),
    );
  const present = values.filter((v) => counts.get(v));
  const absent = values.filter((v) => !counts.get(v));
  return (
    <Select
      role="menu"
      isOpen={open}
      onOpenChange={setOpen}
      selected={selected}
      onSelect={(_e, value) => toggle(value as V)}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          id={id}
          icon={<FilterIcon />}
          onClick={() => setOpen((o) => !o)}
          isExpanded={open}
          badge={selected.length ? <Badge isRead>{selected.length}</Badge> : undefined}
        >
          {label}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={listLabel}>
        {[...present, ...absent].map((v) => (
          <SelectOption key={v} value={v} hasCheckbox isSelected={selected.includes(v)}>
            {v} ({counts.get(v) ?? 0})
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
}
