import { BanIcon } from '@patternfly/react-icons/dist/esm/icons/ban-icon';
import { CheckCircleIcon } from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import { DatabaseIcon } from '@patternfly/react-icons/dist/esm/icons/database-icon';
import { DownloadIcon } from '@patternfly/react-icons/dist/esm/icons/download-icon';
import { HourglassHalfIcon } from '@patternfly/react-icons/dist/esm/icons/hourglass-half-icon';
import { ImageIcon } from '@patternfly/react-icons/dist/esm/icons/image-icon';
import { InProgressIcon } from '@patternfly/react-icons/dist/esm/icons/in-progress-icon';
import { MigrationIcon } from '@patternfly/react-icons/dist/esm/icons/migration-icon';
import { OffIcon } from '@patternfly/react-icons/dist/esm/icons/off-icon';
import { PauseCircleIcon } from '@patternfly/react-icons/dist/esm/icons/pause-circle-icon';
import { PendingIcon } from '@patternfly/react-icons/dist/esm/icons/pending-icon';
import { PowerOffIcon } from '@patternfly/react-icons/dist/esm/icons/power-off-icon';
import { RedoIcon } from '@patternfly/react-icons/dist/esm/icons/redo-icon';
import { SyncAltIcon } from '@patternfly/react-icons/dist/esm/icons/sync-alt-icon';
import { TrashIcon } from '@patternfly/react-icons/dist/esm/icons/trash-icon';
import { UnknownIcon } from '@patternfly/react-icons/dist/esm/icons/unknown-icon';
import { UnlinkIcon } from '@patternfly/react-icons/dist/esm/icons/unlink-icon';
import type { ComponentType, SVGProps } from 'react';
import type { PrintableStatus } from './printable-status';

/** How alarming a status is; `danger` statuses are shown red with their reason. */
export type StatusSeverity = 'success' | 'info' | 'warning' | 'danger' | 'none';

export interface StatusInfo {
  status: PrintableStatus;
  /** What the UI prints: the printableStatus itself, as `kubectl get vm` shows it. */
  label: string;
  /** One sentence for popovers and tooltips. */
  description: string;
  severity: StatusSeverity;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** A passing state that will change by itself (spinner-like). */
  transient: boolean;
}

type Entry = Omit<StatusInfo, 'status' | 'label'>;

const entry = (severity: StatusSeverity, icon: StatusInfo['icon'], description: string, transient = false): Entry => ({
  severity,
  icon,
  description,
  transient,
});

const STATUS_INFO: Record<PrintableStatus, Entry> = {
  Running: entry('success', CheckCircleIcon, 'The virtual machine is running.'),
  Stopped: entry('none', OffIcon, 'The virtual machine is stopped.'),
  Starting: entry('info', InProgressIcon, 'The virtual machine is being prepared for running.', true),
  Stopping: entry('info', PowerOffIcon, 'The virtual machine is in the process of being stopped.', true),
  Terminating: entry('info', TrashIcon, 'The virtual machine is in the process of deletion.', true),
  Migrating: entry('info', MigrationIcon, 'The virtual machine is being migrated to another node.', true),
  Paused: entry('warning', PauseCircleIcon, 'The virtual machine is paused.'),
  Provisioning: entry(
    'info',
    DownloadIcon,
    'Cluster resources for the virtual machine (DataVolumes) are being prepared.',
    true,
  ),
  WaitingForVolumeBinding: entry(
    'warning',
    HourglassHalfIcon,
    'A PersistentVolumeClaim of the virtual machine is waiting to be bound.',
    true,
  ),
  ErrorUnschedulable: entry('danger', BanIcon, 'The virtual machine could not be scheduled on any node.'),
  ErrImagePull: entry('danger', ImageIcon, 'A container disk image could not be pulled.'),
  ImagePullBackOff: entry('danger', RedoIcon, 'A container disk image could not be pulled; retrying with back-off.'),
  ErrorPvcNotFound: entry('danger', UnlinkIcon, 'A PersistentVolumeClaim the virtual machine uses does not exist.'),
  DataVolumeError: entry('danger', DatabaseIcon, 'A DataVolume of the virtual machine failed.'),
  CrashLoopBackOff: entry('danger', SyncAltIcon, 'The virtual machine keeps failing to start; retrying with back-off.'),
  WaitingForReceiver: entry(
    'info',
    PendingIcon,
    'The virtual machine is waiting to receive a migration or a snapshot restore.',
    true,
  ),
  Unknown: entry('warning', UnknownIcon, 'The state of the virtual machine cannot be determined.'),
};

/** Icon, label, severity and description of a printableStatus. */
export function statusInfo(status: PrintableStatus): StatusInfo {
  return { status, label: status, ...STATUS_INFO[status] };
}

export const isErrorStatus = (status: PrintableStatus): boolean => STATUS_INFO[status].severity === 'danger';

/** Statuses in a friendly order for filters and overview cards: running first, errors last. */
export const STATUS_DISPLAY_ORDER: readonly PrintableStatus[] = [
  'Running',
  'Stopped',
  'Paused',
  'Starting',
  'Stopping',
  'Migrating',
  'Provisioning',
  'WaitingForVolumeBinding',
  'WaitingForReceiver',
  'Terminating',
  'ErrorUnschedulable',
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrorPvcNotFound',
  'DataVolumeError',
  'CrashLoopBackOff',
  'Unknown',
];
