/**
 * What kube-controller-manager's namespace controller does: a terminating namespace is emptied
 * (every namespaced object deleted) and, once nothing is left, finalized and removed.
 * It follows the store's commits, so it runs in process only.
 */
import { RESOURCES, resourceKey, type Commit, type Store } from '../../store/index.js';
import { CommitFollower } from '../../runtime/commit-follower.js';
import type { ClusterLog } from '../../log.js';

/** The store's verbs the namespace controller uses, with its commit hook and the /finalize step. */
export type NamespaceControllerStore = Pick<Store, 'onCommit' | 'tryGet' | 'list' | 'delete' | 'finalizeNamespace'>;

const NAMESPACE_CONTROLLER_USER = 'system:serviceaccount:kube-system:namespace-controller';

export class NamespaceController extends CommitFollower {
  constructor(
    private readonly store: NamespaceControllerStore,
    log: ClusterLog,
  ) {
    super(store, 'namespace controller', log);
  }

  /** A deleted object may be a terminating namespace's last; a namespace marked for deletion starts emptying. */
  protected onCommit(c: Commit): void {
    const m = c.obj.metadata;
    if (c.type === 'DELETED') {
      if (m.namespace) this.work.later(`ns:${m.namespace}`, () => this.finishNamespace(m.namespace!));
      return;
    }
    if (m.deletionTimestamp && c.res === 'namespaces')
      this.work.later(`ns:${m.name}`, () => this.finishNamespace(m.name ?? ''));
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
            user: NAMESPACE_CONTROLLER_USER,
          });
        }
      }
    }
    if (remaining === 0) this.store.finalizeNamespace(ns);
  }
}
