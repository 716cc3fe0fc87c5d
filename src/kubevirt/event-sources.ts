import type { IoK8sApiCoreV1Event } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import { nameOf } from '../k8s/meta';

export type CoreEvent = IoK8sApiCoreV1Event;

/** When an event last happened: lastTimestamp, else eventTime, firstTimestamp, creation. */
export function eventTime(e: CoreEvent): string | undefined {
  return e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp;
}

const timeValue = (e: CoreEvent): number => {
  const t = eventTime(e);
  const v = t ? Date.parse(t) : NaN;
  return Number.isNaN(v) ? 0 : v;
};

/** Several watched event lists as one, without duplicates, newest first. */
export function mergeEventsNewestFirst(lists: Array<CoreEvent[] | undefined>): CoreEvent[] {
  const byKey = new Map<string, CoreEvent>();
  for (const list of lists) {
    for (const e of list ?? []) byKey.set(e.metadata?.uid ?? `${e.metadata?.namespace}/${e.metadata?.name}`, e);
  }
  return [...byKey.values()].sort((a, b) => timeValue(b) - timeValue(a) || nameOf(a).localeCompare(nameOf(b)));
}

/** The field selector of the events about one kind of object (one watch per kind of source). */
export const eventsOfKindSelector = (kind: string, name?: string): string =>
  name ? `involvedObject.kind=${kind},involvedObject.name=${name}` : `involvedObject.kind=${kind}`;

export const isWarning = (e: CoreEvent): boolean => e.type === 'Warning';
