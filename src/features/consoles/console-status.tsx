import { Alert, Button, Flex, FlexItem, Icon } from '@patternfly/react-core';
import { CheckCircleIcon } from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import { DisconnectedIcon } from '@patternfly/react-icons/dist/esm/icons/disconnected-icon';
import { ExclamationTriangleIcon } from '@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon';
import { InProgressIcon } from '@patternfly/react-icons/dist/esm/icons/in-progress-icon';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useAccessReview } from '../../k8s/access-review';
import { k8sPutSubresource } from '../../k8s/client';
import { KUBEVIRT_SUBRESOURCE_GROUP, VirtualMachineModel } from '../../k8s/models';
import { useK8sGet } from '../../k8s/watch/use-k8s-get';
import { statusText, type ConsoleState } from './connection-state';
import { waitsForVm, type ConsoleSession } from './use-console-session';
import { canStartVm, vmStateDetail, waitingText } from './vm-state';

export interface ConsoleStatusProps {
  /** Stable id of the role=status element, e.g. vnc-<ns>-<name>-status. */
  id: string;
  session: ConsoleSession;
  device: 'graphics' | 'serial';
  namespace: string;
  /** The VM that owns the VMI: enables "Start" when it is not running. */
  vmName?: string;
  /** At the end of the line (open in a new tab). */
  actions?: ReactNode;
}

function StateIcon({ state }: { state: ConsoleState }) {
  switch (state.status) {
    case 'connected':
      return (
        <Icon status="success">
          <CheckCircleIcon />
        </Icon>
      );
    case 'connecting':
    case 'checking':
      return (
        <Icon>
          <InProgressIcon />
        </Icon>
      );
    case 'disconnected':
      return (
        <Icon>
          <DisconnectedIcon />
        </Icon>
      );
    default:
      return (
        <Icon status="warning">
          <ExclamationTriangleIcon />
        </Icon>
      );
  }
}

/** The connection state in words (a live status region) and what can be done about it. */
export function ConsoleStatus({ id, session, device, namespace, vmName, actions }: ConsoleStatusProps) {
  const { state, dispatch, vmi } = session;
  const { data: vm } = useK8sGet(VirtualMachineModel, vmName, namespace);
  const mayStart = useAccessReview(
    {
      group: KUBEVIRT_SUBRESOURCE_GROUP,
      resource: 'virtualmachines',
      subresource: 'start',
      verb: 'update',
      namespace,
      name: vmName,
    },
    { enabled: Boolean(vmName) },
  );
  const start = useMutation({
    mutationFn: (name: string) =>
      k8sPutSubresource(VirtualMachineModel, name, 'start', {}, { namespace, kubevirt: true }),
  });
  const notRunning = waitsForVm(session);
  // Start only when it can work: the VM is not already started (an unschedulable VM is), its run
  // strategy takes start requests, and the user may start it.
  const canStart = notRunning && Boolean(vmName) && canStartVm(vm, vmi) && mayStart.allowed;
  const detail = notRunning ? vmStateDetail(vm, vmi) : undefined;
  const text = (state.status === 'not-running' && waitingText(vmi)) || statusText(state, device);
  return (
    <div className="kv-console-status">
      <Flex alignItems={{ default: 'alignItemsCenter' }} gap={{ default: 'gapSm' }} flexWrap={{ default: 'nowrap' }}>
        <FlexItem>
          <StateIcon state={state} />
        </FlexItem>
        <FlexItem role="status" id={id} aria-live="polite" className="kv-console-status__text">
          {text}
        </FlexItem>
        {state.status === 'busy' && (
          <FlexItem>
            <Button variant="primary" size="sm" onClick={() => dispatch({ type: 'connect', takeOver: true })}>
              Take over
            </Button>
          </FlexItem>
        )}
        {canStart && vmName && (
          <FlexItem>
            <Button
              variant="primary"
              size="sm"
              isLoading={start.isPending}
              isDisabled={start.isPending}
              onClick={() => start.mutate(vmName)}
            >
              Start
            </Button>
          </FlexItem>
        )}
        {actions && <FlexItem align={{ default: 'alignRight' }}>{actions}</FlexItem>}
      </Flex>
      {detail && (
        <Alert
          variant={detail.severity}
          isInline
          isPlain
          title={detail.title}
          className="kv-console-status__detail"
          id={`${id}-detail`}
        >
          {detail.reason}
        </Alert>
      )}
      {start.error && (
        <Alert variant="danger" isInline isPlain title={`Cannot start ${vmName}`} className="kv-console-status__error">
          {start.error.message}
        </Alert>
      )}
    </div>
  );
}
