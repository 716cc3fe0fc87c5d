/**
 * The embedded store as a `ClusterClient`: the same calls, typed by resource key. The store holds
 * for each resource what admission and validation accepted for it, so its objects are that
 * resource's type: this is the one place where a stored object becomes a typed one.
 */
import { errors, type Store } from '../store/index.js';
import type { KObject } from '../store/types.js';
import type { ClusterClient, ObjectOf } from './client.js';

function typed<K extends string>(obj: KObject): ObjectOf<K>;
function typed<K extends string>(obj: KObject | undefined): ObjectOf<K> | undefined;
function typed<K extends string>(obj: KObject | undefined): ObjectOf<K> | undefined {
  return obj as ObjectOf<K> | undefined;
}

export function storeClient(store: Store): ClusterClient {
  return {
    tryGet: (res, ns, name) => typed(store.tryGet(res, ns, name)),
    list: (res, opts) => {
      const out = store.list(res, opts ?? {});
      return { items: out.items.map((o) => typed(o)), resourceVersion: out.resourceVersion };
    },
    create: (res, obj, opts) => typed(store.create(res, obj, opts)),
    update: (res, obj, opts) => typed(store.update(res, obj, opts)),
    updateStatus: (res, obj, opts) => typed(store.updateStatus(res, obj, opts)),
    patch: (res, ns, name, type, body, opts) => typed(store.patch(res, ns, name, type, body, opts)),
    delete: (res, ns, name, opts) => {
      const out = store.delete(res, ns, name, opts);
      return { object: typed(out.object), deleted: out.deleted };
    },
    watch: (res, opts, cb) => store.watch(res, opts, (ev) => cb({ type: ev.type, object: typed(ev.object) })),
    mutate: (res, ns, name, fn, opts) => typed(store.mutate(res, ns, name, (o) => fn(typed(o)), opts)),
    bind: (ns, name, node, opts) => {
      // the checks of kube-apiserver's binding registry (pkg/registry/core/pod/storage: assignPod)
      store.mutate(
        'pods',
        ns,
        name,
        (pod) => {
          const spec = (pod.spec ?? {}) as { nodeName?: string };
          const refuse = (why: string) => errors.conflict('', 'pods/binding', name, why);
          if (opts?.uid && pod.metadata.uid !== opts.uid)
            throw refuse(
              `Precondition failed: UID in precondition: ${opts.uid}, UID in object meta: ${pod.metadata.uid}`,
            );
          if (pod.metadata.deletionTimestamp)
            throw refuse(`pod ${name} is being deleted, cannot be assigned to a host`);
          if (spec.nodeName) throw refuse(`pod ${name} is already assigned to node "${spec.nodeName}"`);
          pod.spec = { ...spec, nodeName: node };
        },
        { user: opts?.user, fieldManager: opts?.fieldManager },
      );
    },
  };
}
