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
  VirtualMachinePreferenceModel,
} from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { type K8sResource } from '../../../k8s/types';
import type { WorkloadKind } from '../model/form-state';
import { NAMESPACED_PREFERENCE_KIND } from '../model/inference';
import { catalogState, type CatalogState, type InstancetypeObject } from '../model/instancetype-catalog';
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

export interface PreferenceOption {
  /** The form's value: a cluster preference's name, or "VirtualMachinePreference/<name>". */
  value: string;
  /** "fedora (Fedora)": the name and its display name. */
  label: string;
}

const DISPLAY_NAME = 'openshift.io/display-name';

function preferenceOptions(items: K8sResource[] | undefined, prefix: string): PreferenceOption[] {
  return (items ?? [])
    .map((o) => {
      const name = nameOf(o);
      const display = o.metadata?.annotations?.[DISPLAY_NAME];
      return { value: `${prefix}${name}`, label: display ? `${name} (${display})` : name };
    })
    .sort((a, b) => a.value.localeCompare(b.value));
}

/** Live lists the form chooses from: namespaces, storage, PVCs, instance types, preferences, networks. */
export function useClusterOptions(namespace: string, kind: WorkloadKind) {
  const namespaces = useNames(useK8sList(NamespaceModel));
  const storageClasses = useNames(useK8sList(StorageClassModel));
  const pvcs = useNames(useK8sList(PersistentVolumeClaimModel, { namespace, enabled: Boolean(namespace) }));
  const clusterPrefs = useK8sList(VirtualMachineClusterPreferenceModel);
  const preferences = useNames(clusterPrefs);
  const nsPrefs = useK8sList(VirtualMachinePreferenceModel, { namespace, enabled: Boolean(namespace) });
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

  const catalog = useMemo<CatalogState>(
    () =>
      catalogState(
        { data: clusterTypes.data as InstancetypeObject[] | undefined, error: clusterTypes.error },
        { data: nsTypes.data as InstancetypeObject[] | undefined, error: nsTypes.error },
        namespace,
      ),
    [clusterTypes.data, clusterTypes.error, nsTypes.data, nsTypes.error, namespace],
  );

  const preferenceChoices = useMemo(
    () => ({
      cluster: preferenceOptions(clusterPrefs.data, ''),
      namespaced: preferenceOptions(nsPrefs.data, `${NAMESPACED_PREFERENCE_KIND}/`),
      error: clusterPrefs.error,
    }),
    [clusterPrefs.data, clusterPrefs.error, nsPrefs.data],
  );

  const existingNames = useMemo(() => names(existing), [existing]);
  return {
    namespaces,
    storageClasses,
    pvcs,
    preferences,
    preferenceChoices,
    nads,
    catalog,
    existingNames,
    bootVolumes,
  };
}

export type ClusterOptions = ReturnType<typeof useClusterOptions>;
