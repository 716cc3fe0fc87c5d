import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { useEffect, useReducer, useRef, type Dispatch } from 'react';
import { checkAccess, useAccessReview, type AccessReviewAttributes } from '../../k8s/access-review';
import { k8sGet } from '../../k8s/client';
import { KUBEVIRT_SUBRESOURCE_GROUP, VirtualMachineInstanceModel } from '../../k8s/models';
import { useK8sGet } from '../../k8s/watch/use-k8s-get';
import { consoleReducer, initialConsoleState, isLive, type ConsoleEvent, type ConsoleState } from './connection-state';
import { diagnoseVmi, isVmiRunning, type ConsoleKind } from './diagnose';
import { claimHandover, offerHandover } from './handover';

export interface ConsoleSession {
  state: ConsoleState;
  dispatch: Dispatch<ConsoleEvent>;
  /** The VMI, live from its watch (undefined while loading or when there is none). */
  vmi: V1VirtualMachineInstance | undefined;
  vmiRunning: boolean;
}

/** Not connected because the VM is not running: so diagnosed, or a session that ended while the watch shows no running VMI. */
export const waitsForVm = ({ state, vmiRunning }: ConsoleSession): boolean =>
  state.status === 'not-running' || (state.status === 'disconnected' && !vmiRunning);

export interface ConsoleSessionOptions {
  /** This tab was opened by another's "Open in new tab" with this token: ask it for its session first. */
  claimToken?: string;
  /** Give this console's session to a new tab that claims this token. */
  offerToken?: string;
}

/** What KubeVirt checks before it opens a console: `get` on virtualmachineinstances/vnc or /console. */
export const consoleAccess = (kind: ConsoleKind, namespace: string, name: string): AccessReviewAttributes => ({
  group: KUBEVIRT_SUBRESOURCE_GROUP,
  resource: 'virtualmachineinstances',
  subresource: kind === 'vnc' ? 'vnc' : 'console',
  verb: 'get',
  namespace,
  name,
});

/**
 * The connection state of one console and what drives it besides the socket: the access review
 * before the first attempt, the hand-over between tabs, asking the API why a connection failed
 * before the upgrade, and reconnecting when the VMI runs again (a new uid, or its phase back to Running).
 */
export function useConsoleSession(
  kind: ConsoleKind,
  namespace: string,
  vmiName: string,
  o: ConsoleSessionOptions = {},
): ConsoleSession {
  const { claimToken, offerToken } = o;
  const [state, dispatch] = useReducer(consoleReducer, Boolean(claimToken), initialConsoleState);
  const { data: vmi, isLoading: vmiLoading } = useK8sGet(VirtualMachineInstanceModel, vmiName, namespace);
  const vmiRunning = isVmiRunning(vmi);

  // Access first: a user who may not open the console never opens a socket that would be refused.
  const access = useAccessReview(consoleAccess(kind, namespace, vmiName));
  const accessAnswer = access.isLoading ? undefined : access.error ? true : access.allowed;
  useEffect(() => {
    if (accessAnswer !== undefined) dispatch({ type: 'access', allowed: accessAnswer });
  }, [accessAnswer]);

  useEffect(() => {
    // No (more) token: nothing to wait for.
    if (!claimToken) {
      dispatch({ type: 'handover', granted: false });
      return;
    }
    const abort = new AbortController();
    void claimHandover(claimToken, kind, abort.signal).then((granted) => {
      if (!abort.signal.aborted) dispatch({ type: 'handover', granted });
    });
    return () => abort.abort();
  }, [claimToken, kind]);

  const live = isLive(state);
  useEffect(() => {
    if (!offerToken || !live) return;
    return offerHandover(offerToken, kind, () => dispatch({ type: 'handed-over' }));
  }, [offerToken, kind, live]);

  const checkingAttempt = state.status === 'checking' ? state.attempt : undefined;
  useEffect(() => {
    if (checkingAttempt === undefined) return;
    const abort = new AbortController();
    // A fresh review, not the cached one: a refusal now may come from a role taken away since.
    const allowed = checkAccess(consoleAccess(kind, namespace, vmiName), abort.signal).then(
      (r) => r.allowed,
      () => undefined,
    );
    k8sGet(VirtualMachineInstanceModel, vmiName, { namespace, signal: abort.signal }).then(
      async (got) => {
        const may = await allowed;
        if (!abort.signal.aborted)
          dispatch({ type: 'diagnosed', attempt: checkingAttempt, diagnosis: diagnoseVmi(kind, got, undefined, may) });
      },
      async (err: unknown) => {
        const may = await allowed;
        if (!abort.signal.aborted)
          dispatch({ type: 'diagnosed', attempt: checkingAttempt, diagnosis: diagnoseVmi(kind, undefined, err, may) });
      },
    );
    return () => abort.abort();
  }, [checkingAttempt, kind, namespace, vmiName]);

  // The uid of a running VMI: it changes when the VMI starts (again) or is replaced. The first
  // answer of the watch is where we start from, not a change.
  const runningUid = vmiLoading ? undefined : vmiRunning ? (vmi?.metadata?.uid ?? 'running') : null;
  const lastRunningUid = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (runningUid === undefined) return;
    const before = lastRunningUid.current;
    lastRunningUid.current = runningUid;
    if (before !== undefined && runningUid && runningUid !== before) dispatch({ type: 'vmi-running' });
  }, [runningUid]);

  return { state, dispatch, vmi, vmiRunning };
}
