/**
 * A list page's view (filter, status filter, sort, page) as URL query parameters, so a link
 * reproduces it: ?q=web%20app%3Dfront&status=Running,Paused&sort=created&dir=desc&page=2&perPage=100
 * Defaults are left out of the URL. Each list names its statuses and sortable columns (a spec).
 */

export type SortDirection = 'asc' | 'desc';

export const PER_PAGE_OPTIONS = [20, 50, 100, 200] as const;
export const DEFAULT_PER_PAGE = 50;

export interface ListView<Status extends string = string, Column extends string = string> {
  /** Free text: words match the name; `key=value` (or `key`) words match labels. */
  text: string;
  statuses: Status[];
  sort: Column;
  direction: SortDirection;
  /** 1-based. */
  page: number;
  perPage: number;
}

/** What one list accepts: its statuses and its sortable columns (the first is the default sort). */
export interface ListViewSpec<Status extends string, Column extends string> {
  isStatus: (s: string) => s is Status;
  sortColumns: readonly [Column, ...Column[]];
}

/** The view with nothing chosen: no filter, sorted by the spec's first column, first page. */
export function defaultListView<S extends string, C extends string>(spec: ListViewSpec<S, C>): ListView<S, C> {
  return { text: '', statuses: [], sort: spec.sortColumns[0], direction: 'asc', page: 1, perPage: DEFAULT_PER_PAGE };
}

const positiveInt = (s: string | null, fallback: number): number => {
  const n = s && /^\d+$/.test(s) ? Number(s) : NaN;
  return n >= 1 ? n : fallback;
};

/** Reads the view from a query string; anything unreadable falls back to the default. */
export function parseListView<S extends string, C extends string>(
  spec: ListViewSpec<S, C>,
  search: URLSearchParams,
): ListView<S, C> {
  const sort = search.get('sort') ?? '';
  const perPage = positiveInt(search.get('perPage'), DEFAULT_PER_PAGE);
  return {
    text: search.get('q') ?? '',
    statuses: (search.get('status') ?? '')
      .split(',')
      .filter(spec.isStatus)
      .filter((s, i, all) => all.indexOf(s) === i),
    sort: (spec.sortColumns as readonly string[]).includes(sort) ? (sort as C) : spec.sortColumns[0],
    direction: search.get('dir') === 'desc' ? 'desc' : 'asc',
    page: positiveInt(search.get('page'), 1),
    perPage: (PER_PAGE_OPTIONS as readonly number[]).includes(perPage) ? perPage : DEFAULT_PER_PAGE,
  };
}

/** Writes the view into a copy of `base` (other parameters are kept), leaving defaults out. */
export function writeListView<S extends string, C extends string>(
  spec: ListViewSpec<S, C>,
  view: ListView<S, C>,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const out = new URLSearchParams(base);
  const set = (key: string, value: string, fallback: string) => {
    if (value === fallback) out.delete(key);
    else out.set(key, value);
  };
  set('q', view.text, '');
  set('status', view.statuses.join(','), '');
  set('sort', view.sort, spec.sortColumns[0]);
  set('dir', view.direction, 'asc');
  set('page', String(view.page), '1');
  set('perPage', String(view.perPage), String(DEFAULT_PER_PAGE));
  return out;
}
