/**
 * What the shortcuts do to the page itself (DOM only, no React): focus the list's filter, and move
 * the focus through a list's rows. A row is focused through its first link (the name), so Enter
 * opens it as a click would, and the browser draws the focus ring.
 */

const MAIN = '#main-content';

/** Focuses the filter box of the list on the page; false when there is none. */
export function focusListFilter(doc: Document = document): boolean {
  const input = doc.querySelector<HTMLInputElement>(`${MAIN} input[aria-label="Filter by name or label"]`);
  if (!input) return false;
  input.focus();
  input.select();
  return true;
}

/** The rows of the page's first table that has linked rows, with their links. */
function linkedRows(doc: Document): { row: HTMLTableRowElement; link: HTMLAnchorElement }[] {
  for (const table of doc.querySelectorAll<HTMLTableElement>(`${MAIN} table`)) {
    const rows = [...table.querySelectorAll<HTMLTableRowElement>(':scope > tbody > tr')]
      .map((row) => ({ row, link: row.querySelector<HTMLAnchorElement>('a[href]') }))
      .filter((r): r is { row: HTMLTableRowElement; link: HTMLAnchorElement } => r.link !== null);
    if (rows.length) return rows;
  }
  return [];
}

/**
 * Moves the focus to the next (1) or previous (-1) row of the list; from outside the list, j
 * starts at the first row and k at the last. False when the page has no list rows.
 */
export function moveRowFocus(delta: 1 | -1, doc: Document = document): boolean {
  const rows = linkedRows(doc);
  if (!rows.length) return false;
  const active = doc.activeElement;
  const current = rows.findIndex((r) => r.row.contains(active));
  const next =
    current < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, current + delta));
  const { row, link } = rows[next];
  link.focus();
  row.scrollIntoView({ block: 'nearest' });
  return true;
}
