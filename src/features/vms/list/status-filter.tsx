import { Badge, MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';
import { FilterIcon } from '@patternfly/react-icons/dist/esm/icons/filter-icon';
import { useState } from 'react';
import type { PrintableStatus } from '../status/printable-status';
import { STATUS_DISPLAY_ORDER } from '../status/status-map';

export interface StatusFilterProps {
  selected: PrintableStatus[];
  /** How many VMs (before filtering) have each status. */
  counts: ReadonlyMap<PrintableStatus, number>;
  onChange: (statuses: PrintableStatus[]) => void;
}

/** A multi-select of printableStatus values; statuses no VM has are listed after the others. */
export function StatusFilter({ selected, counts, onChange }: StatusFilterProps) {
  const [open, setOpen] = useState(false);
  const toggle = (s: PrintableStatus) =>
    onChange(selected.includes(s) ? selected.filter((x) => x !== s) : STATUS_DISPLAY_ORDER.filter((x) => x === s || selected.includes(x)));
  const present = STATUS_DISPLAY_ORDER.filter((s) => counts.get(s));
  const absent = STATUS_DISPLAY_ORDER.filter((s) => !counts.get(s));
  return (
    <Select
      role="menu"
      isOpen={open}
      onOpenChange={setOpen}
      selected={selected}
      onSelect={(_e, value) => toggle(value as PrintableStatus)}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          id="vm-status-filter"
          icon={<FilterIcon />}
          onClick={() => setOpen((o) => !o)}
          isExpanded={open}
          badge={selected.length ? <Badge isRead>{selected.length}</Badge> : undefined}
        >
          Status
        </MenuToggle>
      )}
    >
      <SelectList aria-label="Statuses">
        {[...present, ...absent].map((s) => (
          <SelectOption key={s} value={s} hasCheckbox isSelected={selected.includes(s)}>
            {s} ({counts.get(s) ?? 0})
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
}
