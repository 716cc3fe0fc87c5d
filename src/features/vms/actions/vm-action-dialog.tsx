import { lazy, Suspense } from 'react';
import type { VmActionId } from '../../../kubevirt/vm-action-rules';
import type { VM } from '../../../kubevirt/vm-selectors';
import type { VMI } from '../../../kubevirt/vmi-selectors';

// Loaded when first opened: their forms stay out of the pages' first load.
const TakeSnapshotModal = lazy(() =>
  import('../snapshots/take-snapshot-modal').then((m) => ({ default: m.TakeSnapshotModal })),
);
const CloneModal = lazy(() => import('../clone/clone-modal').then((m) => ({ default: m.CloneModal })));

export type VmDialogActionId = Extract<VmActionId, 'snapshot' | 'clone'>;

/** The dialog of an action that opens one (Take snapshot, Clone). */
export function VmActionDialog({
  id,
  vm,
  vmi,
  onClose,
}: {
  id: VmDialogActionId;
  vm: VM;
  vmi?: VMI;
  onClose: () => void;
}) {
  return (
    <Suspense fallback={null}>
      {id === 'snapshot' ? (
        <TakeSnapshotModal vm={vm} vmi={vmi} onClose={onClose} />
      ) : (
        <CloneModal vm={vm} vmi={vmi} onClose={onClose} />
      )}
    </Suspense>
  );
}
