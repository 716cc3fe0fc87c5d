export { PRINTABLE_STATUSES, isPrintableStatus, type PrintableStatus } from './printable-status';
export { STATUS_DISPLAY_ORDER, isErrorStatus, statusInfo, type StatusInfo, type StatusSeverity } from './status-map';
export { VmStatus, vmEventsPath, type VmStatusProps } from './vm-status';
export { StatusIcon } from '../../../components/vm-status/status-icon';
