/**
 * Edits of a VM as assignments (a path and its new value; null removes it), sent as a JSON merge
 * patch that carries the resourceVersion the edit was made from: a concurrent change then gives
 * 409 Conflict instead of being overwritten. Pure.
 */

export type FieldPath = readonly string[];

export interface Assignment {
  path: FieldPath;
  /** The new value; null removes the field (merge-patch semantics). Arrays and scalars replace. */
  value: unknown;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path` in `obj`, or undefined. */
export function valueAt(obj: unknown, path: FieldPath): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** The merge patch that makes every assignment, with metadata.resourceVersion as a precondition. */
export function mergePatchOf(assignments: readonly Assignment[], resourceVersion: string | undefined): Json {
  const patch: Json = {};
  for (const { path, value } of assignments) {
    if (!path.length) throw new Error('an assignment needs a path');
    let cur = patch;
    path.slice(0, -1).forEach((key) => {
      if (!isObject(cur[key])) cur[key] = {};
      cur = cur[key] as Json;
    });
    const last = path[path.length - 1];
    cur[last] = isObject(value) && isObject(cur[last]) ? { ...(cur[last] as Json), ...value } : value;
  }
  if (resourceVersion) {
    const meta = isObject(patch.metadata) ? patch.metadata : {};
    patch.metadata = { ...meta, resourceVersion };
  }
  return patch;
}

/**
 * Assignments that turn the map at `path` from `before` into `after`: changed and added keys get
 * their value, removed keys null (a merge patch merges maps).
 */
export function mapAssignment(
  path: FieldPath,
  before: Record<string, string> | undefined,
  after: Record<string, string>,
): Assignment {
  const value: Record<string, string | null> = {};
  for (const key of Object.keys(before ?? {})) if (!(key in after)) value[key] = null;
  for (const [key, v] of Object.entries(after)) if (before?.[key] !== v) value[key] = v;
  return { path, value };
}

export interface ServerChange {
  /** Dotted path, e.g. spec.template.spec.domain.cpu.sockets. */
  field: string;
  /** What it was when the edit was made. */
  before: unknown;
  /** What it is on the server now. */
  now: unknown;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed on the server, between the object an edit was made from and the fresh one, in the
 * fields the edit touches (for a map, its keys), so a conflict can say what the user would
 * overwrite. `others` tells whether anything else changed too (apart from metadata bookkeeping).
 */
export function serverChanges(
  base: unknown,
  fresh: unknown,
  assignments: readonly Assignment[],
): { changes: ServerChange[]; others: boolean } {
  const changes: ServerChange[] = [];
  for (const { path, value } of assignments) {
    const paths = isObject(value) ? Object.keys(value).map((k) => [...path, k]) : [path];
    for (const p of paths) {
      const before = valueAt(base, p);
      const now = valueAt(fresh, p);
      if (!same(before, now)) changes.push({ field: p.join('.'), before, now });
    }
  }
  const strip = (o: unknown) => {
    if (!isObject(o)) return o;
    const meta = isObject(o.metadata) ? { ...o.metadata } : {};
    delete meta.resourceVersion;
    delete meta.generation;
    delete meta.managedFields;
    return { ...o, metadata: meta, status: undefined };
  };
  const others = !changes.length && !same(strip(base), strip(fresh));
  return { changes, others };
}

/** "a=b" lines as a map; problems name the bad lines. Keys and values are trimmed; blank lines skipped. */
export function parsePairs(text: string): { pairs: Record<string, string>; problems: string[] } {
  const pairs: Record<string, string> = {};
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (!key) problems.push(`line ${i + 1}: a key is needed before "="`);
    else pairs[key] = eq < 0 ? '' : line.slice(eq + 1).trim();
  });
  return { pairs, problems };
}

/** A map as "a=b" lines, sorted by key. */
export const formatPairs = (map: Record<string, string> | undefined): string =>
  Object.keys(map ?? {})
    .sort()
    .map((k) => `${k}=${map?.[k] ?? ''}`)
    .join('\n');
