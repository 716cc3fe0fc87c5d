import { nameOf, namespaceOf } from '../../../k8s/meta';
import { type VM } from '../../../kubevirt/vm-selectors';

/** Stable id of a VM's kebab toggle (a module of its own: list rows use it before the menu loads). */
export const vmActionsToggleId = (vm: VM): string => `vm-${namespaceOf(vm)}-${nameOf(vm)}-actions-toggle`;
