/**
 * The ControllerRevisions KubeVirt stores for a VM's instance type and preference
 * (pkg/instancetype/revision/store.go and patch.go): one apps/v1 ControllerRevision per referenced
 * object, named `<vm>-<object>-<version>-<uid>-<generation>`, owned by the VM, labelled
 * instancetype.kubevirt.io/object-{name,kind,uid,generation,version}, holding the object without
 * its labels, annotations, finalizers, owners and managedFields; the VM's status.instancetypeRef /
 * preferenceRef then name it (controllerRevisionRef). The VMI is built from the stored revision,
 * so a later change to the instance type does not change the VM.
 */
import { ResourceKey, type ClusterClient, type KObject } from '../runtime/client.js';
import type { VM } from './types.js';

export const CONTROLLER_REVISIONS = 'controllerrevisions.apps';
const VERSION = 'v1beta1';

interface Matcher {
  kind?: string;
  name?: string;
}
export interface StatusRef {
  name?: string;
  kind?: string;
  controllerRevisionRef?: { name?: string };
}

export const INSTANCETYPE_KINDS = {
  namespaced: ['VirtualMachineInstancetype', ResourceKey.instancetypes],
  cluster: ['VirtualMachineClusterInstancetype', ResourceKey.clusterInstancetypes],
} as const;
export const PREFERENCE_KINDS = {
  namespaced: ['VirtualMachinePreference', ResourceKey.preferences],
  cluster: ['VirtualMachineClusterPreference', ResourceKey.clusterPreferences],
} as const;

type Kinds = typeof INSTANCETYPE_KINDS | typeof PREFERENCE_KINDS;

/** KubeVirt accepts the kind in any case, singular or plural (pkg/instancetype/find). */
export function resolveKind(matcher: Matcher, kinds: Kinds): { kind: string; res: string; namespaced: boolean } {
  const k = (matcher.kind ?? '').toLowerCase();
  const ns = kinds.namespaced[0].toLowerCase();
  if (k === ns || k === `${ns}s`) return { kind: kinds.namespaced[0], res: kinds.namespaced[1], namespaced: true };
  return { kind: kinds.cluster[0], res: kinds.cluster[1], namespaced: false };
}

export function revisionName(vm: VM, obj: KObject): string {
  return `${vm.metadata.name}-${obj.metadata.name}-${VERSION}-${obj.metadata.uid}-${obj.metadata.generation ?? 1}`;
}

function revisionOf(vm: VM, obj: KObject): KObject {
  const { labels: _l, annotations: _a, finalizers: _f, ownerReferences: _o, managedFields: _m, ...meta } = obj.metadata;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: revisionName(vm, obj),
      namespace: vm.metadata.namespace,
      ownerReferences: [
        {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          name: vm.metadata.name ?? '',
          uid: vm.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      labels: {
        'instancetype.kubevirt.io/object-generation': String(obj.metadata.generation ?? 1),
        'instancetype.kubevirt.io/object-kind': obj.kind,
        'instancetype.kubevirt.io/object-name': obj.metadata.name ?? '',
        'instancetype.kubevirt.io/object-uid': obj.metadata.uid ?? '',
        'instancetype.kubevirt.io/object-version': VERSION,
      },
    },
    data: { apiVersion: `instancetype.kubevirt.io/${VERSION}`, kind: obj.kind, metadata: meta, spec: obj.spec ?? {} },
    revision: 0,
  } as KObject;
}

/** Stores the revision of one matcher when the VM has none yet; returns the status ref to record. */
function storeOne(
  client: ClusterClient,
  vm: VM,
  matcher: Matcher | undefined,
  ref: StatusRef | undefined,
  kinds: Kinds,
) {
  if (!matcher?.name || (ref?.controllerRevisionRef?.name && ref.name === matcher.name)) return undefined;
  const { kind, res, namespaced } = resolveKind(matcher, kinds);
  const obj = client.tryGet(res, namespaced ? vm.metadata.namespace : undefined, matcher.name);
  if (!obj) return undefined;
  const rev = revisionOf(vm, obj);
  if (!client.tryGet(CONTROLLER_REVISIONS, vm.metadata.namespace, rev.metadata.name ?? ''))
    client.create(CONTROLLER_REVISIONS, rev);
  return { name: matcher.name, kind, controllerRevisionRef: { name: rev.metadata.name } };
}

/** revision.Store: the revisions, then one status write naming them; true when it wrote. */
export function storeRevisions(client: ClusterClient, vm: VM): boolean {
  const spec = (vm.spec ?? {}) as { instancetype?: Matcher; preference?: Matcher };
  const status = (vm.status ?? {}) as { instancetypeRef?: StatusRef; preferenceRef?: StatusRef };
  const it = storeOne(client, vm, spec.instancetype, status.instancetypeRef, INSTANCETYPE_KINDS);
  const pref = storeOne(client, vm, spec.preference, status.preferenceRef, PREFERENCE_KINDS);
  if (!it && !pref) return false;
  client.mutate(
    ResourceKey.vms,
    vm.metadata.namespace,
    vm.metadata.name ?? '',
    (o) => {
      const s = { ...((o.status ?? {}) as Record<string, unknown>) };
      if (it) s.instancetypeRef = it;
      if (pref) s.preferenceRef = pref;
      o.status = s;
    },
    { subresource: 'status' },
  );
  return true;
}

/** The spec stored in the revision a status ref names, if there is one. */
export function revisionSpec(
  client: ClusterClient,
  vm: VM,
  matcher: Matcher | undefined,
  ref: StatusRef | undefined,
): Record<string, unknown> | undefined {
  const name = ref?.controllerRevisionRef?.name;
  if (!name || ref?.name !== matcher?.name) return undefined;
  const rev = client.tryGet(CONTROLLER_REVISIONS, vm.metadata.namespace, name);
  return (rev?.data as { spec?: Record<string, unknown> } | undefined)?.spec;
}
