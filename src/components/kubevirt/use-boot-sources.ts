import { useMemo } from 'react';
import {
  DataImportCronModel,
  DataSourceModel,
  DataVolumeModel,
  PersistentVolumeClaimModel,
  type K8sModel,
} from '../../k8s/models';
import type { K8sResource } from '../../k8s/types';
import { useK8sList } from '../../k8s/watch/use-k8s-list';
import { BOOT_SOURCE_NAMESPACES, volumeRows, type VolumeRow } from '../../kubevirt/boot-sources';

export interface BootSources {
  /** undefined while the first lists load. */
  rows: VolumeRow[] | undefined;
  /** The error of the user's own namespace (or of the cluster-wide list); the boot-source namespaces' are ignored. */
  error: Error | null;
}

/** One namespace's (or, with undefined, every namespace's) list, joined with the others'. */
function useSlot<T extends K8sResource>(model: K8sModel<T>, namespaces: readonly (string | undefined | null)[]) {
  // A fixed number of hooks: a null slot is off.
  const a = useK8sList(model, { namespace: namespaces[0] ?? undefined, enabled: namespaces[0] !== null });
  const b = useK8sList(model, { namespace: namespaces[1] ?? undefined, enabled: namespaces[1] !== null });
  const c = useK8sList(model, { namespace: namespaces[2] ?? undefined, enabled: namespaces[2] !== null });
  return useMemo(() => {
    const parts = [a, b, c].filter((_, i) => namespaces[i] !== null);
    const loading = parts.some((p, i) => !p.data && !(i > 0 && p.error));
    return {
      data: loading ? undefined : parts.flatMap((p) => p.data ?? []),
      error: a.error,
    };
  }, [a, b, c, namespaces]);
}

/**
 * The DataSources a user can boot from: those of `namespace` (every namespace when undefined)
 * and of the cluster's boot-source namespaces, with the DataImportCrons, DataVolumes and PVCs
 * behind them, as rows. A boot-source namespace the user may not read is left out quietly.
 */
export function useBootSources(namespace: string | undefined): BootSources {
  // undefined: every namespace; null: a slot not used.
  const namespaces = useMemo<(string | undefined | null)[]>(() => {
    if (!namespace) return [undefined, null, null];
    return [namespace, ...BOOT_SOURCE_NAMESPACES.map((ns) => (ns === namespace ? null : ns))];
  }, [namespace]);
  const dataSources = useSlot(DataSourceModel, namespaces);
  const crons = useSlot(DataImportCronModel, namespaces);
  const dataVolumes = useSlot(DataVolumeModel, namespaces);
  const pvcs = useSlot(PersistentVolumeClaimModel, namespaces);
  return useMemo(() => {
    if (!dataSources.data) return { rows: undefined, error: dataSources.error };
    return {
      rows: volumeRows({
        dataSources: dataSources.data,
        crons: crons.data ?? [],
        dataVolumes: dataVolumes.data ?? [],
        pvcs: pvcs.data ?? [],
      }),
      error: dataSources.error,
    };
  }, [dataSources, crons, dataVolumes, pvcs]);
}
