/**
 * What a chosen bootable volume implies, as SSP's boot sources and the OpenShift console have it:
 * the DataSource's `instancetype.kubevirt.io/default-preference` label is the VM's preference and
 * its `default-instancetype` label preselects the size (both cluster-wide kinds, as the labels
 * name them).
 */
import type { VolumeRow } from '../../../kubevirt/boot-sources';
import { CLUSTER_INSTANCETYPE_KIND } from './instancetype-catalog';
import type { CreateVmForm } from './form-state';

export const NAMESPACED_PREFERENCE_KIND = 'VirtualMachinePreference';
export const CLUSTER_PREFERENCE_KIND = 'VirtualMachineClusterPreference';

/** The form update for choosing volume `key` (its row, when known): the clone takes the volume's own size. */
export function bootVolumePatch(
  key: string,
  row: Pick<VolumeRow, 'os' | 'instancetype'> | undefined,
): Partial<CreateVmForm> {
  const patch: Partial<CreateVmForm> = { dataSource: key, diskSize: '' };
  if (row?.os) patch.preference = row.os;
  if (row?.instancetype) patch.instancetype = `${CLUSTER_INSTANCETYPE_KIND}/${row.instancetype}`;
  return patch;
}

/**
 * The form's preference value → the VM's matcher: a plain name is a cluster preference,
 * "VirtualMachinePreference/<name>" the namespace's; undefined for none.
 */
export function preferenceMatcher(value: string): { kind: string; name: string } | undefined {
  if (!value) return undefined;
  const prefix = `${NAMESPACED_PREFERENCE_KIND}/`;
  if (value.startsWith(prefix)) return { kind: NAMESPACED_PREFERENCE_KIND, name: value.slice(prefix.length) };
  return { kind: CLUSTER_PREFERENCE_KIND, name: value };
}
