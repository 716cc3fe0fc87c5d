import { VirtualMachineInstanceModel, VirtualMachineModel } from '../../../k8s/models';
import type { WatchTarget } from '../../../k8s/watch/watch-manager';
import type { VM, VMI } from '../selectors';

export interface VmListTargets {
  vms: WatchTarget<VM>;
  vmis: WatchTarget<VMI>;
}

/**
 * The two watched lists of the VM list page, for the page itself and for the route's loader,
 * which starts them while the page's code loads (same targets, so the page joins those watches).
 */
export const vmListTargets = (namespace: string | undefined): VmListTargets => ({
  vms: { model: VirtualMachineModel, selector: { namespace } },
  vmis: { model: VirtualMachineInstanceModel, selector: { namespace } },
});
