import { CheckboxFilter } from '../../../components/list/checkbox-filter';
import { STATUS_DISPLAY_ORDER, type PrintableStatus } from '../../../kubevirt/printable-status';

export interface StatusFilterProps {
  selected: PrintableStatus[];
  /** How many VMs (before filtering) have each status. */
  counts: ReadonlyMap<PrintableStatus, number>;
  onChange: (statuses: PrintableStatus[]) => void;
}

/** A multi-select of printableStatus values; statuses no VM has are listed after the others. */
export function StatusFilter({ selected, counts, onChange }: StatusFilterProps) {
  return (
    <CheckboxFilter
      id="vm-status-filter"
      label="Status"
      listLabel="Statuses"
      values={STATUS_DISPLAY_ORDER}
      selected={selected}
      counts={counts}
      onChange={onChange}
    />
  );
}
