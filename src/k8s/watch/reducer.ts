import type { K8sResource, WatchEvent } from '../types';

/** What the react-query cache holds under a list key. */
export interface ListData<T extends K8sResource = K8sResource> {
  items: T[];
  /** Opaque: only ever passed back to the server, never parsed or compared. */
  resourceVersion: string;
}

/** How informers identify objects: namespace/name. */
export const objectKey = (o: K8sResource): string => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/**
 * Applies a batch of watch events to a list, in order. Pure: the input is not mutated; objects that
 * no event touched keep their identity, and a batch that changes nothing returns `data` itself.
 * ADDED and MODIFIED insert or replace (new objects go to the end), DELETED removes, BOOKMARK only
 * moves the resourceVersion. ERROR events are the watch manager's business and are skipped here.
 */
export function applyWatchEvents<T extends K8sResource>(data: ListData<T>, events: readonly WatchEvent<T>[]): ListData<T> {
  let resourceVersion = data.resourceVersion;
  let items: T[] | undefined;
  let index: Map<string, number> | undefined;
  const removed = new Set<number>();

  for (const event of events) {
    if (event.type === 'ERROR') continue;
    resourceVersion = event.object.metadata?.resourceVersion || resourceVersion;
    if (event.type === 'BOOKMARK') continue;
    if (!items || !index) {
      items = data.items.slice();
      index = new Map(items.map((o, i) => [objectKey(o), i]));
    }
    const key = objectKey(event.object);
    const at = index.get(key);
    if (event.type === 'DELETED') {
      if (at !== undefined) {
        removed.add(at);
        index.delete(key);
      }
    } else if (at !== undefined) {
      items[at] = event.object;
    } else {
      index.set(key, items.length);
      items.push(event.object);
    }
  }

  if (!items) return resourceVersion === data.resourceVersion ? data : { ...data, resourceVersion };
  const next = removed.size ? items.filter((_, i) => !removed.has(i)) : items;
  return { items: next, resourceVersion };
}
