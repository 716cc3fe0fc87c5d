/**
 * VirtualMachineSnapshots (snapshot.kubevirt.io/v1beta1) as KubeVirt's snapshot controller makes
 * them (pkg/storage/snapshot): which of a VM's volumes a snapshot can include and why not, the
 * manifest to create, and where a snapshot stands. Pure: no React.
 */
import type {
  V1beta1Condition,
  V1beta1VirtualMachineSnapshot,
  V1beta1VirtualMachineSnapshotContent,
  V1Volume,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { apiVersionOf, VirtualMachineSnapshotModel } from '../k8s/models';
import { isBeingDeleted, nameOf, namespaceOf } from '../k8s/meta';
import type { VolumeSnapshot } from '../k8s/types';
import { parseQuantity } from '../lib/quantity';
import type { VM } from './vm-selectors';
import type { VMI } from './vmi-selectors';
import { vmiCondition, vmiIsPaused } from './vmi-selectors';

export type VMSnapshot = V1beta1VirtualMachineSnapshot;
export type VMSnapshotContent = V1beta1VirtualMachineSnapshotContent;

/** One volume of the VM and whether a snapshot takes it. */
export interface SnapshotVolume {
  name: string;
  /** "DataVolume fedora-dv", "containerDisk", ...: what backs the volume. */
  source: string;
  /** undefined: KubeVirt has not said yet (the VM's status has no entry for it). */
  included: boolean | undefined;
  /** KubeVirt's reason when it is left out (status.volumeSnapshotStatuses[].reason). */
  reason?: string;
}

function volumeSource(v: V1Volume): { text: string; claim: boolean } {
  if (v.dataVolume) return { text: `DataVolume ${v.dataVolume.name}`, claim: true };
  if (v.persistentVolumeClaim) return { text: `PVC ${v.persistentVolumeClaim.claimName}`, claim: true };
  if (v.memoryDump) return { text: `Memory dump ${v.memoryDump.claimName}`, claim: true };
  const kind = Object.keys(v).find((k) => k !== 'name');
  return { text: kind ?? 'unknown', claim: false };
}

/**
 * The VM's volumes, each included or not: KubeVirt's snapshot controller writes the verdict into
 * the VM's `status.volumeSnapshotStatuses` (a PVC or DataVolume whose storage class has a
 * VolumeSnapshotClass of the same CSI driver is enabled). Volumes it has not judged yet: other
 * sources are never snapshotted (KubeVirt's own wording), claims are unknown until it does.
 */
export function snapshotVolumes(vm: VM): SnapshotVolume[] {
  const statuses = new Map((vm.status?.volumeSnapshotStatuses ?? []).map((s) => [s.name, s]));
  return (vm.spec?.template?.spec?.volumes ?? []).map((v) => {
    const source = volumeSource(v);
    const status = statuses.get(v.name);
    if (status) return { name: v.name, source: source.text, included: status.enabled, reason: status.reason };
    if (!source.claim) {
      const reason = `Snapshot is not supported for this volumeSource type [${v.name}]`;
      return { name: v.name, source: source.text, included: false, reason };
    }
    return { name: v.name, source: source.text, included: undefined };
  });
}

/** A name for a new snapshot: "<vm>-snapshot-<yyyymmdd-hhmmss>", at most 63 characters. */
export function generateSnapshotName(vmName: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '').toLowerCase();
  const suffix = `-snapshot-${stamp}`;
  return `${vmName.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** The VirtualMachineSnapshot of a VM, as `virtctl` and the OpenShift console create it. */
export function snapshotManifest(vm: VM, name: string): VMSnapshot {
  return {
    apiVersion: apiVersionOf(VirtualMachineSnapshotModel),
    kind: VirtualMachineSnapshotModel.kind,
    metadata: { name, namespace: namespaceOf(vm) },
    spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: nameOf(vm) } },
  };
}

/** What an online snapshot of a running VM will be, as KubeVirt decides it (source.go's Freeze). */
export type OnlineSnapshotMode = 'offline' | 'paused' | 'guest-agent' | 'no-guest-agent';

export function onlineSnapshotMode(vmi: VMI | undefined): OnlineSnapshotMode {
  if (!vmi || isBeingDeleted(vmi)) return 'offline';
  if (vmiIsPaused(vmi)) return 'paused';
  return vmiCondition(vmi, 'AgentConnected') ? 'guest-agent' : 'no-guest-agent';
}

export type SnapshotState = 'progressing' | 'ready' | 'failed' | 'deleting' | 'not-ready';

const condition = (conditions: V1beta1Condition[] | undefined, type: string) =>
  conditions?.find((c) => c.type === type);

/** KubeVirt puts a snapshot's condition text in `reason` (newProgressingCondition(status, reason)). */
export const conditionText = (c: V1beta1Condition | undefined): string | undefined =>
  c ? c.message || c.reason || undefined : undefined;

/** Where a snapshot stands: Failed phase, ready to use, being deleted, still in progress, or done but not ready. */
export function snapshotState(s: VMSnapshot): SnapshotState {
  if (isBeingDeleted(s) || s.status?.phase === 'Deleting') return 'deleting';
  if (s.status?.phase === 'Failed') return 'failed';
  if (s.status?.readyToUse) return 'ready';
  if (s.status?.phase === 'Succeeded') return 'not-ready';
  return 'progressing';
}

/**
 * What to tell the user about a snapshot now: its error (status.error, the failure reason), else
 * the Failure condition, else what the Progressing condition says ("Source locked and operation
 * in progress", "Source does not exist").
 */
export function snapshotMessage(s: VMSnapshot): string | undefined {
  const error = s.status?.error?.message;
  if (error) return error;
  const conditions = s.status?.conditions;
  const failure = condition(conditions, 'Failure');
  if (failure?.status === 'True') return conditionText(failure);
  return conditionText(condition(conditions, 'Progressing'));
}

/** The indications of a snapshot (Online, GuestAgent, NoGuestAgent, Paused...) with KubeVirt's messages when it gave them. */
export function snapshotIndications(s: VMSnapshot): Array<{ indication: string; message?: string }> {
  const detailed = s.status?.sourceIndications;
  if (detailed?.length) return detailed.map((i) => ({ indication: i.indication, message: i.message }));
  return (s.status?.indications ?? []).map((indication) => ({ indication }));
}

/** The snapshots of one VM (spec.source names it), newest first. */
export function snapshotsOfVm(snapshots: readonly VMSnapshot[] | undefined, vmName: string): VMSnapshot[] {
  return (snapshots ?? [])
    .filter((s) => s.spec?.source?.kind === 'VirtualMachine' && s.spec.source.name === vmName)
    .sort((a, b) => (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''));
}

/**
 * The snapshot's size where the storage says it: the sum of `status.restoreSize` of the
 * VolumeSnapshots its content lists (spec.volumeBackups). undefined when any is unknown.
 */
export function snapshotSizeBytes(
  s: VMSnapshot,
  contents: readonly VMSnapshotContent[] | undefined,
  volumeSnapshots: readonly VolumeSnapshot[] | undefined,
): number | undefined {
  const contentName = s.status?.virtualMachineSnapshotContentName;
  const content = contentName ? contents?.find((c) => nameOf(c) === contentName) : undefined;
  const names = (content?.spec?.volumeBackups ?? []).map((b) => b.volumeSnapshotName).filter(Boolean);
  if (!content || !volumeSnapshots || !names.length) return undefined;
  let total = 0;
  for (const n of names) {
    const size = parseQuantity(volumeSnapshots.find((v) => nameOf(v) === n)?.status?.restoreSize);
    if (size === undefined) return undefined;
    total += size;
  }
  return total;
}
