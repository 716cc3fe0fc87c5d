import { useMemo } from 'react';
import {
  DataVolumeModel,
  EventModel,
  PersistentVolumeClaimModel,
  PodModel,
  VirtualMachineInstanceModel,
} from '../../../k8s/models';
import { useK8sGet } from '../../../k8s/watch/use-k8s-get';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import type { VM } from '../../../kubevirt/vm-selectors';
import { dataVolumeNames } from './disk-rows';
import { eventsOfKindSelector, mergeEventsNewestFirst, type CoreEvent } from '../../../kubevirt/event-sources';
import { isLauncherPodOf, launcherPodSelector } from '../../../kubevirt/launcher-pod';
import { nameOf } from '../../../k8s/meta';

/** The VM's VMI (same name); undefined while the VM is not running. */
export function useVmi(namespace: string, name: string) {
  const { data } = useK8sGet(VirtualMachineInstanceModel, name, namespace);
  return data;
}

/** The VM's virt-launcher pods (two during a migration). */
export function useLauncherPods(namespace: string, name: string) {
  return useK8sList(PodModel, { namespace, labelSelector: launcherPodSelector(name) });
}

/** The DataVolumes the VM uses, live, with the namespace's claims for sizes. */
export function useVmStorage(namespace: string, vm: VM | undefined) {
  const dvs = useK8sList(DataVolumeModel, { namespace });
  const pvcs = useK8sList(PersistentVolumeClaimModel, { namespace });
  const names = useMemo(() => new Set(dataVolumeNames(vm)), [vm]);
  const dataVolumes = useMemo(() => dvs.data?.filter((d) => names.has(nameOf(d))), [dvs.data, names]);
  return { dataVolumes, pvcs: pvcs.data, error: dvs.error ?? pvcs.error, isLoading: dvs.isLoading };
}

export interface VmEvents {
  events: CoreEvent[] | undefined;
  error: Error | null;
}

/**
 * Events about the VM, its VMI, its launcher pods (past and present) and its DataVolumes: one
 * watch per kind of source (field selectors on involvedObject), merged newest first.
 */
export function useVmEvents(namespace: string, vm: VM | undefined, name: string): VmEvents {
  const vmEvents = useK8sList(EventModel, { namespace, fieldSelector: eventsOfKindSelector('VirtualMachine', name) });
  const vmiEvents = useK8sList(EventModel, {
    namespace,
    fieldSelector: eventsOfKindSelector('VirtualMachineInstance', name),
  });
  const podEvents = useK8sList(EventModel, { namespace, fieldSelector: eventsOfKindSelector('Pod') });
  const dvEvents = useK8sList(EventModel, { namespace, fieldSelector: eventsOfKindSelector('DataVolume') });
  const dvNames = useMemo(() => new Set(dataVolumeNames(vm)), [vm]);
  const events = useMemo(() => {
    if (!vmEvents.data || !vmiEvents.data) return undefined;
    const pods = podEvents.data?.filter((e) => isLauncherPodOf(e.involvedObject?.name, name));
    const dvs = dvEvents.data?.filter((e) => dvNames.has(e.involvedObject?.name ?? ''));
    return mergeEventsNewestFirst([vmEvents.data, vmiEvents.data, pods, dvs]);
  }, [vmEvents.data, vmiEvents.data, podEvents.data, dvEvents.data, dvNames, name]);
  const error = vmEvents.error ?? vmiEvents.error ?? podEvents.error ?? dvEvents.error;
  return { events, error };
}
