/**
 * The command palette's matcher: fuzzy search (fuzzysort, a small kept library: SublimeText-like
 * ranking over prepared targets, under 1 ms for 10,000 names) over the objects the app already
 * watches, with exact names first, then recently chosen items, then by score.
 */
import fuzzysort, { type SnapshotKey } from 'fuzzysort';

export type PaletteKind = 'vm' | 'vmi' | 'service' | 'namespace';

export interface PaletteTarget {
  kind: PaletteKind;
  name: string;
  /** Unset for namespaces. */
  namespace?: string;
}

export interface PaletteMatch<T extends PaletteTarget = PaletteTarget> {
  target: T;
  /** Indexes of the matched characters in the name (empty without a query). */
  indexes: readonly number[];
}

/** One key per object: `vm/<ns>/<name>`, `namespace//<name>`. */
export const targetKey = (t: PaletteTarget): string => `${t.kind}/${t.namespace ?? ''}/${t.name}`;

const KIND_ORDER: Record<PaletteKind, number> = { vm: 0, vmi: 1, service: 2, namespace: 3 };

/** The searchable form of a list of targets: prepare once per change of the list, search per keystroke. */
export interface PreparedTargets<T extends PaletteTarget> {
  items: readonly T[];
  /** The items by kind, then name, then namespace: what an empty query lists. */
  sorted: readonly T[];
  byKey: ReadonlyMap<string, T>;
  /** The names, prepared. */
  names: SnapshotKey<T>;
  /** The `namespace/name` paths, prepared on the first query with a slash. */
  paths: () => SnapshotKey<T>;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byKindThenName = (a: PaletteTarget, b: PaletteTarget) =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compare(a.name, b.name) || compare(a.namespace ?? '', b.namespace ?? '');

const pathOf = (t: PaletteTarget) => (t.namespace ? `${t.namespace}/${t.name}` : t.name);

export function prepareTargets<T extends PaletteTarget>(items: readonly T[]): PreparedTargets<T> {
  let paths: SnapshotKey<T> | undefined;
  return {
    items,
    sorted: [...items].sort(byKindThenName),
    byKey: new Map(items.map((t) => [targetKey(t), t])),
    names: fuzzysort.snapshot(items, { key: 'name' }),
    paths: () => (paths ??= fuzzysort.snapshot(items, { key: pathOf })),
  };
}

export interface MatchOptions {
  /** Keys of recently chosen targets, most recent first. */
  recent?: readonly string[];
  /** At most this many matches (default 50). */
  limit?: number;
}

/** A namespace (63) and a name (253), with the slash. */
const MAX_QUERY = 317;

/** How far fuzzysort's own ranking is read before exact names and recent items are put first. */
const CANDIDATES = 200;

/**
 * The targets that match `query`, best first: a name equal to the query (any case), then recent
 * targets (most recent first), then fuzzysort's score, then VMs before VMIs, Services and namespaces. An empty query lists the recent targets,
 * then the others by kind and name.
 */
export function matchTargets<T extends PaletteTarget>(
  query: string,
  prepared: PreparedTargets<T>,
  { recent = [], limit = 50 }: MatchOptions = {},
): PaletteMatch<T>[] {
  const recentRank = new Map(recent.map((key, i) => [key, i]));
  // Longer than any namespace/name: a pasted page of text is cut, not searched.
  const q = query.trim().slice(0, MAX_QUERY);
  if (!q) {
    const recents = recent.map((k) => prepared.byKey.get(k)).filter((t): t is T => t !== undefined);
    const others: T[] = [];
    for (const t of prepared.sorted) {
      if (recents.length + others.length >= limit) break;
      if (!recentRank.has(targetKey(t))) others.push(t);
    }
    return [...recents, ...others].slice(0, limit).map((target) => ({ target, indexes: [] }));
  }
  // One key per search (several keys, or a score function, cost fuzzysort several times as much):
  // the name, or namespace/name when the query has a slash ("demo/web").
  const byPath = q.includes('/');
  const label = byPath ? pathOf : (t: PaletteTarget) => t.name;
  const results = fuzzysort.go(q, byPath ? prepared.paths() : prepared.names, {
    limit: CANDIDATES,
    threshold: 0.2,
  });
  const lower = q.toLowerCase();
  const scored = results.map((r) => {
    const key = targetKey(r.obj);
    return {
      match: { target: r.obj, indexes: byPath ? [] : r.indexes },
      exact: r.obj.name.toLowerCase() === lower || pathOf(r.obj).toLowerCase() === lower,
      recent: recentRank.get(key),
      score: r.score,
    };
  });
  // A recent target the candidates cut off still comes first when it matches.
  const seen = new Set(scored.map((s) => targetKey(s.match.target)));
  for (const [key, rank] of recentRank) {
    const target = prepared.byKey.get(key);
    if (!target || seen.has(key)) continue;
    const single = fuzzysort.single(q, label(target));
    if (single && single.score >= 0.2)
      scored.push({
        match: { target, indexes: byPath ? [] : single.indexes },
        exact: false,
        recent: rank,
        score: single.score,
      });
  }
  scored.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      (a.recent ?? Infinity) - (b.recent ?? Infinity) ||
      b.score - a.score ||
      byKindThenName(a.match.target, b.match.target),
  );
  return scored.slice(0, limit).map((s) => s.match);
}
