import { MenuToggle } from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { lazy, Suspense, useState } from 'react';
import { vmActionsToggleId } from '../actions/vm-actions-toggle-id';
import { nameOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';
import { type VMI } from '../../../kubevirt/vmi-selectors';

const VmActionsMenu = lazy(() => import('../actions/vm-actions-menu').then((m) => ({ default: m.VmActionsMenu })));

/**
 * A row's kebab. Until its first click it is only the toggle: the menu (its popper, the action
 * rules, the access checks and the delete dialog) loads then, which keeps 10,000-VM pages light
 * and that code out of the list's first load. The menu mounts open, with the focus on its toggle.
 */
export function RowActions({ vm, vmi }: { vm: VM; vmi: VMI | undefined }) {
  const [used, setUsed] = useState(false);
  const placeholder = (
    <MenuToggle
      id={vmActionsToggleId(vm)}
      variant="plain"
      aria-label={`Actions for ${nameOf(vm)}`}
      isExpanded={false}
      onClick={() => setUsed(true)}
      icon={<EllipsisVIcon />}
    />
  );
  if (!used) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <VmActionsMenu vm={vm} vmi={vmi} defaultOpen />
    </Suspense>
  );
}
