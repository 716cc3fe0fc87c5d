/** A VirtualMachine's printableStatus values and their icon, label and severity (shared by the VM pages and the overview). */
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
