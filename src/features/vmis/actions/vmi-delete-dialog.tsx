import { Content } from '@patternfly/react-core';
import { useMemo } from 'react';
import { DeleteDialog } from '../../../components/delete-dialog';
import { VirtualMachineModel } from '../../../k8s/models';
import { useK8sGet } from '../../../k8s/watch/use-k8s-get';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { vmRunStrategy } from '../../../kubevirt/run-strategy';
import { vmiOwnerVmName, type VMI } from '../../../kubevirt/vmi-selectors';
import { useVmiActionRunner } from './use-vmi-action-runner';
import { FULL_VMI_ACCESS, vmiDeleteConsequence } from '../../../kubevirt/vmi-action-rules';
import { vmiActions } from './vmi-actions';

export interface VmiDeleteDialogProps {
  vmi: VMI;
  onClose: () => void;
  /** After the API accepted the delete (the VMI may still be terminating). */
  onDeleted?: () => void;
}

/** Type the name to delete a VMI; says whether its VirtualMachine restarts or stops it. */
export function VmiDeleteDialog({ vmi, onClose, onDeleted }: VmiDeleteDialogProps) {
  const { run } = useVmiActionRunner();
  const name = nameOf(vmi);
  const namespace = namespaceOf(vmi);
  const owner = vmiOwnerVmName(vmi);
  const grace = vmi.spec?.terminationGracePeriodSeconds;
  // The owner's run strategy decides what the delete does (no owner: nothing to read).
  const { data: vm } = useK8sGet(VirtualMachineModel, owner, namespace);
  // The menu or toolbar that opened the dialog has already checked access and state.
  const action = useMemo(() => vmiActions(vmi, FULL_VMI_ACCESS).find((a) => a.id === 'delete'), [vmi]);
  return (
    <DeleteDialog
      title="Delete VirtualMachine instance?"
      expected={name}
      hasDataVolumes={false}
      gracePlaceholder={grace !== undefined ? `Default: ${grace}` : 'Default'}
      errorTitle="The VirtualMachine instance was not deleted"
      onClose={onClose}
      onDelete={async (options) => {
        if (!action) return;
        await run(action, vmi, { options: { gracePeriodSeconds: options.gracePeriodSeconds }, silent: true });
        onDeleted?.();
      }}
    >
      <Content component="p">
        The VirtualMachine instance <strong>{name}</strong> in namespace <strong>{namespace}</strong> will be deleted
        and its guest stopped.
      </Content>
      <Content component="p" id={`vmi-${namespace}-${name}-delete-consequence`}>
        {vmiDeleteConsequence(vmi, owner && vm ? vmRunStrategy(vm) : undefined)}
      </Content>
    </DeleteDialog>
  );
}
