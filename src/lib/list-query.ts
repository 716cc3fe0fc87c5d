/** Filtering, ordering and paging of list rows, shared by the list pages. Pure. */

export interface TextFilter {
  /** Lower-case words that must all be in the name. */
  words: string[];
  /** `key=value` labels (`key=`: any value). */
  labels: Array<{ key: string; value?: string }>;
}

/** "web app=front": words without "=" must all be in the name; `key=value` a label (`key=` any value). */
export function parseTextFilter(text: string): TextFilter {
  const out: TextFilter = { words: [], labels: [] };
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const eq = token.indexOf('=');
    if (eq > 0) out.labels.push({ key: token.slice(0, eq), value: token.slice(eq + 1) });
    else out.words.push(token.toLowerCase());
  }
  return out;
}

export const isEmptyTextFilter = (f: TextFilter): boolean => !f.words.length && !f.labels.length;

/** Whether a row passes the text filter: `search` is its lower-case name, `labels` its object's labels. */
export function matchesTextFilter(f: TextFilter, search: string, labels: () => Record<string, string>): boolean {
  for (const w of f.words) if (!search.includes(w)) return false;
  if (f.labels.length) {
    const own = labels();
    for (const l of f.labels) if (!(l.key in own) || (l.value !== '' && own[l.key] !== l.value)) return false;
  }
  return true;
}

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** IPv4 addresses in numeric order; anything else by text. */
export function compareIps(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  if (pa.length === 4 && pb.length === 4) {
    for (let i = 0; i < 4; i++) {
      const d = Number(pa[i]) - Number(pb[i]);
      if (d) return d;
    }
    return 0;
  }
  return compareText(a, b);
}

/** What every list row has for its default order: its namespace and its lower-case name. */
export interface OrderedRow {
  namespace: string;
  search: string;
}

/**
 * The order of a sort on one value of the rows (`compare`: compareText, or compareIps for IPs),
 * ties by namespace, then name; rows with no value sort last, in either direction.
 */
export function rowOrder<R extends OrderedRow>(
  value: (row: R) => string,
  direction: 'asc' | 'desc',
  compare: (a: string, b: string) => number = compareText,
): (a: R, b: R) => number {
  const sign = direction === 'desc' ? -1 : 1;
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (!va) return 1;
      if (!vb) return -1;
      return sign * compare(va, vb);
    }
    return compareText(a.namespace, b.namespace) || compareText(a.search, b.search);
  };
}

/** The rows of one page, with the page clamped to the last one. */
export function pageOf<T>(rows: readonly T[], page: number, perPage: number): { items: T[]; page: number } {
  const last = Math.max(1, Math.ceil(rows.length / perPage));
  const p = Math.min(Math.max(1, page), last);
  return { items: rows.slice((p - 1) * perPage, p * perPage), page: p };
}
