/**
 * KubeVirt's snapshot, restore and clone kinds (snapshot.kubevirt.io/v1beta1,
 * clone.kubevirt.io/v1beta1): resource keys, the fields the controllers read and write, and the
 * condition helpers of pkg/storage/snapshot/util.go.
 */
import type { KObject } from '../../runtime/client.js';

export const VM_SNAPSHOTS = 'virtualmachinesnapshots.snapshot.kubevirt.io';
export const VM_SNAPSHOT_CONTENTS = 'virtualmachinesnapshotcontents.snapshot.kubevirt.io';
export const VM_RESTORES = 'virtualmachinerestores.snapshot.kubevirt.io';
export const VM_CLONES = 'virtualmachineclones.clone.kubevirt.io';
export const SNAPSHOT_API_VERSION = 'snapshot.kubevirt.io/v1beta1';

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
}

export interface SnapshotError {
  message?: string;
  time?: string;
}

export interface VolumeBackup {
  volumeName: string;
  persistentVolumeClaim: { metadata: KObject['metadata']; spec: Record<string, unknown> };
  volumeSnapshotName?: string;
}

export interface SnapshotSpec {
  source?: { apiGroup?: string; kind?: string; name?: string };
  deletionPolicy?: string;
  failureDeadline?: string;
}

export interface SnapshotStatus {
  sourceUID?: string;
  virtualMachineSnapshotContentName?: string;
  creationTime?: string | null;
  phase?: string;
  readyToUse?: boolean;
  error?: SnapshotError | null;
  conditions?: Condition[];
  indications?: string[];
  sourceIndications?: Array<{ indication: string; message: string }>;
  snapshotVolumes?: { includedVolumes?: string[]; excludedVolumes?: string[] };
}

export interface ContentSpec {
  virtualMachineSnapshotName?: string;
  source?: { virtualMachine?: KObject & { spec?: Record<string, unknown> } };
  volumeBackups?: VolumeBackup[];
}

export interface ContentStatus {
  creationTime?: string | null;
  readyToUse?: boolean;
  error?: SnapshotError | null;
  volumeSnapshotStatus?: Array<{
    volumeSnapshotName: string;
    readyToUse?: boolean;
    creationTime?: string;
    error?: SnapshotError;
  }>;
}

export const snapshotSpec = (o: KObject) => (o.spec ?? {}) as SnapshotSpec;
export const snapshotStatus = (o: KObject) => (o.status ?? {}) as SnapshotStatus;
export const contentSpec = (o: KObject) => (o.spec ?? {}) as ContentSpec;
export const contentStatus = (o: KObject) => (o.status ?? {}) as ContentStatus;

/** KubeVirt's updateCondition: replaced when its status or reason changes, else kept (with its times). */
export function updateCondition(list: Condition[] | undefined, c: Condition): Condition[] {
  const out = [...(list ?? [])];
  const i = out.findIndex((x) => x.type === c.type);
  if (i < 0) out.push(c);
  else if (out[i].status !== c.status || out[i].reason !== c.reason) out[i] = c;
  return out;
}

export function condition(type: string, status: 'True' | 'False', reason: string, now: string): Condition {
  return { type, status, reason, lastProbeTime: null, lastTransitionTime: now };
}

export function hasFinalizer(o: KObject, f: string): boolean {
  return (o.metadata.finalizers ?? []).includes(f);
}

/** A Go duration ("5m0s", "1h30m", "90s") in milliseconds; undefined when it does not parse. */
export function parseGoDuration(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]];
    consumed += m[0].length;
  }
  return consumed === text.length ? total : undefined;
}

/** The object's metadata as a snapshot keeps it (KubeVirt's getSimplifiedMetaObject). */
export function simplifiedMeta(meta: KObject['metadata']): KObject['metadata'] {
  const out: KObject['metadata'] = { name: meta.name, namespace: meta.namespace };
  if (meta.uid) out.uid = meta.uid;
  if (meta.generation !== undefined) out.generation = meta.generation;
  if (meta.creationTimestamp) out.creationTimestamp = meta.creationTimestamp;
  if (meta.labels) out.labels = { ...meta.labels };
  if (meta.annotations) out.annotations = { ...meta.annotations };
  return out;
}
