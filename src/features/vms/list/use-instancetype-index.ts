import { useMemo } from 'react';
import { VirtualMachineClusterInstancetypeModel, VirtualMachineInstancetypeModel } from '../../../k8s/models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { instancetypeIndex, type InstancetypeIndex } from './vm-sizing';

const EMPTY: InstancetypeIndex = new Map();

/**
 * The cluster's and the namespace's (or every namespace's) instance types, watched only while a
 * sizing column is shown: two lists for the whole table, whatever its length. A list the user may
 * not read leaves those VMs' sizes unknown (their VMIs still tell the running ones').
 */
export function useInstancetypeIndex(namespace: string | undefined, enabled: boolean): InstancetypeIndex {
  const cluster = useK8sList(VirtualMachineClusterInstancetypeModel, { enabled });
  const namespaced = useK8sList(VirtualMachineInstancetypeModel, { namespace, enabled });
  return useMemo(
    () => (enabled ? instancetypeIndex(cluster.data, namespaced.data) : EMPTY),
    [enabled, cluster.data, namespaced.data],
  );
}
