import { Button, Content } from '@patternfly/react-core';
import { Link } from 'react-router';
import { namespacedPath } from '../../../lib/routes';
import { nameOf, namespaceOf, uidOf } from '../../../k8s/meta';
import { vmPrintableStatus, vmStatusReason, type VM } from '../../../kubevirt/vm-selectors';
import { vmiBelongsToVm, type VMI } from '../../../kubevirt/vmi-selectors';
import { LazyPopover } from '../../../components/lazy-popups/lazy-popover';
import { StatusIcon } from '../../../components/vm-status/status-icon';
import { statusInfo, type StatusInfo } from '../../../components/vm-status/status-map';
import { useStatusHistory } from '../../../components/vm-status/status-history-context';
import { StatusHistoryList } from './status-history-list';
import './vm-status.css';

export interface VmStatusProps {
  vm: VM;
  /** The VM's VMI, if any: its phases show in the popover (only a VMI this VM controls, by uid). */
  vmi?: VMI;
  /** Optional id of the status element (a table cell already carries `vm-<ns>-<name>-status`). */
  id?: string;
}

/** The VM's events tab. */
export const vmEventsPath = (vm: VM): string =>
  namespacedPath('virtualmachines', namespaceOf(vm), nameOf(vm), 'events');

/** The popover's body: what the status means, why (for an error), and what the console saw it pass through. */
function VmStatusDetails({ vm, vmi, info }: { vm: VM; vmi: VMI | undefined; info: StatusInfo }) {
  const name = nameOf(vm);
  const reason = info.severity === 'danger' ? vmStatusReason(vm) : undefined;
  const own = vmiBelongsToVm(vmi, vm) ? vmi : undefined;
  const statuses = useStatusHistory(uidOf(vm));
  const phases = useStatusHistory(uidOf(own));
  return (
    <>
      <Content component="p">{info.description}</Content>
      {reason && <Content component="p">{reason}</Content>}
      <StatusHistoryList title={`Status history of ${name}`} entries={statuses} icons />
      {own && <StatusHistoryList title={`Phases of VMI ${nameOf(own)}`} entries={phases} />}
      <Content component="small" className="kv-status-history__note">
        Times are when this console saw each change.
      </Content>
    </>
  );
}

/**
 * Icon and printableStatus, which open a popover with what the status means, the statuses the
 * console saw the VM pass through (and its VMI's phases) and a link to the VM's events. Error
 * states are red, with the reason from the VM's conditions.
 */
export function VmStatus({ vm, vmi, id }: VmStatusProps) {
  const status = vmPrintableStatus(vm);
  const info = statusInfo(status);
  const danger = info.severity === 'danger';
  return (
    <LazyPopover
      headerContent={info.label}
      aria-label={`${info.label}: details`}
      bodyContent={<VmStatusDetails vm={vm} vmi={vmi} info={info} />}
      footerContent={<Link to={vmEventsPath(vm)}>View events</Link>}
    >
      <Button
        variant="link"
        isInline
        className={danger ? 'kv-vm-status kv-vm-status--danger' : 'kv-vm-status kv-vm-status--plain'}
        id={id}
        icon={<StatusIcon status={status} />}
      >
        {info.label}
      </Button>
    </LazyPopover>
  );
}
