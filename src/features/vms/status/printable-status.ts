// The status vocabulary is shared with the overview page, so it lives in src/components/vm-status.
export {
  PRINTABLE_STATUSES,
  isPrintableStatus,
  type PrintableStatus,
} from '../../../components/vm-status/printable-status';
