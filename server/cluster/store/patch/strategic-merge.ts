/**
 * Strategic merge patch for core kinds, as far as kubectl needs it: lists merge by the keys the
 * Kubernetes types declare (containers by name, ports by port, ...), directives ($patch,
 * $setElementOrder, $deleteFromPrimitiveList, $retainKeys) are honoured or dropped.
 */
import { clone, isPlainObject } from '../util.js';

const NAME_KEYED = new Set([
  'containers',
  'initContainers',
  'ephemeralContainers',
  'volumes',
  'env',
  'imagePullSecrets',
  'resourceClaims',
  'readinessGates',
  'schedulingGates',
]);
const PRIMITIVE_MERGE = new Set(['finalizers']);

function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  if (NAME_KEYED.has(field)) return 'name';
  switch (field) {
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'conditions':
      return 'type';
    case 'ownerReferences':
      return 'uid';
    case 'hostAliases':
      return 'ip';
    case 'topologySpreadConstraints':
      return 'topologyKey';
    case 'ports':
      return items.some((i) => isPlainObject(i) && 'containerPort' in i) ? 'containerPort' : 'port';
    default:
      return undefined;
  }
}

function mergeList(field: string, target: unknown, patch: unknown[]): unknown {
  if (patch.some((i) => isPlainObject(i) && i.$patch === 'replace')) {
    return patch.filter((i) => !(isPlainObject(i) && i.$patch === 'replace'));
  }
  const cur = Array.isArray(target) ? [...target] : [];
  if (PRIMITIVE_MERGE.has(field)) {
    for (const v of patch) if (!cur.includes(v)) cur.push(v);
    return cur;
  }
  const key = mergeKeyFor(field, [...cur, ...patch]);
  if (!key) return patch.map((i) => strip(i));
  for (const item of patch) {
    if (!isPlainObject(item)) continue;
    const idx = cur.findIndex((c) => isPlainObject(c) && c[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) cur.splice(idx, 1);
      continue;
    }
    if (idx >= 0) cur[idx] = strategicMerge(cur[idx], item);
    else cur.push(strip(item));
  }
  return cur;
}

/** Removes patch directives from a value that is inserted as a whole. */
function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    if (val === null) continue;
    out[k] = strip(val);
  }
  return out;
}

export function strategicMerge(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  if (patch.$patch === 'replace') return strip(patch);
  if (patch.$patch === 'delete') return undefined;
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  const retain = Array.isArray(patch.$retainKeys) ? (patch.$retainKeys as string[]) : undefined;
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field]) && Array.isArray(v))
        out[field] = (out[field] as unknown[]).filter((x) => !v.includes(x));
      continue;
    }
    if (k.startsWith('$')) continue;
    if (v === null) {
      delete out[k];
      continue;
    }
    if (Array.isArray(v)) out[k] = mergeList(k, out[k], v);
    else if (isPlainObject(v)) {
      const merged = strategicMerge(out[k], v);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else out[k] = v;
  }
  if (retain) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}
