/**
 * The list's rows: each VM joined with its VMI, with the values the table filters and sorts on
 * precomputed (see row-store.ts for keeping them up to date), and the filter and sort of the view.
 */
import { createdOf, labelsOf, nameOf, namespaceOf, objectKeyOf } from '../../../k8s/meta';
import { vmPrintableStatus, type VM } from '../../../kubevirt/vm-selectors';
import { vmiIPs, vmiNode, type VMI } from '../../../kubevirt/vmi-selectors';
import { compareIps, matchesTextFilter, parseTextFilter, rowOrder, type TextFilter } from '../../../lib/list-query';
import type { PrintableStatus } from '../../../kubevirt/printable-status';
import type { ListParams, SortColumn } from './list-params';

// The filter's grammar and paging are shared with the other lists.
export { pageOf, parseTextFilter } from '../../../lib/list-query';

export interface VmRow {
  key: string;
  vm: VM;
  vmi: VMI | undefined;
  name: string;
  namespace: string;
  status: PrintableStatus;
  node: string;
  ips: string[];
  created: string;
  /** Lower-case name, for the text filter. */
  search: string;
}

/** The row of one VM (and its VMI, if running), with what the table filters and sorts on. */
export function makeRow(vm: VM, vmi: VMI | undefined): VmRow {
  const name = nameOf(vm);
  return {
    key: objectKeyOf(vm),
    vm,
    vmi,
    name,
    namespace: namespaceOf(vm),
    status: vmPrintableStatus(vm),
    node: vmiNode(vmi) ?? '',
    ips: vmiIPs(vmi),
    created: createdOf(vm) ?? '',
    search: name.toLowerCase(),
  };
}

function matchesText(row: VmRow, f: TextFilter): boolean {
  return matchesTextFilter(f, row.search, () => labelsOf(row.vm));
}

const SORT_VALUE: Record<SortColumn, (r: VmRow) => string> = {
  name: (r) => r.search,
  namespace: (r) => r.namespace,
  status: (r) => r.status,
  node: (r) => r.node,
  ip: (r) => r.ips[0] ?? '',
  created: (r) => r.created,
};

export type RowQuery = Pick<ListParams, 'text' | 'statuses' | 'sort' | 'direction'>;

/** The order of a sort (ties by namespace, then name); rows with no value sort last. */
export const rowComparator = (sort: SortColumn, direction: ListParams['direction']): ((a: VmRow, b: VmRow) => number) =>
  rowOrder(SORT_VALUE[sort], direction, sort === 'ip' ? compareIps : undefined);

/** The filter of a query; null when it lets every row through. */
export function rowFilter(params: Pick<ListParams, 'text' | 'statuses'>): ((row: VmRow) => boolean) | null {
  const text = parseTextFilter(params.text);
  const statuses = new Set(params.statuses);
  if (!statuses.size && !text.words.length && !text.labels.length) return null;
  return (row) => (!statuses.size || statuses.has(row.status)) && matchesText(row, text);
}

/** Filters and sorts the rows (ties by namespace, then name); rows with no value sort last. */
export function selectRows(rows: Iterable<VmRow>, params: RowQuery): VmRow[] {
  const keep = rowFilter(params);
  const out = keep ? [...rows].filter(keep) : [...rows];
  return out.sort(rowComparator(params.sort, params.direction));
}
