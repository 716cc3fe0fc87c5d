import { useMemo, useState } from 'react';
import { nameOf, namespaceOf, objectKeyOf } from '../../k8s/meta';
import {
  NamespaceModel,
  ServiceModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
  type K8sModel,
} from '../../k8s/models';
import type { K8sResource } from '../../k8s/types';
import { useK8sList } from '../../k8s/watch/use-k8s-list';
import {
  prepareTargets,
  targetKey,
  type PaletteKind,
  type PaletteTarget,
  type PreparedTargets,
} from '../../lib/palette-match';
import type { VM } from '../../kubevirt/vm-selectors';
import type { VMI } from '../../kubevirt/vmi-selectors';

/**
 * A kind's objects from the watch cache: every namespace's (shared with the list pages that watch
 * them all), or, for a user who may not list them all, the current namespace's.
 */
function useObjects<T extends K8sResource>(model: K8sModel<T>, namespace: string | undefined, enabled: boolean) {
  const all = useK8sList(model, { enabled, partial: true });
  const scoped = useK8sList(model, {
    namespace,
    enabled: enabled && model.namespaced && Boolean(all.error) && namespace !== undefined,
    partial: true,
  });
  const data = all.data ?? scoped.data;
  return { data, isLoading: !data && (all.isLoading || scoped.isLoading), error: data ? null : all.error };
}

/** The same array as before while the keys are the same, in the same order: the matcher's snapshot is kept. */
function useStableTargets(targets: PaletteTarget[]): PaletteTarget[] {
  const [stable, setStable] = useState(targets);
  const same = useMemo(
    () =>
      stable === targets ||
      (stable.length === targets.length && stable.every((t, i) => targetKey(t) === targetKey(targets[i]))),
    [stable, targets],
  );
  if (!same) setStable(targets);
  return same ? stable : targets;
}

const toTargets = (kind: PaletteKind, items: readonly K8sResource[] | undefined): PaletteTarget[] =>
  (items ?? []).map((o) =>
    kind === 'namespace' ? { kind, name: nameOf(o) } : { kind, name: nameOf(o), namespace: namespaceOf(o) },
  );

export interface PaletteData {
  prepared: PreparedTargets<PaletteTarget>;
  /** The live VMs and VMIs by "namespace/name" (the VM actions read them). */
  vms: ReadonlyMap<string, VM>;
  vmis: ReadonlyMap<string, VMI>;
  isLoading: boolean;
  /** The first list that failed, if any (the others still show). */
  error: Error | null;
}

/**
 * What the palette searches: VMs, VMIs, Services and namespaces, all from the lists the app keeps
 * live (list then watch, one per kind): nothing is fetched per keystroke. Re-prepared only when a
 * name comes or goes, not on every status change.
 */
export function usePaletteTargets(enabled: boolean, namespace: string | undefined): PaletteData {
  const vms = useObjects(VirtualMachineModel, namespace, enabled);
  const vmis = useObjects(VirtualMachineInstanceModel, namespace, enabled);
  const services = useObjects(ServiceModel, namespace, enabled);
  const namespaces = useObjects(NamespaceModel, undefined, enabled);

  const targets = useStableTargets(
    useMemo(
      () => [
        ...toTargets('vm', vms.data),
        ...toTargets('vmi', vmis.data),
        ...toTargets('service', services.data),
        ...toTargets('namespace', namespaces.data),
      ],
      [vms.data, vmis.data, services.data, namespaces.data],
    ),
  );
  const prepared = useMemo(() => prepareTargets(targets), [targets]);
  const vmIndex = useMemo(() => new Map((vms.data ?? []).map((o) => [objectKeyOf(o), o as VM])), [vms.data]);
  const vmiIndex = useMemo(() => new Map((vmis.data ?? []).map((o) => [objectKeyOf(o), o as VMI])), [vmis.data]);
  const all = [vms, vmis, services, namespaces];
  return {
    prepared,
    vms: vmIndex,
    vmis: vmiIndex,
    isLoading: all.some((r) => r.isLoading),
    error: all.find((r) => r.error)?.error ?? null,
  };
}
