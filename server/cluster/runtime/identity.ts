/**
 * Who the in-process controllers are when they write: the service accounts and users the real
 * components run as, so admission sees a KubeVirt write as KubeVirt's (and refuses users).
 */
import type { ClusterClient, DeleteOptions, WriteOpts } from './client.js';

export const IDENTITY = {
  /** virt-controller (VM, VMI, migration controllers). */
  kubevirtController: 'system:serviceaccount:kubevirt:kubevirt-controller',
  /** virt-handler (the node agent: VMI phases, guest state, pause, migration on the node). */
  kubevirtHandler: 'system:serviceaccount:kubevirt:kubevirt-handler',
  /** virt-api (subresources: start/stop/restart/migrate). */
  kubevirtApi: 'system:serviceaccount:kubevirt:kubevirt-apiserver',
  /** virt-operator (the KubeVirt CR). */
  kubevirtOperator: 'system:serviceaccount:kubevirt:kubevirt-operator',
  /** CDI's controller (DataVolumes, importer pods, PVCs). */
  cdi: 'system:serviceaccount:cdi:cdi-sa',
  kubeScheduler: 'system:kube-scheduler',
  /** kube-controller-manager's controllers, each with its own service account. */
  pvBinder: 'system:serviceaccount:kube-system:persistent-volume-binder',
  endpointController: 'system:serviceaccount:kube-system:endpoint-controller',
  serviceAccountController: 'system:serviceaccount:kube-system:service-account-controller',
  /** The CSI external-snapshotter's snapshot controller (VolumeSnapshots and their contents). */
  snapshotController: 'system:serviceaccount:kube-system:snapshot-controller',
  /** OpenShift's router, which admits Routes. */
  router: 'system:serviceaccount:openshift-ingress:router',
} as const;

/** The kubelet of a node. */
export const kubeletIdentity = (node: string | undefined): string => `system:node:${node ?? ''}`;

/** A client whose writes are made as `user` (reads and watches are the same). */
export function clientAs(base: ClusterClient, user: string): ClusterClient {
  const w = <T extends WriteOpts | DeleteOptions>(o: T | undefined): T => ({ ...(o as T), user });
  return {
    tryGet: (res, ns, name) => base.tryGet(res, ns, name),
    list: (res, opts) => base.list(res, opts),
    watch: (res, opts, cb) => base.watch(res, opts, cb),
    create: (res, obj, opts) => base.create(res, obj, w(opts)),
    update: (res, obj, opts) => base.update(res, obj, w(opts)),
    updateStatus: (res, obj, opts) => base.updateStatus(res, obj, w(opts)),
    mutate: (res, ns, name, fn, opts) => base.mutate(res, ns, name, fn, w(opts)),
    patch: (res, ns, name, type, body, opts) => base.patch(res, ns, name, type, body, w(opts)),
    delete: (res, ns, name, opts) => base.delete(res, ns, name, w(opts)),
    bind: (ns, name, node, opts) => base.bind(ns, name, node, w(opts)),
  };
}
