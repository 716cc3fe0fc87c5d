/**
 * Structural types the controllers work with. Spec shapes come from the KubeVirt API type
 * package; a few status fields it does not model (condition timestamps) are added here.
 */
import type {
  V1VirtualMachine,
  V1VirtualMachineInstance,
  V1VirtualMachineInstanceMigration,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { V1beta1DataVolume } from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import type {
  IoK8sApiCoreV1Node,
  IoK8sApiCoreV1PersistentVolumeClaim,
  IoK8sApiCoreV1Pod,
  IoK8sApiCoreV1Service,
  IoK8sApimachineryPkgApisMetaV1ObjectMeta,
} from '@kubevirt-ui-ext/kubevirt-api/kubernetes';

export type ObjectMeta = IoK8sApimachineryPkgApisMetaV1ObjectMeta;

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

type WithMeta<T> = Omit<T, 'metadata'> & { metadata: ObjectMeta };

export type VM = WithMeta<V1VirtualMachine>;
export type VMI = WithMeta<V1VirtualMachineInstance>;
export type VMIM = WithMeta<V1VirtualMachineInstanceMigration>;
export type DataVolume = WithMeta<V1beta1DataVolume>;
export type Pod = WithMeta<IoK8sApiCoreV1Pod>;
export type PVC = WithMeta<IoK8sApiCoreV1PersistentVolumeClaim>;
export type Service = WithMeta<IoK8sApiCoreV1Service>;
export type Node = WithMeta<IoK8sApiCoreV1Node>;

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
