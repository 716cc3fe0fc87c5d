/** A VirtualMachine's printableStatus values, and what each means: severity, description, whether it passes by itself. Pure. */
/**
 * Every value of a VirtualMachine's status.printableStatus, in the order KubeVirt's VM controller
 * checks them (pkg/virt-controller/watch/vm/vm.go), plus Unknown.
 */
export const PRINTABLE_STATUSES = [
  'Terminating',
  'Stopping',
  'Migrating',
  'Paused',
  'Running',
  'ErrorPvcNotFound',
  'DataVolumeError',
  'ErrorUnschedulable',
  'Provisioning',
  'WaitingForVolumeBinding',
  'ErrImagePull',
  'ImagePullBackOff',
  'Starting',
  'CrashLoopBackOff',
  'Stopped',
  'WaitingForReceiver',
  'Unknown',
] as const;

export type PrintableStatus = (typeof PRINTABLE_STATUSES)[number];

const KNOWN: ReadonlySet<string> = new Set(PRINTABLE_STATUSES);

export const isPrintableStatus = (s: string): s is PrintableStatus => KNOWN.has(s);

/** How alarming a status is; `danger` statuses are shown red with their reason. */
export type StatusSeverity = 'success' | 'info' | 'warning' | 'danger' | 'none';

export interface StatusFacts {
  status: PrintableStatus;
  /** What the UI prints: the printableStatus itself, as `kubectl get vm` shows it. */
  label: string;
  /** One sentence for popovers and tooltips. */
  description: string;
  severity: StatusSeverity;
  /** A passing state that will change by itself (spinner-like). */
  transient: boolean;
}

type Entry = Omit<StatusFacts, 'status' | 'label'>;

const entry = (severity: StatusSeverity, description: string, transient = false): Entry => ({
  severity,
  description,
  transient,
});

const STATUS_FACTS: Record<PrintableStatus, Entry> = {
  Running: entry('success', 'The virtual machine is running.'),
  Stopped: entry('none', 'The virtual machine is stopped.'),
  Starting: entry('info', 'The virtual machine is being prepared for running.', true),
  Stopping: entry('info', 'The virtual machine is in the process of being stopped.', true),
  Terminating: entry('info', 'The virtual machine is in the process of deletion.', true),
  Migrating: entry('info', 'The virtual machine is being migrated to another node.', true),
  Paused: entry('warning', 'The virtual machine is paused.'),
  Provisioning: entry('info', 'Cluster resources for the virtual machine (DataVolumes) are being prepared.', true),
  WaitingForVolumeBinding: entry(
    'warning',
    'A PersistentVolumeClaim of the virtual machine is waiting to be bound.',
    true,
  ),
  ErrorUnschedulable: entry('danger', 'The virtual machine could not be scheduled on any node.'),
  ErrImagePull: entry('danger', 'A container disk image could not be pulled.'),
  ImagePullBackOff: entry('danger', 'A container disk image could not be pulled; retrying with back-off.'),
  ErrorPvcNotFound: entry('danger', 'A PersistentVolumeClaim the virtual machine uses does not exist.'),
  DataVolumeError: entry('danger', 'A DataVolume of the virtual machine failed.'),
  CrashLoopBackOff: entry('danger', 'The virtual machine keeps failing to start; retrying with back-off.'),
  WaitingForReceiver: entry(
    'info',
    'The virtual machine is waiting to receive a migration or a snapshot restore.',
    true,
  ),
  Unknown: entry('warning', 'The state of the virtual machine cannot be determined.'),
};

/** Label, severity, description and transience of a printableStatus. */
export function printableStatusFacts(status: PrintableStatus): StatusFacts {
  return { status, label: status, ...STATUS_FACTS[status] };
}

export const isErrorStatus = (status: PrintableStatus): boolean => STATUS_FACTS[status].severity === 'danger';

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
