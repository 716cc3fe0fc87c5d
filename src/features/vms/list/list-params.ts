/**
 * The list's view (filter, status filter, sort, page) as URL query parameters, so a link
 * reproduces it: ?q=web%20app%3Dfront&status=Running,Paused&sort=created&dir=desc&page=2&perPage=100
 * Defaults are left out of the URL.
 */
import { isPrintableStatus, type PrintableStatus } from '../status/printable-status';

export const SORT_COLUMNS = ['name', 'namespace', 'status', 'node', 'ip', 'created'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export const PER_PAGE_OPTIONS = [20, 50, 100, 200] as const;
export const DEFAULT_PER_PAGE = 50;

export interface ListParams {
  /** Free text: words match the name; `key=value` (or `key`) words match labels. */
  text: string;
  statuses: PrintableStatus[];
  sort: SortColumn;
  direction: SortDirection;
  /** 1-based. */
  page: number;
  perPage: number;
}

export const DEFAULT_PARAMS: ListParams = {
  text: '',
  statuses: [],
  sort: 'name',
  direction: 'asc',
  page: 1,
  perPage: DEFAULT_PER_PAGE,
};

const positiveInt = (s: string | null, fallback: number): number => {
  const n = s && /^\d+$/.test(s) ? Number(s) : NaN;
  return n >= 1 ? n : fallback;
};

/** Reads the view from a query string; anything unreadable falls back to the default. */
export function parseListParams(search: URLSearchParams): ListParams {
  const sort = search.get('sort');
  const perPage = positiveInt(search.get('perPage'), DEFAULT_PER_PAGE);
  return {
    text: search.get('q') ?? '',
    statuses: (search.get('status') ?? '')
      .split(',')
      .filter((s): s is PrintableStatus => isPrintableStatus(s))
      .filter((s, i, all) => all.indexOf(s) === i),
    sort: (SORT_COLUMNS as readonly string[]).includes(sort ?? '') ? (sort as SortColumn) : DEFAULT_PARAMS.sort,
    direction: search.get('dir') === 'desc' ? 'desc' : 'asc',
    page: positiveInt(search.get('page'), 1),
    perPage: (PER_PAGE_OPTIONS as readonly number[]).includes(perPage) ? perPage : DEFAULT_PER_PAGE,
  };
}

/** Writes the view into a copy of `base` (other parameters are kept), leaving defaults out. */
export function writeListParams(params: ListParams, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(base);
  const set = (key: string, value: string, fallback: string) => {
    if (value === fallback) out.delete(key);
    else out.set(key, value);
  };
  set('q', params.text, '');
  set('status', params.statuses.join(','), '');
  set('sort', params.sort, DEFAULT_PARAMS.sort);
  set('dir', params.direction, DEFAULT_PARAMS.direction);
  set('page', String(params.page), '1');
  set('perPage', String(params.perPage), String(DEFAULT_PER_PAGE));
  return out;
}
