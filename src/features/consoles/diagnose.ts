import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { isK8sError } from '../../k8s/k8s-error';
import type { Diagnosis } from './connection-state';

export type ConsoleKind = 'vnc' | 'serial';

/** Whether a VMI is up for a console: Running and not being deleted. */
export const isVmiRunning = (vmi: V1VirtualMachineInstance | undefined): boolean =>
  Boolean(vmi && vmi.status?.phase === 'Running' && !vmi.metadata?.deletionTimestamp);

/**
 * Why a console websocket closed before it opened. The browser gives no HTTP status for a
 * refused upgrade, so an access review and the VMI (as GET returned it, or the GET's error) tell:
 * not allowed (403: the API server authorizes before virt-api looks at the VMI), missing, not
 * running, without the device, or else (allowed, running, with the device) held by another session.
 * `allowed` is the access review's answer, undefined when the review itself failed.
 */
export function diagnoseVmi(
  kind: ConsoleKind,
  vmi: V1VirtualMachineInstance | undefined,
  error?: unknown,
  allowed?: boolean,
): Diagnosis {
  if (allowed === false) return { kind: 'forbidden' };
  if (error) {
    if (isK8sError(error) && error.code === 404) return { kind: 'not-found' };
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'unknown', message: `Cannot read the VirtualMachineInstance: ${message}` };
  }
  if (!vmi) return { kind: 'not-found' };
  if (!isVmiRunning(vmi))
    return { kind: 'not-running', phase: vmi.metadata?.deletionTimestamp ? 'Terminating' : vmi.status?.phase };
  const devices = vmi.spec?.domain?.devices;
  if (kind === 'vnc' && devices?.autoattachGraphicsDevice === false) return { kind: 'no-device' };
  if (kind === 'serial' && devices?.autoattachSerialConsole === false) return { kind: 'no-device' };
  return { kind: 'busy' };
}
