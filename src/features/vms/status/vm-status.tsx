import { Button, Content } from '@patternfly/react-core';
import { Link } from 'react-router';
import { namespacedPath } from '../../../lib/routes';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { vmPrintableStatus, vmStatusReason, type VM } from '../../../kubevirt/vm-selectors';
import { LazyPopover } from '../../../components/lazy-popups/lazy-popover';
import { StatusIcon } from '../../../components/vm-status/status-icon';
import { statusInfo } from '../../../components/vm-status/status-map';
import './vm-status.css';

export interface VmStatusProps {
  vm: VM;
  /** Optional id of the status element (a table cell already carries `vm-<ns>-<name>-status`). */
  id?: string;
}

/** The VM's events tab. */
export const vmEventsPath = (vm: VM): string =>
  namespacedPath('virtualmachines', namespaceOf(vm), nameOf(vm), 'events');

/**
 * Icon and printableStatus. Error states are red; their label opens a popover with the reason
 * (from the VM's conditions) and a link to the VM's events.
 */
export function VmStatus({ vm, id }: VmStatusProps) {
  const status = vmPrintableStatus(vm);
  const info = statusInfo(status);
  if (info.severity !== 'danger') {
    return (
      <span className="kv-vm-status" id={id} title={info.description}>
        <StatusIcon status={status} />
        {info.label}
      </span>
    );
  }
  const reason = vmStatusReason(vm);
  return (
    <LazyPopover
      headerContent={info.label}
      aria-label={`${info.label}: details`}
      bodyContent={
        <>
          <Content component="p">{info.description}</Content>
          {reason && <Content component="p">{reason}</Content>}
        </>
      }
      footerContent={<Link to={vmEventsPath(vm)}>View events</Link>}
    >
      <Button
        variant="link"
        isInline
        className="kv-vm-status kv-vm-status--danger"
        id={id}
        icon={<StatusIcon status={status} />}
      >
        {info.label}
      </Button>
    </LazyPopover>
  );
}
