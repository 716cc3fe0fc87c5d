/**
 * The VM list's view (filter, status filter, sort, page) as URL query parameters, so a link
 * reproduces it: ?q=web%20app%3Dfront&status=Running,Paused&sort=created&dir=desc&page=2&perPage=100
 * Defaults are left out of the URL (the format is src/lib/list-params.ts, shared by the lists).
 */
import {
  defaultListView,
  parseListView,
  writeListView,
  type ListView,
  type ListViewSpec,
} from '../../../lib/list-params';
import { isPrintableStatus, type PrintableStatus } from '../../../kubevirt/printable-status';

export { DEFAULT_PER_PAGE, PER_PAGE_OPTIONS, type SortDirection } from '../../../lib/list-params';

export const SORT_COLUMNS = ['name', 'namespace', 'status', 'node', 'ip', 'created'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export type ListParams = ListView<PrintableStatus, SortColumn>;

export const VM_LIST_VIEW: ListViewSpec<PrintableStatus, SortColumn> = {
  isStatus: isPrintableStatus,
  sortColumns: SORT_COLUMNS,
};

export const DEFAULT_PARAMS: ListParams = defaultListView(VM_LIST_VIEW);

/** Reads the view from a query string; anything unreadable falls back to the default. */
export const parseListParams = (search: URLSearchParams): ListParams => parseListView(VM_LIST_VIEW, search);

/** Writes the view into a copy of `base` (other parameters are kept), leaving defaults out. */
export const writeListParams = (params: ListParams, base?: URLSearchParams): URLSearchParams =>
  writeListView(VM_LIST_VIEW, params, base);
