/** The actions of a VirtualMachineInstance as data: `{id, label, disabledReason, run}`, and their requests. */
import { k8sCreate, k8sDelete, k8sPutSubresource } from '../../../k8s/client';
import { VirtualMachineInstanceMigrationModel, VirtualMachineInstanceModel } from '../../../k8s/models';
import { nameOf, namespaceOf } from '../../../k8s/meta';
import type { VMI } from '../../../kubevirt/vmi-selectors';
import type { ActionState } from '../../../kubevirt/action-rules';
import { vmiActionStates, type VmiAccess, type VmiActionId } from '../../../kubevirt/vmi-action-rules';

export interface VmiDeleteOptions {
  /** Overrides the VMI's terminationGracePeriodSeconds; undefined keeps it. */
  gracePeriodSeconds?: number;
}

/** A VMI action as data (src/kubevirt/vmi-action-rules.ts) with its request; delete asks for the name first. */
export interface VmiAction extends ActionState<VmiActionId> {
  /** Sends the request; rejects with a K8sError carrying the server's Status. */
  run: (options?: VmiDeleteOptions) => Promise<unknown>;
}

/** PUT subresources.kubevirt.io/v1/namespaces/<ns>/virtualmachineinstances/<name>/pause|unpause. */
export const putVmiSubresource = (vmi: VMI, verb: 'pause' | 'unpause'): Promise<unknown> =>
  k8sPutSubresource(
    VirtualMachineInstanceModel,
    nameOf(vmi),
    verb,
    {},
    { namespace: namespaceOf(vmi), kubevirt: true },
  );

/**
 * A live migration of the VMI: a VirtualMachineInstanceMigration naming it (what the VM's migrate
 * subresource creates; a VMI without a VM has no such subresource).
 */
export const migrateVmi = (vmi: VMI): Promise<unknown> =>
  k8sCreate(VirtualMachineInstanceMigrationModel, {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstanceMigration',
    metadata: { generateName: `${nameOf(vmi)}-migration-`, namespace: namespaceOf(vmi) },
    spec: { vmiName: nameOf(vmi) },
  });

export const deleteVmi = (vmi: VMI, o: VmiDeleteOptions = {}): Promise<unknown> =>
  k8sDelete(VirtualMachineInstanceModel, nameOf(vmi), {
    namespace: namespaceOf(vmi),
    gracePeriodSeconds: o.gracePeriodSeconds,
  });

function request(id: VmiActionId, vmi: VMI): VmiAction['run'] {
  switch (id) {
    case 'pause':
    case 'unpause':
      return () => putVmiSubresource(vmi, id);
    case 'migrate':
      return () => migrateVmi(vmi);
    case 'delete':
      return (options) => deleteVmi(vmi, options);
  }
}

/** Every action of a VMI, in menu order, each enabled or disabled with its reason. */
export function vmiActions(vmi: VMI, access: VmiAccess): VmiAction[] {
  return vmiActionStates(vmi, access).map((state) => ({ ...state, run: request(state.id, vmi) }));
}
