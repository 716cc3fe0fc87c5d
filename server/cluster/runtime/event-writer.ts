/** core/v1 Events as client-go's event recorder writes them, with aggregation of repeats. */
import { isStatusError } from '../store/status.js';
import { nowRfc3339 } from '../store/util.js';
import type { ClusterClient, InvolvedObject, KObject } from './client.js';

export type EventSource = string | { component: string; host?: string };

/** How many event series the recorder remembers for aggregation (client-go's event correlator: an LRU of 4096). */
const MAX_SERIES = 4096;

export class EventWriter {
  /** How many series are remembered (for tests and memory accounting). */
  get seriesCount(): number {
    return this.names.size;
  }

  /** series key -> the Event's namespace and name, oldest use first */
  private names = new Map<string, { ns: string; name: string }>();

  constructor(private readonly store: Pick<ClusterClient, 'tryGet' | 'mutate' | 'create'>) {}

  /**
   * Records an event about `involved`. A repeat (same source, object, type, reason and message)
   * bumps `count` and `lastTimestamp` of the existing Event instead of creating a new one.
   */
  record(
    involved: InvolvedObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
  ): KObject {
    const src = typeof source === 'string' ? { component: source } : source;
    const m = involved.metadata;
    const ns = m.namespace || 'default';
    const key = [
      src.component,
      src.host ?? '',
      involved.kind,
      ns,
      m.name,
      m.uid,
      involved.apiVersion,
      type,
      reason,
      message,
    ].join('\u0000');
    const now = new Date();
    const ts = nowRfc3339(now);
    const existing = this.names.get(key)?.name;
    this.names.delete(key);
    if (existing && this.store.tryGet('events', ns, existing)) {
      this.names.set(key, { ns, name: existing });
      try {
        return this.store.mutate(
          'events',
          ns,
          existing,
          (e) => {
            e.count = (e.count ?? 1) + 1;
            e.lastTimestamp = ts;
          },
          { fieldManager: src.component },
        );
      } catch (e) {
        if (!isStatusError(e)) throw e;
      }
    }
    const name = `${m.name}.${(BigInt(now.getTime()) * 1000000n + BigInt(Math.floor(Math.random() * 1e6))).toString(16)}`;
    const involvedObject: Record<string, unknown> = {
      kind: involved.kind,
      name: m.name,
      uid: m.uid,
      apiVersion: involved.apiVersion,
      resourceVersion: m.resourceVersion,
    };
    if (m.namespace) involvedObject.namespace = m.namespace;
    const ev = this.store.create(
      'events',
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject,
        reason,
        message,
        source: src.host ? { component: src.component, host: src.host } : { component: src.component },
        firstTimestamp: ts,
        lastTimestamp: ts,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: src.component,
        reportingInstance: src.host ?? '',
      },
      { fieldManager: src.component },
    );
    this.names.set(key, { ns, name });
    if (this.names.size > MAX_SERIES) this.names.delete(this.names.keys().next().value!);
    return ev;
  }

  /** Forgets series whose Event is gone (expired, or deleted with its namespace). */
  forgetGone(): void {
    for (const [k, { ns, name }] of this.names) if (!this.store.tryGet('events', ns, name)) this.names.delete(k);
  }
}
