/** Table encoding for watch events (column definitions only in the first event, as kube-apiserver does). */
import type { KObject, ResourceInfo } from '../store/index.js';
import { toTable as baseTable, type IncludeObject } from './table.js';

export { includeObjectParam } from './encode.js';

export function toTable(
  info: ResourceInfo,
  items: KObject[],
  meta: Record<string, unknown>,
  include: IncludeObject,
  withHeaders: boolean,
  version: 'v1' | 'v1beta1',
): Record<string, unknown> {
  const t = baseTable(info, items, meta, include, withHeaders);
  if (version === 'v1beta1') t.apiVersion = 'meta.k8s.io/v1beta1';
  return t;
}
