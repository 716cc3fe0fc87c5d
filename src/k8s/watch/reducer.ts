import { objectKeyOf } from '../meta';
import type { K8sResource, WatchEvent } from '../types';

/** What the react-query cache holds under a list key. */
export interface ListData<T extends K8sResource = K8sResource> {
  items: T[];
  /** Opaque: only ever passed back to the server, never parsed or compared. */
  resourceVersion: string;
  /**
   * True while a long list is still arriving page by page: `items` are the pages so far. The watch
   * starts only once the list is complete, so partial data is never updated by events.
   */
  partial?: boolean;
}

/**
 * Position of every object of an items array by objectKeyOf. Built once per array and handed on to
 * the next array when a batch only replaces or appends (the common case under churn), so a batch
 * costs its events, not the list's length. An index is only ever valid for the array it is stored
 * under; a batch that removes objects lets the next one rebuild it.
 */
const indexes = new WeakMap<readonly K8sResource[], Map<string, number>>();

function takeIndex(items: readonly K8sResource[]): Map<string, number> {
  const cached = indexes.get(items);
  if (cached) {
    // The index moves to the new array; the old array rebuilds one if it is ever used again.
    indexes.delete(items);
    return cached;
  }
  return new Map(items.map((o, i) => [objectKeyOf(o), i]));
}

/**
 * Applies a batch of watch events to a list, in order. Pure: the input is not mutated; objects that
 * no event touched keep their identity, and a batch that changes nothing returns `data` itself.
 * ADDED and MODIFIED insert or replace (new objects go to the end), DELETED removes, BOOKMARK only
 * moves the resourceVersion. ERROR events are the watch manager's business and are skipped here.
 */
export function applyWatchEvents<T extends K8sResource>(
  data: ListData<T>,
  events: readonly WatchEvent<T>[],
): ListData<T> {
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
      index = takeIndex(data.items);
    }
    const key = objectKeyOf(event.object);
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

  if (!items || !index) return resourceVersion === data.resourceVersion ? data : { ...data, resourceVersion };
  if (removed.size) return { items: items.filter((_, i) => !removed.has(i)), resourceVersion };
  indexes.set(items, index);
  return { items, resourceVersion };
}
