/**
 * What kube-controller-manager's garbage collector and namespace controller do, run inside the store:
 * dependents of deleted owners are deleted (Background / Foreground) or orphaned (Orphan), dangling
 * references are dropped, and a terminating namespace is emptied and then removed.
 */
import { RESOURCES, resourceKey } from './resources.js';
import { isStatusError } from './status.js';
import type { Commit } from './store.js';
import type { KObject } from './types.js';
import type { StoreVerbs } from './verbs.js';
import { errorFields, type ClusterLog } from '../log.js';

export class GarbageCollector {
  private queued = new Set<string>();
  private timer: NodeJS.Immediate | null = null;
  private work: (() => void)[] = [];

  constructor(
    private readonly store: StoreVerbs,
    private readonly log: ClusterLog,
  ) {}

  /** Reacts to a committed change (called synchronously by the store; work runs later). */
  onCommit(c: Commit): void {
    const m = c.obj.metadata;
    if (c.type === 'DELETED') {
      this.later(`owner:${m.uid}`, () => this.collectDependents(m.uid ?? '', false));
      for (const ref of m.ownerReferences ?? []) {
        const owner = this.store.getByUid(ref.uid);
        if (owner?.obj.metadata.finalizers?.includes('foregroundDeletion'))
          this.later(`fg:${ref.uid}`, () => this.foreground(owner.res, owner.obj));
      }
      if (m.namespace) this.later(`ns:${m.namespace}`, () => this.finishNamespace(m.namespace!));
      return;
    }
    if (c.type === 'ADDED' && m.ownerReferences?.length)
      this.later(`dangling:${m.uid}`, () => this.checkDangling(c.res, c.obj));
    if (m.deletionTimestamp) {
      if (m.finalizers?.includes('orphan')) this.later(`orphan:${m.uid}`, () => this.orphan(c.res, c.obj));
      if (m.finalizers?.includes('foregroundDeletion')) this.later(`fg:${m.uid}`, () => this.foreground(c.res, c.obj));
      if (c.res === 'namespaces') this.later(`ns:${m.name}`, () => this.finishNamespace(m.name ?? ''));
    }
  }

  private later(key: string, fn: () => void): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.work.push(() => {
      this.queued.delete(key);
      fn();
    });
    this.timer ??= setImmediate(() => this.run());
  }

  private run(): void {
    this.timer = null;
    const batch = this.work;
    this.work = [];
    for (const fn of batch) {
      try {
        fn();
      } catch (e) {
        if (!(isStatusError(e) && (e.code === 404 || e.code === 409))) this.log('garbage collector', errorFields(e));
      }
    }
  }

  /** Objects whose ownerReferences name `uid`. */
  private dependents(uid: string): { res: string; obj: KObject }[] {
    return this.store.dependentsOf(uid);
  }

  private ownerExists(uid: string): boolean {
    return this.store.getByUid(uid) !== undefined;
  }

  private collectDependents(uid: string, foreground: boolean): void {
    for (const { res, obj } of this.dependents(uid)) {
      const refs = obj.metadata.ownerReferences ?? [];
      const others = refs.filter((o) => o.uid !== uid && this.ownerExists(o.uid));
      const ref = { res, ns: obj.metadata.namespace, name: obj.metadata.name ?? '' };
      if (others.length) {
        this.store.mutate(res, ref.ns, ref.name, (o) => {
          o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        });
      } else if (!obj.metadata.deletionTimestamp) {
        const blocking = foreground && refs.some((o) => o.uid === uid && o.blockOwnerDeletion);
        this.store.delete(res, ref.ns, ref.name, {
          propagationPolicy: blocking ? 'Foreground' : 'Background',
          user: 'system:serviceaccount:kube-system:generic-garbage-collector',
        });
      }
    }
  }

  private checkDangling(res: string, obj: KObject): void {
    const cur = this.store.tryGet(res, obj.metadata.namespace, obj.metadata.name ?? '');
    if (!cur || cur.metadata.uid !== obj.metadata.uid) return;
    const refs = cur.metadata.ownerReferences ?? [];
    if (!refs.length || refs.some((r) => this.ownerExists(r.uid))) return;
    this.store.delete(res, cur.metadata.namespace, cur.metadata.name ?? '', { propagationPolicy: 'Background' });
  }

  private removeFinalizer(res: string, obj: KObject, finalizer: string): void {
    this.store.mutate(res, obj.metadata.namespace, obj.metadata.name ?? '', (o) => {
      if (o.metadata.uid !== obj.metadata.uid || !o.metadata.finalizers?.includes(finalizer)) return false;
      o.metadata.finalizers = o.metadata.finalizers.filter((f) => f !== finalizer);
    });
  }

  private orphan(res: string, owner: KObject): void {
    const uid = owner.metadata.uid ?? '';
    for (const d of this.dependents(uid)) {
      this.store.mutate(d.res, d.obj.metadata.namespace, d.obj.metadata.name ?? '', (o) => {
        o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (!o.metadata.ownerReferences.length) delete o.metadata.ownerReferences;
      });
    }
    this.removeFinalizer(res, owner, 'orphan');
  }

  private foreground(res: string, owner: KObject): void {
    const uid = owner.metadata.uid ?? '';
    this.collectDependents(uid, true);
    const left = this.dependents(uid).filter((d) => {
      const others = (d.obj.metadata.ownerReferences ?? []).filter((o) => o.uid !== uid && this.ownerExists(o.uid));
      return others.length === 0;
    });
    if (!left.length) this.removeFinalizer(res, owner, 'foregroundDeletion');
  }

  private finishNamespace(ns: string): void {
    const nsObj = this.store.tryGet('namespaces', undefined, ns);
    if (!nsObj?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const r of RESOURCES) {
      if (r.virtual || !r.namespaced) continue;
      const res = resourceKey(r);
      for (const obj of this.store.list(res, { namespace: ns }).items) {
        remaining++;
        if (!obj.metadata.deletionTimestamp) {
          this.store.delete(res, ns, obj.metadata.name ?? '', {
            propagationPolicy: 'Background',
            user: 'system:serviceaccount:kube-system:namespace-controller',
          });
        }
      }
    }
    if (remaining === 0) this.store.finalizeNamespace(ns);
  }
}
