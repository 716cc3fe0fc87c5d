export {
  STATUS_DISPLAY_ORDER,
  isErrorStatus,
  statusInfo,
  type StatusInfo,
  type StatusSeverity,
} from '../../../components/vm-status/status-map';
