import { Flex } from '@patternfly/react-core';
import { CameraIcon } from '@patternfly/react-icons/dist/esm/icons/camera-icon';
import { CloneIcon } from '@patternfly/react-icons/dist/esm/icons/clone-icon';
import { MigrationIcon } from '@patternfly/react-icons/dist/esm/icons/migration-icon';
import { PauseIcon } from '@patternfly/react-icons/dist/esm/icons/pause-icon';
import { PlayIcon } from '@patternfly/react-icons/dist/esm/icons/play-icon';
import { RedoIcon } from '@patternfly/react-icons/dist/esm/icons/redo-icon';
import { StopIcon } from '@patternfly/react-icons/dist/esm/icons/stop-icon';
import { TrashIcon } from '@patternfly/react-icons/dist/esm/icons/trash-icon';
import { useMemo, useState, type ReactNode } from 'react';
import { ReasonButton } from '../../../components/disabled-reason';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
import { type VMI } from '../../../kubevirt/vmi-selectors';
import { useVmAccess } from './use-vm-access';
import { useVmActionRunner } from './use-vm-action-runner';
import type { VmActionId } from '../../../kubevirt/vm-action-rules';
import { vmActions, type VmAction } from './vm-actions';
import { VmActionDialog, type VmDialogActionId } from './vm-action-dialog';
import { VmDeleteDialog } from './vm-delete-dialog';

const ICONS: Record<VmActionId, ReactNode> = {
  start: <PlayIcon />,
  stop: <StopIcon />,
  restart: <RedoIcon />,
  pause: <PauseIcon />,
  unpause: <PlayIcon />,
  migrate: <MigrationIcon />,
  snapshot: <CameraIcon />,
  clone: <CloneIcon />,
  delete: <TrashIcon />,
};

export interface VmActionsToolbarProps {
  vm: VM;
  vmi?: VMI;
  onDeleted?: () => void;
}

function ActionButton({ vm, action, onClick }: { vm: VM; action: VmAction; onClick: () => void }) {
  return (
    <ReasonButton
      id={`vm-${namespaceOf(vm)}-${nameOf(vm)}-action-${action.id}`}
      variant={action.id === 'delete' ? 'danger' : 'secondary'}
      icon={ICONS[action.id]}
      disabledReason={action.disabledReason}
      onClick={onClick}
    >
      {action.label}
    </ReasonButton>
  );
}

/** A row of buttons, one per action (disabled ones say why: tooltip and accessible description), for a VM's page. */
export function VmActionsToolbar({ vm, vmi, onDeleted }: VmActionsToolbarProps) {
  const access = useVmAccess(namespaceOf(vm));
  const actions = useMemo(() => vmActions(vm, vmi, access), [vm, vmi, access]);
  const { run } = useVmActionRunner();
  const [deleting, setDeleting] = useState(false);
  const [dialog, setDialog] = useState<VmDialogActionId>();
  const click = (a: VmAction) => {
    if (a.disabledReason) return;
    if (a.needsConfirmation) setDeleting(true);
    else if (a.opensDialog) setDialog(a.id as VmDialogActionId);
    else run(a, vm).catch(() => undefined);
  };
  return (
    <Flex role="toolbar" aria-label={`Actions for ${nameOf(vm)}`} gap={{ default: 'gapSm' }}>
      {actions.map((a) => (
        <ActionButton key={a.id} vm={vm} action={a} onClick={() => click(a)} />
      ))}
      {dialog && <VmActionDialog id={dialog} vm={vm} vmi={vmi} onClose={() => setDialog(undefined)} />}
      {deleting && <VmDeleteDialog vm={vm} vmi={vmi} onClose={() => setDeleting(false)} onDeleted={onDeleted} />}
    </Flex>
  );
}
