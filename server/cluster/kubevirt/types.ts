/**
 * Structural types the controllers work with. Spec shapes come from the KubeVirt API type
 * package; a few status fields it does not model (condition timestamps) are added here.
 */
import type { ObjectOf, ResourceKey } from '../runtime/resource-types.js';
import type { ObjectMeta } from '../store/types.js';

export type { ObjectMeta };

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export type VM = ObjectOf<typeof ResourceKey.vms>;
export type VMI = ObjectOf<typeof ResourceKey.vmis>;
export type VMIM = ObjectOf<typeof ResourceKey.vmims>;
export type DataVolume = ObjectOf<typeof ResourceKey.dataVolumes>;
export type Pod = ObjectOf<typeof ResourceKey.pods>;
export type PVC = ObjectOf<typeof ResourceKey.pvcs>;
export type Service = ObjectOf<typeof ResourceKey.services>;
export type Node = ObjectOf<typeof ResourceKey.nodes>;

export type RunStrategy = 'Always' | 'Halted' | 'Manual' | 'RerunOnFailure' | 'Once';

export type VMIPhase =
  '' | 'Pending' | 'Scheduling' | 'Scheduled' | 'Running' | 'Succeeded' | 'Failed' | 'WaitingForSync' | 'Unknown';

export type PrintableStatus =
  | 'Terminating'
  | 'Stopping'
  | 'Migrating'
  | 'Paused'
  | 'Running'
  | 'ErrorPvcNotFound'
  | 'DataVolumeError'
  | 'ErrorUnschedulable'
  | 'Provisioning'
  | 'WaitingForVolumeBinding'
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'Starting'
  | 'CrashLoopBackOff'
  | 'Stopped'
  | 'WaitingForReceiver'
  | 'Unknown';
