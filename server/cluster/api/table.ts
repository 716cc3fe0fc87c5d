/** meta.k8s.io/v1 Table responses for `kubectl get` (Accept: application/json;as=Table;v=v1;g=meta.k8s.io). */
import { resourceKey, type KObject, type ResourceInfo } from '../store/index.js';
import { CORE_PRINTERS, NAME_COLUMN, col, type ColumnDef, type Printer } from './core-printers.js';
import { age } from './duration.js';
import { evaluate } from './jsonpath.js';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function cell(values: unknown[], type: string, now: number): unknown {
  if (!values.length || values[0] === undefined || values[0] === null) return null;
  const v =
    values.length === 1
      ? values[0]
      : values.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(',');
  if (type === 'date') return age(v, now);
  if (typeof v === 'object') return JSON.stringify(v);
  if (type === 'integer' || type === 'number') return typeof v === 'number' ? v : Number(v);
  return v;
}

const printers = new Map<string, Printer>();

export function printerFor(info: ResourceInfo): Printer {
  const key = resourceKey(info);
  const cached = printers.get(key);
  if (cached) return cached;
  let p = CORE_PRINTERS[key];
  if (!p) {
    const cols = info.columns?.length
      ? info.columns
      : [{ name: 'Age', type: 'date' as const, jsonPath: '.metadata.creationTimestamp' }];
    const defs: ColumnDef[] = [
      NAME_COLUMN,
      ...cols.map((c) => ({
        ...col(c.name, c.type, c.priority ?? 0, c.format ?? ''),
        description: c.description ?? c.name,
      })),
    ];
    p = {
      columns: defs,
      cells: (o, now) => [o.metadata.name, ...cols.map((c) => cell(evaluate(o, c.jsonPath), c.type, now))],
    };
  }
  printers.set(key, p);
  return p;
}

function rowObject(o: KObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return o;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

export function toTable(
  info: ResourceInfo,
  items: KObject[],
  meta: Record<string, unknown>,
  include: IncludeObject,
  withHeaders = true,
): Record<string, unknown> {
  const p = printerFor(info);
  const now = Date.now();
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: meta,
    columnDefinitions: withHeaders ? p.columns : [],
    rows: items.map((o) => {
      const row: Record<string, unknown> = { cells: p.cells(o, now) };
      const obj = rowObject(o, include);
      if (obj) row.object = obj;
      return row;
    }),
  };
}
