import { Select, SelectList, SelectOption } from '@patternfly/react-core';
import { useState } from 'react';
import { useOpenAfterMount } from '../../../components/lazy-popups/use-open-after-mount';
import { ColumnChooserToggle, type ColumnChooserProps } from './column-chooser';
import { OPTIONAL_COLUMNS, OPTIONAL_COLUMN_TITLES, type OptionalColumn } from './columns';

/** The column chooser's menu (its own chunk): mounts open, its toggle taking the focus. */
export function ColumnChooserMenu({ shown, onChange }: ColumnChooserProps) {
  const [wanted, setOpen] = useState(true);
  const open = useOpenAfterMount() && wanted;
  const toggle = (c: OptionalColumn) => onChange(shown.includes(c) ? shown.filter((x) => x !== c) : [...shown, c]);
  return (
    <Select
      role="menu"
      isOpen={open}
      onOpenChange={setOpen}
      selected={shown}
      onSelect={(_e, value) => toggle(value as OptionalColumn)}
      toggle={(ref) => <ColumnChooserToggle ref={ref} isExpanded={open} onClick={() => setOpen(!open)} autoFocus />}
    >
      <SelectList aria-label="Optional columns">
        {OPTIONAL_COLUMNS.map((c) => (
          <SelectOption key={c} value={c} hasCheckbox isSelected={shown.includes(c)}>
            {OPTIONAL_COLUMN_TITLES[c]}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
}
