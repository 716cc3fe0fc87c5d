/**
 * The embedded cluster's store: see server/cluster/README.md for the API.
 */
import { EventRecorder, type EventSource } from './events.js';
import { GarbageCollector } from './gc.js';
import type { AdmissionRequest } from './hooks.js';
import type { ResourceInfo } from './resources.js';
import { ServiceRegistry } from './service-registry.js';
import type { StoreOptions, WriteOptions } from './store.js';
import type { KObject } from './types.js';
import { StoreVerbs } from './verbs.js';

export class Store extends StoreVerbs {
  private readonly gc: GarbageCollector;
  private readonly events: EventRecorder;
  private sweeper?: NodeJS.Timeout;
  /** Cluster IPs and node ports of Services, allocated on the write (service-registry.ts). */
  readonly services = new ServiceRegistry();

  constructor(opts: StoreOptions & { eventTtlMs?: number } = {}) {
    super(opts);
    this.gc = new GarbageCollector(this, this.log);
    this.listeners.push((c) => this.gc.onCommit(c));
    for (const svc of this.table('services').objects.values()) this.services.track(undefined, svc);
    this.listeners.push((c) => {
      if (c.res === 'services')
        this.services.track(
          c.prev ?? (c.type === 'DELETED' ? c.obj : undefined),
          c.type === 'DELETED' ? undefined : c.obj,
        );
    });
    this.events = new EventRecorder(this);
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      if (!this.tryGet('namespaces', undefined, name))
        this.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
    const ttl = opts.eventTtlMs ?? 3600_000;
    this.sweeper = setInterval(() => this.events.sweep(ttl), Math.min(60_000, ttl));
    this.sweeper.unref();
  }

  /** Admission, then what the Service registry does on a write (after admission, as in kube-apiserver). */
  protected override runAdmission(
    info: ResourceInfo,
    operation: AdmissionRequest['operation'],
    obj: KObject | undefined,
    old: KObject | undefined,
    opts: WriteOptions & { subresource?: string },
  ): KObject | undefined {
    const admitted = super.runAdmission(info, operation, obj, old, opts);
    if (info.group !== '' || info.plural !== 'services' || opts.subresource || !admitted || operation === 'DELETE')
      return admitted;
    return this.services.prepare(operation, admitted, old);
  }

  /** Creates (or aggregates into) a core/v1 Event about `involvedObject`. */
  recordEvent(
    involvedObject: KObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
  ): KObject {
    return this.events.record(involvedObject, type, reason, message, source);
  }

  override close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    super.close();
  }
}

export function createStore(opts: StoreOptions & { eventTtlMs?: number } = {}): Store {
  return new Store(opts);
}

export type {
  StoreOptions,
  WriteOptions,
  UpdateOptions,
  ListOptions,
  ListResult,
  WatchOptions,
  DeleteOptions,
  DeleteResult,
} from './store.js';
export type { PatchOptions } from './verbs.js';
export type { PatchType } from './patch.js';
export type { KObject, ObjectMeta, OwnerReference, WatchEvent, WatchEventType, ManagedFieldsEntry } from './types.js';
export type { EventSource } from './events.js';
export * from './status.js';
export * from './resources.js';
export type { AdmissionRequest, AdmissionResult, AdmitFn, UserInfo, AuthzAttributes, AuthHooks } from './hooks.js';
export { allowAll, ADMIN } from './hooks.js';
export { parseLabelSelector, matchLabels, labelSelectorFromObject } from './selectors.js';
export { nowRfc3339, clone } from './util.js';
