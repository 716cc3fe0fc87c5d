import type { ReactNode } from 'react';
import { ListPagination } from '../../../components/list/list-pagination';
import { ListToolbar } from '../../../components/list/list-toolbar';
import type { PrintableStatus } from '../../../kubevirt/printable-status';
import { type ListParams } from './list-params';
import { StatusFilter } from './status-filter';

export interface VmListToolbarProps {
  text: string;
  onText: (text: string) => void;
  params: ListParams;
  onStatuses: (statuses: PrintableStatus[]) => void;
  onClearFilters: () => void;
  counts: ReadonlyMap<PrintableStatus, number>;
  total: number;
  page: number;
  onPage: (page: number, perPage: number) => void;
  bulkActions: ReactNode;
  createButton: ReactNode;
  /** Chooses the optional columns. */
  columnChooser?: ReactNode;
  /** The list is still arriving: the rows so far are shown, and a spinner says more are coming. */
  isPartial?: boolean;
}

export function VmListPagination(props: {
  total: number;
  page: number;
  perPage: number;
  onPage: (page: number, perPage: number) => void;
  bottom?: boolean;
}) {
  return <ListPagination id="vm-pagination" ariaLabel="Virtual machines pagination" {...props} />;
}

/** Filter by name/labels and status, bulk actions, create, and the page selector. */
export function VmListToolbar(p: VmListToolbarProps) {
  return (
    <ListToolbar
      idPrefix="vm"
      text={p.text}
      onText={p.onText}
      onClearFilters={p.onClearFilters}
      filter={{
        category: 'Status',
        selected: p.params.statuses,
        onChange: p.onStatuses,
        control: <StatusFilter selected={p.params.statuses} counts={p.counts} onChange={p.onStatuses} />,
      }}
      actions={[p.createButton, p.bulkActions, p.columnChooser]}
      loadingMore={p.isPartial ? 'Loading more virtual machines…' : undefined}
      pagination={<VmListPagination total={p.total} page={p.page} perPage={p.params.perPage} onPage={p.onPage} />}
    />
  );
}
