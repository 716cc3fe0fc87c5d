import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { useEffect, useReducer, useRef, type Dispatch } from 'react';
import { k8sGet } from '../../k8s/client';
import { VirtualMachineInstanceModel } from '../../k8s/models';
import { useK8sGet } from '../../k8s/watch/use-k8s-get';
import { consoleReducer, initialConsoleState, type ConsoleEvent, type ConsoleState } from './connection-state';
import { diagnoseVmi, isVmiRunning, type ConsoleKind } from './diagnose';

export interface ConsoleSession {
  state: ConsoleState;
  dispatch: Dispatch<ConsoleEvent>;
  /** The VMI, live from its watch (undefined while loading or when there is none). */
  vmi: V1VirtualMachineInstance | undefined;
  vmiRunning: boolean;
}

/**
 * The connection state of one console and what drives it besides the socket: asking the API
 * why a connection failed before the upgrade, and reconnecting when the VMI runs again (a new
 * uid, or its phase back to Running).
 */
export function useConsoleSession(kind: ConsoleKind, namespace: string, vmiName: string): ConsoleSession {
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const { data: vmi } = useK8sGet(VirtualMachineInstanceModel, vmiName, namespace);
  const vmiRunning = isVmiRunning(vmi);

  const checkingAttempt = state.status === 'checking' ? state.attempt : undefined;
  useEffect(() => {
    if (checkingAttempt === undefined) return;
    const abort = new AbortController();
    k8sGet(VirtualMachineInstanceModel, vmiName, { namespace, signal: abort.signal }).then(
      (got) => dispatch({ type: 'diagnosed', attempt: checkingAttempt, diagnosis: diagnoseVmi(kind, got) }),
      (err: unknown) => {
        if (!abort.signal.aborted) dispatch({ type: 'diagnosed', attempt: checkingAttempt, diagnosis: diagnoseVmi(kind, undefined, err) });
      },
    );
    return () => abort.abort();
  }, [checkingAttempt, kind, namespace, vmiName]);

  // The uid of a running VMI: it changes when the VMI starts (again) or is replaced.
  const runningUid = vmiRunning ? (vmi?.metadata?.uid ?? 'running') : undefined;
  const lastRunningUid = useRef(runningUid);
  useEffect(() => {
    if (runningUid && runningUid !== lastRunningUid.current) dispatch({ type: 'vmi-running' });
    lastRunningUid.current = runningUid;
  }, [runningUid]);

  return { state, dispatch, vmi, vmiRunning };
}
