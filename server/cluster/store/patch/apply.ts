/** Server-side apply: merge an applied configuration, track ownership per field manager, detect conflicts. */
import {
  entriesOf,
  fieldsOf,
  fromFieldsV1,
  isKeyedList,
  itemSegment,
  pathString,
  sameEntry,
  toFieldsV1,
} from './managed-fields.js';
import { errors, failure, StatusError } from '../status.js';
import type { KObject, ManagedFieldsEntry } from '../types.js';
import { clone, isPlainObject, nowRfc3339 } from '../util.js';

function mergeApplied(live: unknown, applied: unknown): unknown {
  if (isPlainObject(applied)) {
    const out: Record<string, unknown> = isPlainObject(live) ? { ...live } : {};
    for (const [k, v] of Object.entries(applied)) out[k] = mergeApplied(out[k], v);
    return out;
  }
  if (Array.isArray(applied) && isKeyedList(applied) && Array.isArray(live) && isKeyedList(live)) {
    const out = [...live] as Record<string, unknown>[];
    for (const item of applied as Record<string, unknown>[]) {
      const i = out.findIndex((o) => o.name === item.name);
      if (i >= 0) out[i] = mergeApplied(out[i], item) as Record<string, unknown>;
      else out.push(item);
    }
    return out;
  }
  return clone(applied);
}

/** Removes the field at `path` (segments) from `obj`; a keyed item path ending in "." removes the item. */
function removePath(obj: unknown, segs: string[]): void {
  if (!segs.length) return;
  const [seg, ...rest] = segs;
  if (seg.startsWith('f:') && isPlainObject(obj)) {
    const k = seg.slice(2);
    if (!rest.length) delete obj[k];
    else {
      removePath(obj[k], rest);
      if (isPlainObject(obj[k]) && !Object.keys(obj[k] as object).length && k !== 'metadata' && k !== 'spec')
        delete obj[k];
    }
  } else if (seg.startsWith('k:') && Array.isArray(obj)) {
    const key = JSON.parse(seg.slice(2)) as { name: string };
    const i = obj.findIndex((o) => isPlainObject(o) && o.name === key.name);
    if (i < 0) return;
    if (rest.length === 1 && rest[0] === '.') obj.splice(i, 1);
    else removePath(obj[i], rest);
  }
}

export interface ApplyOptions {
  manager: string;
  force: boolean;
  version: string;
  subresource?: string;
}

/** Returns the object after applying `applied` to `live` (or creating it), with managedFields updated. */
export function serverSideApply(live: KObject | undefined, applied: KObject, o: ApplyOptions): KObject {
  const appliedFields = fieldsOf(applied);
  const liveFields = live ? fieldsOf(live) : new Map<string, string>();
  const entries = live ? entriesOf(live) : [];
  const sets = entries.map((e) => ({ e, set: fromFieldsV1(e.fieldsV1) }));
  const mineIdx = sets.findIndex((s) => sameEntry(s.e, o.manager, 'Apply', o.subresource));
  const conflicts: { manager: ManagedFieldsEntry; path: string }[] = [];
  for (const [p, v] of appliedFields) {
    const cur = liveFields.get(p);
    if (cur === undefined || cur === v) continue;
    sets.forEach((s, i) => {
      if (i !== mineIdx && s.set.has(p)) conflicts.push({ manager: s.e, path: p });
    });
  }
  if (conflicts.length && !o.force) throw conflictError(conflicts);
  let merged = mergeApplied(live ? clone(live) : {}, applied) as KObject;
  if (mineIdx >= 0) {
    for (const p of sets[mineIdx].set) {
      if (appliedFields.has(p)) continue;
      const ownedByOthers = sets.some((s, i) => i !== mineIdx && s.set.has(p));
      if (!ownedByOthers) removePath(merged, JSON.parse(p) as string[]);
    }
  }
  const next: ManagedFieldsEntry[] = [];
  const conflictPaths = new Set(conflicts.map((c) => c.path));
  sets.forEach((s, i) => {
    if (i === mineIdx) return;
    if (o.force) for (const p of conflictPaths) s.set.delete(p);
    if (s.set.size) next.push({ ...s.e, fieldsV1: toFieldsV1(s.set) });
  });
  const group = applied.apiVersion.includes('/')
    ? applied.apiVersion.slice(0, applied.apiVersion.indexOf('/') + 1)
    : '';
  const mine: ManagedFieldsEntry = {
    manager: o.manager,
    operation: 'Apply',
    apiVersion: `${group}${o.version}`,
    time: nowRfc3339(),
    fieldsType: 'FieldsV1',
    fieldsV1: toFieldsV1(appliedFields.keys()),
  };
  if (o.subresource) mine.subresource = o.subresource;
  next.push(mine);
  merged = { ...merged, metadata: { ...merged.metadata, managedFields: next } };
  return merged;
}

function printManager(e: ManagedFieldsEntry): string {
  let s = JSON.stringify(e.manager);
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') s += e.time ? ` using ${e.apiVersion} at ${e.time}` : ` using ${e.apiVersion}`;
  return s;
}

function conflictError(conflicts: { manager: ManagedFieldsEntry; path: string }[]): StatusError {
  const causes = conflicts.map((c) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${printManager(c.manager)}`,
    field: pathString(c.path),
  }));
  let message: string;
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${printManager(conflicts[0].manager)}: ${pathString(conflicts[0].path)}`;
  } else {
    const by = new Map<string, string[]>();
    for (const c of conflicts) {
      const m = printManager(c.manager);
      by.set(m, [...(by.get(m) ?? []), pathString(c.path)]);
    }
    const lines: string[] = [];
    for (const m of [...by.keys()].sort()) {
      lines.push(`conflicts with ${m}:`);
      for (const p of by.get(m)!) lines.push(`- ${p}`);
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new StatusError(failure(409, 'Conflict', message, { causes }));
}

export { itemSegment, errors };
