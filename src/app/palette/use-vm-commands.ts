import { useMemo } from 'react';
import { accessDeniedReason } from '../../components/disabled-reason';
import { useAccessReview } from '../../k8s/access-review';
import { nameOf, namespaceOf } from '../../k8s/meta';
import { namespacedPath } from '../../lib/routes';
import type { VM } from '../../kubevirt/vm-selectors';
import type { VMI } from '../../kubevirt/vmi-selectors';
import { useVmAccess } from '../../features/vms/actions/use-vm-access';
import { vmActions, type VmAction } from '../../features/vms/actions/vm-actions';
import { vmDetailsPath } from '../../features/vms/details/tabs';
import type { PaletteCommand } from './commands';

export interface VmCommandHandlers {
  /** Leaves the palette for a page. */
  go: (path: string) => void;
  /** Runs a lifecycle action (the palette closes; a failure shows as a toast). */
  run: (action: VmAction, vm: VM) => void;
  /** Opens the action's dialog (Take snapshot, Clone, Delete) in place of the palette. */
  dialog: (action: VmAction, vm: VM) => void;
}

/**
 * What the palette offers for one VM: open it, its console, every lifecycle action of the menus
 * (src/features/vms/actions: the same rules, access reviews and disabled reasons) and Expose.
 */
export function useVmCommands(vm: VM | undefined, vmi: VMI | undefined, h: VmCommandHandlers): PaletteCommand[] {
  const namespace = namespaceOf(vm);
  const enabled = vm !== undefined;
  const access = useVmAccess(namespace, enabled);
  const canExpose = useAccessReview({ resource: 'services', verb: 'create', namespace }, { enabled });
  return useMemo(() => {
    if (!vm) return [];
    const name = nameOf(vm);
    const actions = vmActions(vm, vmi, access).map((a): PaletteCommand => ({
      id: `action-${a.id}`,
      label: a.label,
      badge: 'Action',
      disabledReason: a.disabledReason,
      danger: a.id === 'delete',
      run: () => (a.needsConfirmation || a.opensDialog ? h.dialog(a, vm) : h.run(a, vm)),
    }));
    const exposeReason = accessDeniedReason(canExpose, 'create services in this namespace');
    const expose: PaletteCommand = {
      id: 'expose',
      label: 'Expose',
      badge: 'Action',
      description: 'Create a Service for a port of the virtual machine',
      disabledReason: exposeReason,
      run: () => h.go(namespacedPath('virtualmachines', namespace, name, 'expose')),
    };
    const deleteAt = actions.findIndex((c) => c.id === 'action-delete');
    return [
      {
        id: 'open',
        label: 'Open',
        badge: 'Page',
        description: 'Details of the virtual machine',
        run: () => h.go(vmDetailsPath(namespace, name)),
      },
      {
        id: 'console',
        label: 'Open console',
        badge: 'Page',
        description: 'VNC and serial consoles',
        run: () => h.go(vmDetailsPath(namespace, name, 'console')),
      },
      ...actions.slice(0, deleteAt),
      expose,
      ...actions.slice(deleteAt),
    ];
  }, [vm, vmi, access, canExpose, namespace, h]);
}
