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
import { printableStatusFacts, type PrintableStatus, type StatusFacts } from '../../kubevirt/printable-status';

/** A printableStatus as the UI draws it: its facts (src/kubevirt/printable-status.ts) and its icon. */
export interface StatusInfo extends StatusFacts {
  icon: ComponentType<SVGProps<SVGSVGElement>>;
}

const STATUS_ICONS: Record<PrintableStatus, StatusInfo['icon']> = {
  Running: CheckCircleIcon,
  Stopped: OffIcon,
  Starting: InProgressIcon,
  Stopping: PowerOffIcon,
  Terminating: TrashIcon,
  Migrating: MigrationIcon,
  Paused: PauseCircleIcon,
  Provisioning: DownloadIcon,
  WaitingForVolumeBinding: HourglassHalfIcon,
  ErrorUnschedulable: BanIcon,
  ErrImagePull: ImageIcon,
  ImagePullBackOff: RedoIcon,
  ErrorPvcNotFound: UnlinkIcon,
  DataVolumeError: DatabaseIcon,
  CrashLoopBackOff: SyncAltIcon,
  WaitingForReceiver: PendingIcon,
  Unknown: UnknownIcon,
};

/** Icon, label, severity and description of a printableStatus. */
export function statusInfo(status: PrintableStatus): StatusInfo {
  return { ...printableStatusFacts(status), icon: STATUS_ICONS[status] };
}
