/**
 * What kube-controller-manager's garbage collector does: dependents of deleted owners are deleted
 * (Background / Foreground) or orphaned (Orphan), and dangling owner references are dropped.
 * It follows the store's commits (and uses its owner index), so it runs in process only.
 */
import type { Commit, KObject, Store } from '../../store/index.js';
import { CommitFollower } from '../../runtime/commit-follower.js';
import type { ClusterLog } from '../../log.js';

/** The store's verbs the garbage collector uses, with its commit hook and uid/owner indexes. */
export type GarbageCollectorStore = Pick<
  Store,
  'onCommit' | 'getByUid' | 'dependentsOf' | 'tryGet' | 'mutate' | 'delete'
>;

const GC_USER = 'system:serviceaccount:kube-system:generic-garbage-collector';

export class GarbageCollector extends CommitFollower {
  constructor(
    private readonly store: GarbageCollectorStore,
    log: ClusterLog,
  ) {
    super(store, 'garbage collector', log);
  }

  /** Reacts to a committed change (called synchronously by the store; work runs later). */
  protected onCommit(c: Commit): void {
    const m = c.obj.metadata;
    if (c.type === 'DELETED') {
      this.work.later(`owner:${m.uid}`, () => this.collectDependents(m.uid ?? '', false));
      for (const ref of m.ownerReferences ?? []) {
        const owner = this.store.getByUid(ref.uid);
        if (owner?.obj.metadata.finalizers?.includes('foregroundDeletion'))
          this.work.later(`fg:${ref.uid}`, () => this.foreground(owner.res, owner.obj));
      }
      return;
    }
    if (c.type === 'ADDED' && m.ownerReferences?.length)
      this.work.later(`dangling:${m.uid}`, () => this.checkDangling(c.res, c.obj));
    if (m.deletionTimestamp) {
      if (m.finalizers?.includes('orphan')) this.work.later(`orphan:${m.uid}`, () => this.orphan(c.res, c.obj));
      if (m.finalizers?.includes('foregroundDeletion'))
        this.work.later(`fg:${m.uid}`, () => this.foreground(c.res, c.obj));
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
          user: GC_USER,
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
}
