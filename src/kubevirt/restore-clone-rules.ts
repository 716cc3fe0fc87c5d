/**
 * VirtualMachineRestores (snapshot.kubevirt.io/v1beta1, pkg/storage/snapshot/restore.go) and
 * VirtualMachineClones (clone.kubevirt.io/v1beta1, pkg/virt-controller/watch/clone): the manifests
 * to create and where one stands. Pure: no React.
 */
import type {
  V1beta1Condition,
  V1beta1VirtualMachineClone,
  V1beta1VirtualMachineRestore,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { apiVersionOf } from '../k8s/models';
import { VirtualMachineCloneModel, VirtualMachineRestoreModel } from '../k8s/snapshot-models';
import { nameOf, namespaceOf } from '../k8s/meta';
import { conditionText, type VMSnapshot } from './snapshot-rules';
import type { VM } from './vm-selectors';

export type VMRestore = V1beta1VirtualMachineRestore;
export type VMClone = V1beta1VirtualMachineClone;

const vmRef = (name: string) => ({ apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name });

const condition = (conditions: V1beta1Condition[] | undefined, type: string) =>
  conditions?.find((c) => c.type === type);

/** A restore's name: "<snapshot>-restore-<random>" (KubeVirt needs one per restore). */
export function generateRestoreName(snapshotName: string, random: string): string {
  const suffix = `-restore-${random}`;
  return `${snapshotName.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/**
 * The restore of a snapshot: onto its own VM (`targetVm` undefined; KubeVirt replaces the VM's
 * volumes with new claims from the VolumeSnapshots) or into a new VM named `targetVm`.
 */
export function restoreManifest(snapshot: VMSnapshot, name: string, targetVm?: string): VMRestore {
  return {
    apiVersion: apiVersionOf(VirtualMachineRestoreModel),
    kind: VirtualMachineRestoreModel.kind,
    metadata: { name, namespace: namespaceOf(snapshot) },
    spec: {
      target: vmRef(targetVm ?? snapshot.spec?.source?.name ?? ''),
      virtualMachineSnapshotName: nameOf(snapshot),
    },
  };
}

export type RestoreState = 'progressing' | 'complete' | 'failed';

/** Complete (status.complete), failed (a True Failure condition), or still in progress. */
export function restoreState(r: VMRestore): RestoreState {
  if (r.status?.complete) return 'complete';
  if (condition(r.status?.conditions, 'Failure')?.status === 'True') return 'failed';
  return 'progressing';
}

/** The failure, else what Ready or Progressing say ("Waiting for target to be ready", "Operation complete"). */
export function restoreMessage(r: VMRestore): string | undefined {
  const c = r.status?.conditions;
  const failure = condition(c, 'Failure');
  if (failure?.status === 'True') return conditionText(failure);
  return conditionText(condition(c, 'Ready')) ?? conditionText(condition(c, 'Progressing'));
}

/** The restores of the given snapshots, by snapshot name. */
export function restoresBySnapshot(restores: readonly VMRestore[] | undefined): Map<string, VMRestore[]> {
  const map = new Map<string, VMRestore[]>();
  for (const r of restores ?? []) {
    const key = r.spec?.virtualMachineSnapshotName ?? '';
    map.set(key, [...(map.get(key) ?? []), r]);
  }
  return map;
}

/** What the clone dialog sets; empty filters and maps are left out (KubeVirt's defaults). */
export interface CloneOptions {
  name: string;
  targetName: string;
  labelFilters: string[];
  annotationFilters: string[];
  templateLabelFilters: string[];
  templateAnnotationFilters: string[];
  /** Interface name → MAC; an interface left out gets a new generated MAC (KubeVirt's default). */
  newMacAddresses: Record<string, string>;
  /** Empty: KubeVirt generates a new serial. */
  newSMBiosSerial: string;
}

/** Splits a filter field: one filter per line or comma ("*", "!key/*", "app"). */
export const parseFilters = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The VirtualMachineClone of a VM (or of a snapshot: `source` kind VirtualMachineSnapshot). */
export function cloneManifest(source: VM | VMSnapshot, o: CloneOptions): VMClone {
  const fromSnapshot = source.kind === 'VirtualMachineSnapshot';
  const macs = Object.fromEntries(Object.entries(o.newMacAddresses).filter(([, mac]) => mac.trim()));
  const template =
    o.templateLabelFilters.length || o.templateAnnotationFilters.length
      ? {
          ...(o.templateLabelFilters.length ? { labelFilters: o.templateLabelFilters } : {}),
          ...(o.templateAnnotationFilters.length ? { annotationFilters: o.templateAnnotationFilters } : {}),
        }
      : undefined;
  return {
    apiVersion: apiVersionOf(VirtualMachineCloneModel),
    kind: VirtualMachineCloneModel.kind,
    metadata: { name: o.name, namespace: namespaceOf(source) },
    spec: {
      source: fromSnapshot
        ? { apiGroup: 'snapshot.kubevirt.io', kind: 'VirtualMachineSnapshot', name: nameOf(source) }
        : vmRef(nameOf(source)),
      target: vmRef(o.targetName),
      ...(o.labelFilters.length ? { labelFilters: o.labelFilters } : {}),
      ...(o.annotationFilters.length ? { annotationFilters: o.annotationFilters } : {}),
      ...(template ? { template } : {}),
      ...(Object.keys(macs).length ? { newMacAddresses: macs } : {}),
      ...(o.newSMBiosSerial.trim() ? { newSMBiosSerial: o.newSMBiosSerial.trim() } : {}),
    },
  };
}

/**
 * KubeVirt's clone phases in the order its controller goes through them (watch/clone/clone.go: the
 * snapshot, then the restore that makes the target, then the target VM's update).
 */
export const CLONE_PHASES = ['SnapshotInProgress', 'RestoreInProgress', 'CreatingTargetVM', 'Succeeded'] as const;

export const CLONE_PHASE_LABELS: Record<string, string> = {
  '': 'Pending',
  Unset: 'Pending',
  SnapshotInProgress: 'Taking a snapshot of the source',
  RestoreInProgress: 'Restoring the snapshot into the new virtual machine',
  CreatingTargetVM: 'Creating the new virtual machine',
  Succeeded: 'Succeeded',
  Failed: 'Failed',
  Unknown: 'Unknown',
};

export type CloneState = 'progressing' | 'succeeded' | 'failed';

export function cloneState(c: VMClone): CloneState {
  const phase = c.status?.phase;
  if (phase === 'Succeeded') return 'succeeded';
  if (phase === 'Failed') return 'failed';
  return 'progressing';
}

/** Step of the clone among CLONE_PHASES (0-based; -1 before the first). */
export const clonePhaseIndex = (c: VMClone): number =>
  (CLONE_PHASES as readonly string[]).indexOf(c.status?.phase ?? '');

/** What the Ready or Progressing condition says ("Still processing", the failure's text). */
export function cloneMessage(c: VMClone): string | undefined {
  const conditions = c.status?.conditions;
  const ready = condition(conditions, 'Ready');
  const progressing = condition(conditions, 'Progressing');
  if (cloneState(c) === 'failed') return conditionText(ready) ?? conditionText(progressing);
  return conditionText(progressing) ?? conditionText(ready);
}

/** The new VM's name: status.targetName once KubeVirt has set it, else the requested target. */
export const cloneTargetName = (c: VMClone): string | undefined => c.status?.targetName || c.spec?.target?.name;

/**
 * The VM an imported snapshot, restore or clone is about, and the VM tab that shows it: a snapshot's
 * source (its Snapshots tab), a restore's target and a clone's target (their overview).
 */
export function relatedVm(o: {
  kind?: string;
  spec?: { source?: { kind?: string; name?: string }; target?: { name?: string } };
}): { name: string; tab: 'snapshots' | 'overview' } | undefined {
  const spec = o.spec;
  if (o.kind === 'VirtualMachineSnapshot' && spec?.source?.kind === 'VirtualMachine' && spec.source.name) {
    return { name: spec.source.name, tab: 'snapshots' };
  }
  if ((o.kind === 'VirtualMachineRestore' || o.kind === 'VirtualMachineClone') && spec?.target?.name) {
    return { name: spec.target.name, tab: 'overview' };
  }
  return undefined;
}
