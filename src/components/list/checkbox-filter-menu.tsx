import { Select, SelectList, SelectOption } from '@patternfly/react-core';
import { useState } from 'react';
import { useOpenAfterMount } from '../lazy-popups/use-open-after-mount';
import { CheckboxFilterToggle, type CheckboxFilterProps } from './checkbox-filter';

/**
 * The filter's menu (its own chunk, loaded on the toggle's first click): it mounts open, its toggle
 * taking the focus from the placeholder the user pressed.
 */
export function CheckboxFilterMenu<V extends string>({
  id,
  label,
  listLabel,
  values,
  selected,
  counts,
  onChange,
}: CheckboxFilterProps<V>) {
  const [wanted, setOpen] = useState(true);
  const open = useOpenAfterMount() && wanted;
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
        <CheckboxFilterToggle
          ref={ref}
          id={id}
          label={label}
          count={selected.length}
          isExpanded={open}
          onClick={() => setOpen(!open)}
          autoFocus
        />
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
