/**
 * The embedded cluster's store: see server/cluster/README.md for the API.
 */
import type { AdmissionRequest } from './hooks.js';
import type { ResourceInfo } from './resources.js';
import { ServiceRegistry } from './service-registry.js';
import type { StoreOptions, WriteOptions } from './store.js';
import type { KObject } from './types.js';
import { StoreVerbs } from './verbs.js';

export class Store extends StoreVerbs {
  /** Cluster IPs and node ports of Services, allocated on the write (service-registry.ts). */
  readonly services = new ServiceRegistry();

  constructor(opts: StoreOptions = {}) {
    super(opts);
    for (const svc of this.table('services').objects.values()) this.services.track(undefined, svc);
    this.listeners.push((c) => {
      if (c.res === 'services')
        this.services.track(
          c.prev ?? (c.type === 'DELETED' ? c.obj : undefined),
          c.type === 'DELETED' ? undefined : c.obj,
        );
    });
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      if (!this.tryGet('namespaces', undefined, name))
        this.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
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
}

export function createStore(opts: StoreOptions = {}): Store {
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
export type { PatchType } from './patch/patch.js';
export type { KObject, ObjectMeta, OwnerReference, WatchEvent, WatchEventType, ManagedFieldsEntry } from './types.js';
export type { Commit } from './store.js';
export * from './status.js';
export * from './resources.js';
export type { AdmissionRequest, AdmissionResult, AdmitFn, UserInfo, AuthzAttributes, AuthHooks } from './hooks.js';
export { allowAll, ADMIN } from './hooks.js';
export { parseLabelSelector, matchLabels, labelSelectorFromObject } from './selectors.js';
export { nowRfc3339, clone } from './util.js';
