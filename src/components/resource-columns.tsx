import type { K8sResource } from '../k8s/types';
import type { ResourceColumn } from './resource-table';
import { Timestamp } from './timestamp';
import { nameOf, namespaceOf } from '../k8s/meta';

/** Name, Namespace and Created: the columns every list shares. */
export const nameColumn: ResourceColumn<K8sResource> = {
  id: 'name',
  title: 'Name',
  cell: (o) => o.metadata?.name,
};

export const namespaceColumn: ResourceColumn<K8sResource> = {
  id: 'namespace',
  title: 'Namespace',
  cell: (o) => o.metadata?.namespace ?? '-',
};

export const createdColumn: ResourceColumn<K8sResource> = {
  id: 'created',
  title: 'Created',
  cell: (o) => <Timestamp value={o.metadata?.creationTimestamp} />,
};

/** Sorted by namespace then name, for a stable order while watch events arrive. */
export function byNamespaceAndName<T extends K8sResource>(items: T[]): T[] {
  const key = (o: T) => `${namespaceOf(o)}\u0000${nameOf(o)}`;
  return items.slice().sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
