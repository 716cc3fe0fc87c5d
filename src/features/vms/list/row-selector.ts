/**
 * The view's rows (filter, then sort) for a stream of row snapshots. Sorting 10,000 rows on every
 * watch batch is most of a batch's cost, so the last order is kept: on name, namespace and created
 * (values a row never changes) it is reused as long as no row moved, and otherwise it is the start
 * of the next sort, which is then nearly sorted (the engine's TimSort is linear on sorted runs).
 */
import type { SortColumn } from './list-params';
import type { RowSnapshot } from './row-store';
import { rowComparator, rowFilter, type RowQuery, type VmRow } from './vm-rows';

/** Columns whose value a row keeps for its VM's lifetime. */
const FIXED_COLUMNS: ReadonlySet<SortColumn> = new Set<SortColumn>(['name', 'namespace', 'created']);

interface Ordered {
  snapshot: RowSnapshot;
  sort: RowQuery['sort'];
  direction: RowQuery['direction'];
  /** Positions in `snapshot.rows`, sorted. */
  order: number[];
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

export class RowSelector {
  private last?: Ordered;

  select(snapshot: RowSnapshot, query: RowQuery): VmRow[] {
    const order = this.order(snapshot, query);
    const { rows } = snapshot;
    const keep = rowFilter(query);
    const out: VmRow[] = [];
    for (const i of order) {
      const row = rows[i];
      if (!keep || keep(row)) out.push(row);
    }
    return out;
  }

  private order(snapshot: RowSnapshot, { sort, direction }: RowQuery): number[] {
    const last = this.last;
    const n = snapshot.rows.length;
    let order: number[];
    // The last order holds for a snapshot of the same layout with at least as many rows (rows are
    // only appended within a layout). A shorter one is older: React rendered the newer snapshot
    // (a deferred watch batch), threw that render away for user input, and renders the committed
    // one again. Its rows are sorted from scratch.
    const before = last?.snapshot.rows.length ?? 0;
    if (
      last &&
      last.snapshot.layout === snapshot.layout &&
      before <= n &&
      last.sort === sort &&
      last.direction === direction
    ) {
      if (last.snapshot === snapshot) return last.order;
      // Same layout: the last snapshot's positions still hold; rows may have been appended.
      order = before === n ? last.order : last.order.concat(range(before, n));
      if (FIXED_COLUMNS.has(sort) && before === n) {
        this.last = { snapshot, sort, direction, order };
        return order;
      }
      order = order.slice();
    } else {
      order = range(0, n);
    }
    const compare = rowComparator(sort, direction);
    const rows = snapshot.rows;
    order.sort((a, b) => compare(rows[a], rows[b]));
    this.last = { snapshot, sort, direction, order };
    return order;
  }
}
