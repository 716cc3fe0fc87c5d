/**
 * The feature gates a KubeVirt CR enables (spec.configuration.developerConfiguration.featureGates)
 * or disables (disabledFeatureGates, newer KubeVirt), with what each one turns on.
 */
import type { V1KubeVirt } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { developerConfiguration } from '../../../lib/kubevirt-config';

export interface FeatureGateRow {
  name: string;
  enabled: boolean;
  description?: string;
}

/** What the common gates do (KubeVirt's pkg/virt-config/featuregate). */
export const FEATURE_GATE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  AutoResourceLimitsGate: 'Sets CPU and memory limits on virt-launcher pods in namespaces with resource quotas',
  CPUManager: 'Dedicated CPU placement (dedicatedCpuPlacement)',
  DataVolumes: 'DataVolume disks (always on in current releases)',
  DisableMDEVConfiguration: 'Leaves mediated devices to the administrator instead of KubeVirt',
  DownwardMetrics: 'Host and guest metrics exposed to the guest',
  ExpandDisks: 'Disks grow when their PersistentVolumeClaim is expanded',
  GPU: 'GPU passthrough',
  HostDevices: 'PCI and mediated host device passthrough',
  HotplugNICs: 'Network interfaces added to and removed from running VMs',
  HotplugVolumes: 'Volumes added to and removed from running VMs',
  KubevirtSeccompProfile: 'A seccomp profile for virt-launcher',
  LiveMigration: 'Live migration (always on in current releases)',
  NetworkBindingPlugins: 'Network binding plug-ins for interfaces',
  PersistentReservation: 'SCSI persistent reservations on LUN disks',
  Root: 'virt-launcher runs as root',
  Sidecar: 'Hook sidecars in virt-launcher pods',
  Snapshot: 'VirtualMachineSnapshot and VirtualMachineRestore',
  VMExport: 'VirtualMachineExport of disks and VMs',
  VMLiveUpdateFeatures: 'CPU, memory and affinity changes applied to running VMs',
  VMPersistentState: 'Persistent TPM and EFI state',
  WorkloadEncryptionSEV: 'AMD SEV memory encryption',
};

const names = (list: unknown): string[] =>
  Array.isArray(list)
    ? list
        .filter((g): g is string => typeof g === 'string')
        .map((g) => g.trim())
        .filter(Boolean)
    : [];

/**
 * One row per gate the CR names, sorted; a gate listed in both lists counts as disabled (the
 * disabled list wins in KubeVirt). Duplicates and blanks are dropped.
 */
export function featureGateRows(kv: V1KubeVirt | undefined): FeatureGateRow[] {
  const dev = developerConfiguration(kv);
  const disabled = new Set(names(dev?.disabledFeatureGates));
  const all = new Set([...names(dev?.featureGates), ...disabled]);
  return [...all]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, enabled: !disabled.has(name), description: FEATURE_GATE_DESCRIPTIONS[name] }));
}
