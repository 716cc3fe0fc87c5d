/**
 * The VMI list's rows, with what the table filters and sorts on, and its view in the URL
 * (?q=&status=Running,Failed&sort=node&dir=desc&page=&perPage=), in the VM list's format.
 */
import { createdOf, labelsOf, nameOf, namespaceOf, objectKeyOf } from '../../../k8s/meta';
import { vmiIPs, vmiNode, vmiOwnerVmName, vmiPhase, type VMI, type VmiPhase } from '../../../kubevirt/vmi-selectors';
import type { ListView, ListViewSpec, SortDirection } from '../../../lib/list-params';
import { compareIps, isEmptyTextFilter, matchesTextFilter, parseTextFilter, rowOrder } from '../../../lib/list-query';

/** The phases in their lifecycle order (the filter lists them so). */
export const VMI_PHASES: readonly VmiPhase[] = [
  'Pending',
  'Scheduling',
  'Scheduled',
  'Running',
  'Succeeded',
  'Failed',
  'WaitingForSync',
  'Unknown',
];

export const VMI_SORT_COLUMNS = ['name', 'namespace', 'phase', 'node', 'ip', 'owner', 'created'] as const;
export type VmiSortColumn = (typeof VMI_SORT_COLUMNS)[number];

const isVmiPhase = (s: string): s is VmiPhase => (VMI_PHASES as readonly string[]).includes(s);

/** The list's view: `status` holds phases. */
export const VMI_LIST_VIEW: ListViewSpec<VmiPhase, VmiSortColumn> = {
  isStatus: isVmiPhase,
  sortColumns: VMI_SORT_COLUMNS,
};
export type VmiListView = ListView<VmiPhase, VmiSortColumn>;

export interface VmiRow {
  key: string;
  vmi: VMI;
  name: string;
  namespace: string;
  phase: VmiPhase;
  node: string;
  ips: string[];
  /** The controlling VirtualMachine's name, '' for a VMI of its own. */
  owner: string;
  created: string;
  /** Lower-case name, for the text filter. */
  search: string;
}

export function makeVmiRow(vmi: VMI): VmiRow {
  const name = nameOf(vmi);
  return {
    key: objectKeyOf(vmi),
    vmi,
    name,
    namespace: namespaceOf(vmi),
    phase: vmiPhase(vmi),
    node: vmiNode(vmi) ?? '',
    ips: vmiIPs(vmi),
    owner: vmiOwnerVmName(vmi) ?? '',
    created: createdOf(vmi) ?? '',
    search: name.toLowerCase(),
  };
}

const SORT_VALUE: Record<VmiSortColumn, (r: VmiRow) => string> = {
  name: (r) => r.search,
  namespace: (r) => r.namespace,
  // Lifecycle order, not alphabetical: Pending before Running before Failed.
  phase: (r) => String(VMI_PHASES.indexOf(r.phase)).padStart(2, '0'),
  node: (r) => r.node,
  ip: (r) => r.ips[0] ?? '',
  owner: (r) => r.owner,
  created: (r) => r.created,
};

/** The order of a sort (ties by namespace, then name); rows with no value sort last. */
export const vmiRowComparator = (sort: VmiSortColumn, direction: SortDirection): ((a: VmiRow, b: VmiRow) => number) =>
  rowOrder(SORT_VALUE[sort], direction, sort === 'ip' ? compareIps : undefined);

/** Filters (name words, `key=value` labels, phases) and sorts the rows. */
export function selectVmiRows(
  rows: readonly VmiRow[],
  view: Pick<VmiListView, 'text' | 'statuses' | 'sort' | 'direction'>,
): VmiRow[] {
  const text = parseTextFilter(view.text);
  const phases = new Set(view.statuses);
  const keep = (r: VmiRow) =>
    (!phases.size || phases.has(r.phase)) && matchesTextFilter(text, r.search, () => labelsOf(r.vmi));
  const out = !phases.size && isEmptyTextFilter(text) ? rows.slice() : rows.filter(keep);
  return out.sort(vmiRowComparator(view.sort, view.direction));
}
