import { MigrationIcon } from '@patternfly/react-icons/dist/esm/icons/migration-icon';
import { PauseIcon } from '@patternfly/react-icons/dist/esm/icons/pause-icon';
import { PlayIcon } from '@patternfly/react-icons/dist/esm/icons/play-icon';
import { TrashIcon } from '@patternfly/react-icons/dist/esm/icons/trash-icon';
import { useMemo, useState } from 'react';
import { ActionToolbar } from '../../../components/actions/action-toolbar';
import { ActionMenuList, ActionsKebab } from '../../../components/actions/actions-kebab';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import type { VMI } from '../../../kubevirt/vmi-selectors';
import { useVmiAccess } from './use-vmi-access';
import { useVmiActionRunner } from './use-vmi-action-runner';
import { vmiActions, type VmiAction } from './vmi-actions';
import { VmiDeleteDialog } from './vmi-delete-dialog';

const ICONS = { pause: <PauseIcon />, unpause: <PlayIcon />, migrate: <MigrationIcon />, delete: <TrashIcon /> };
const DANGER = ['delete'] as const;

/** "vmi-<ns>-<name>": the prefix of a VMI's ids (row, cells, actions). */
export const vmiIdPrefix = (vmi: VMI): string => `vmi-${namespaceOf(vmi)}-${nameOf(vmi)}`;

/** The VMI's actions with the user's access, and what picking one does (delete asks first). */
function useVmiActionsState(vmi: VMI, onDelete: () => void) {
  const access = useVmiAccess(namespaceOf(vmi));
  const actions = useMemo(() => vmiActions(vmi, access), [vmi, access]);
  const { run } = useVmiActionRunner();
  const pick = (a: VmiAction) => {
    if (a.disabledReason) return;
    if (a.needsConfirmation) onDelete();
    // Failures are shown by VmiActionAlerts.
    else run(a, vmi).catch(() => undefined);
  };
  return { actions, pick };
}

export interface VmiActionsProps {
  vmi: VMI;
  /** Called once a delete has been accepted (the details page goes back to the list). */
  onDeleted?: () => void;
}

/** Buttons for the VMI's page: disabled ones say why (tooltip and accessible description). */
export function VmiActionsToolbar({ vmi, onDeleted }: VmiActionsProps) {
  const [deleting, setDeleting] = useState(false);
  const { actions, pick } = useVmiActionsState(vmi, () => setDeleting(true));
  return (
    <>
      <ActionToolbar
        idPrefix={vmiIdPrefix(vmi)}
        ariaLabel={`Actions for ${nameOf(vmi)}`}
        actions={actions}
        icons={ICONS}
        danger={DANGER}
        onRun={pick}
      />
      {deleting && <VmiDeleteDialog vmi={vmi} onClose={() => setDeleting(false)} onDeleted={onDeleted} />}
    </>
  );
}

/** Mounted only while the kebab is open: the access reviews run then. */
function VmiMenuItems({
  vmi,
  toggleId,
  close,
  onDelete,
}: {
  vmi: VMI;
  toggleId: string;
  close: () => void;
  onDelete: () => void;
}) {
  const { actions, pick } = useVmiActionsState(vmi, onDelete);
  return (
    <ActionMenuList
      toggleId={toggleId}
      actions={actions}
      danger={DANGER}
      onPick={(a) => {
        close();
        pick(a);
      }}
    />
  );
}

/** A row's kebab with every action of the VMI; unavailable ones are disabled with their reason. */
export function VmiActionsMenu({ vmi }: { vmi: VMI }) {
  const toggleId = `${vmiIdPrefix(vmi)}-actions-toggle`;
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <ActionsKebab toggleId={toggleId} ariaLabel={`Actions for ${nameOf(vmi)}`}>
        {(close) => <VmiMenuItems vmi={vmi} toggleId={toggleId} close={close} onDelete={() => setDeleting(true)} />}
      </ActionsKebab>
      {deleting && <VmiDeleteDialog vmi={vmi} onClose={() => setDeleting(false)} />}
    </>
  );
}
