/**
 * managedFields bookkeeping (a simplified structured-merge-diff): field sets as leaf paths, lists of
 * objects that all carry a string `name` are keyed by it, every other list is atomic.
 */
import type { KObject, ManagedFieldsEntry } from '../types.js';
import { isPlainObject } from '../util.js';

/** A path is a list of segments: "f:<field>", 'k:{"name":"x"}' (keyed list item) or "." (the item itself). */
export type FieldPath = string[];
/** Leaf path (JSON-encoded segments) -> JSON of the value there. */
export type FieldMap = Map<string, string>;

export const IGNORED_META = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'selfLink',
]);

export function isKeyedList(v: unknown[]): boolean {
  return v.length > 0 && v.every((i) => isPlainObject(i) && typeof i.name === 'string');
}

export function itemSegment(item: Record<string, unknown>): string {
  return `k:${JSON.stringify({ name: item.name })}`;
}

function walk(value: unknown, path: FieldPath, out: FieldMap): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      walk(v, [...path, `f:${k}`], out);
    }
  } else if (Array.isArray(value) && isKeyedList(value)) {
    for (const item of value as Record<string, unknown>[]) {
      const seg = itemSegment(item);
      out.set(JSON.stringify([...path, seg, '.']), '{}');
      for (const [k, v] of Object.entries(item)) if (v !== undefined) walk(v, [...path, seg, `f:${k}`], out);
    }
  } else {
    out.set(JSON.stringify(path), JSON.stringify(value));
  }
}

/** The leaf fields an object sets (server-managed metadata and apiVersion/kind excluded). */
export function fieldsOf(obj: KObject | Record<string, unknown>): FieldMap {
  const out: FieldMap = new Map();
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || v === undefined) continue;
    if (k === 'metadata' && isPlainObject(v)) {
      for (const [mk, mv] of Object.entries(v))
        if (!IGNORED_META.has(mk) && mv !== undefined) walk(mv, ['f:metadata', `f:${mk}`], out);
    } else walk(v, [`f:${k}`], out);
  }
  return out;
}

export function toFieldsV1(paths: Iterable<string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const p of paths) {
    let node = root;
    for (const seg of JSON.parse(p) as string[]) {
      node[seg] ??= {};
      node = node[seg] as Record<string, unknown>;
    }
  }
  return root;
}

export function fromFieldsV1(tree: unknown, prefix: FieldPath = [], out = new Set<string>()): Set<string> {
  if (!isPlainObject(tree)) return out;
  const keys = Object.keys(tree);
  if (!keys.length && prefix.length) out.add(JSON.stringify(prefix));
  for (const k of keys) fromFieldsV1(tree[k], [...prefix, k], out);
  return out;
}

/** Human form of a path for conflict messages: .spec.template[name="x"].image */
export function pathString(p: string): string {
  let s = '';
  for (const seg of JSON.parse(p) as string[]) {
    if (seg.startsWith('f:')) s += `.${seg.slice(2)}`;
    else if (seg.startsWith('k:')) {
      const key = JSON.parse(seg.slice(2)) as Record<string, unknown>;
      s += `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    }
  }
  return s;
}

export function entriesOf(obj: KObject): ManagedFieldsEntry[] {
  const mf = obj.metadata.managedFields;
  return Array.isArray(mf) ? mf.filter((e) => isPlainObject(e) && typeof e.manager === 'string') : [];
}

export function sameEntry(e: ManagedFieldsEntry, manager: string, operation: string, subresource?: string): boolean {
  return e.manager === manager && e.operation === operation && (e.subresource ?? '') === (subresource ?? '');
}
