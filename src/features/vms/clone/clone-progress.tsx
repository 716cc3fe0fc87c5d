import { Button, ProgressStep, ProgressStepper } from '@patternfly/react-core';
import { Link } from 'react-router';
import { describeError } from '../../../components/error-details';
import { EventModel } from '../../../k8s/models';
import { VirtualMachineCloneModel } from '../../../k8s/snapshot-models';
import { useK8sList } from '../../../k8s/watch/use-k8s-list';
import { eventsOfKindSelector, isWarning, mergeEventsNewestFirst } from '../../../kubevirt/event-sources';
import { useK8sGet } from '../../../k8s/watch/use-k8s-get';
import { namespacedPath } from '../../../lib/routes';
import {
  CLONE_PHASES,
  CLONE_PHASE_LABELS,
  cloneMessage,
  clonePhaseIndex,
  cloneState,
  cloneTargetName,
} from '../../../kubevirt/restore-clone-rules';
import { OperationStatus } from '../snapshots/operation-status';

/** Follows a VirtualMachineClone, live, through KubeVirt's phases to a link to the new VM. */
export function CloneProgress({ name, namespace }: { name: string; namespace: string }) {
  const { data: clone, error } = useK8sGet(VirtualMachineCloneModel, name, namespace);
  // KubeVirt reports what holds a clone back (a taken target name...) as Warning events on it.
  const events = useK8sList(EventModel, {
    namespace,
    fieldSelector: eventsOfKindSelector('VirtualMachineClone', name),
  });
  const warning = mergeEventsNewestFirst([events.data]).find(isWarning);
  if (!clone) {
    return error ? (
      <OperationStatus id="clone-status" state="failed" title="Cannot follow the clone">
        {describeError(error).message}
      </OperationStatus>
    ) : (
      <OperationStatus id="clone-status" state="progressing" title={`Clone ${name} created`} />
    );
  }
  const state = cloneState(clone);
  const at = clonePhaseIndex(clone);
  const target = cloneTargetName(clone);
  const phase = clone.status?.phase ?? '';
  return (
    <>
      <ProgressStepper isCenterAligned aria-label="Clone phases" id="clone-phases">
        {CLONE_PHASES.map((p, i) => {
          const variant =
            state === 'failed' && i === Math.max(at, 0)
              ? 'danger'
              : state === 'succeeded' || i < at
                ? 'success'
                : i === at
                  ? 'info'
                  : 'pending';
          return (
            <ProgressStep
              key={p}
              id={`clone-phase-${p}`}
              titleId={`clone-phase-${p}-title`}
              variant={variant}
              isCurrent={i === at}
              aria-label={`${CLONE_PHASE_LABELS[p]}: ${variant}`}
            >
              {CLONE_PHASE_LABELS[p]}
            </ProgressStep>
          );
        })}
      </ProgressStepper>
      <OperationStatus
        id="clone-status"
        state={state}
        title={
          state === 'succeeded'
            ? `Virtual machine ${target} created`
            : state === 'failed'
              ? `Clone ${name} failed`
              : (CLONE_PHASE_LABELS[phase] ?? phase)
        }
        message={cloneMessage(clone)}
      >
        {state !== 'succeeded' && warning && (
          <p id="clone-status-warning">
            {warning.reason}: {warning.message}
          </p>
        )}
        {state === 'succeeded' && target && (
          <Button
            variant="link"
            isInline
            id="clone-target-link"
            component={(props: object) => <Link {...props} to={namespacedPath('virtualmachines', namespace, target)} />}
          >
            Open {target}
          </Button>
        )}
      </OperationStatus>
    </>
  );
}
