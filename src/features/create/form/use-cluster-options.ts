import { useMemo } from 'react';
import {
  NamespaceModel,
  NetworkAttachmentDefinitionModel,
  PersistentVolumeClaimModel,
  StorageClassModel,
  VirtualMachineClusterInstancetypeModel,
  VirtualMachineClusterPreferenceModel,
  VirtualMachineInstanceModel,
  VirtualMachineInstancetypeModel,
  VirtualMachineModel,
} from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { type K8sResource } from '../../../k8s/types';
import type { WorkloadKind } from '../model/form-state';
import { nameOf } from '../../../k8s/meta';
import { useBootSources } from '../../../components/kubevirt/use-boot-sources';

export interface OptionList {
  /** Names, sorted; undefined while loading. */
  names: string[] | undefined;
  error: Error | null;
}

const names = (items: K8sResource[] | undefined): string[] | undefined =>
  items
    ?.map((o) => nameOf(o))
    .filter(Boolean)
    .sort();

function useNames(list: { data: K8sResource[] | undefined; error: Error | null }): OptionList {
  const { data, error } = list;
  return useMemo(() => ({ names: names(data), error }), [data, error]);
}

export interface InstancetypeOption {
  /** "<kind>/<name>", the form's value. */
  value: string;
  label: string;
}

/** Live lists the form chooses from: namespaces, storage, PVCs, instance types, preferences, networks. */
export function useClusterOptions(namespace: string, kind: WorkloadKind) {
  const namespaces = useNames(useK8sList(NamespaceModel));
  const storageClasses = useNames(useK8sList(StorageClassModel));
  const pvcs = useNames(useK8sList(PersistentVolumeClaimModel, { namespace, enabled: Boolean(namespace) }));
  const preferences = useNames(useK8sList(VirtualMachineClusterPreferenceModel));
  const nads = useNames(useK8sList(NetworkAttachmentDefinitionModel, { namespace, enabled: Boolean(namespace) }));
  const clusterTypes = useK8sList(VirtualMachineClusterInstancetypeModel);
  const nsTypes = useK8sList(VirtualMachineInstancetypeModel, { namespace, enabled: Boolean(namespace) });
  const vms = useK8sList(VirtualMachineModel, { namespace, enabled: Boolean(namespace) && kind === 'VirtualMachine' });
  const vmis = useK8sList(VirtualMachineInstanceModel, {
    namespace,
    enabled: Boolean(namespace) && kind === 'VirtualMachineInstance',
  });
  const existing = kind === 'VirtualMachine' ? vms.data : vmis.data;
  const bootVolumes = useBootSources(namespace || undefined);

  const instancetypes = useMemo<InstancetypeOption[]>(() => {
    const out: InstancetypeOption[] = [];
    for (const n of names(nsTypes.data) ?? []) {
      out.push({ value: `${VirtualMachineInstancetypeModel.kind}/${n}`, label: `${n} (namespace ${namespace})` });
    }
    for (const n of names(clusterTypes.data) ?? []) {
      out.push({ value: `${VirtualMachineClusterInstancetypeModel.kind}/${n}`, label: n });
    }
    return out;
  }, [clusterTypes.data, nsTypes.data, namespace]);

  const existingNames = useMemo(() => names(existing), [existing]);
  return { namespaces, storageClasses, pvcs, preferences, nads, instancetypes, existingNames, bootVolumes };
}

export type ClusterOptions = ReturnType<typeof useClusterOptions>;
