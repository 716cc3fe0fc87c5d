/** The Service `virtctl expose vm <name>` would create, from the Expose form. Pure. */
import { effectiveTargetPort, parsePort, type ExposeForm } from './expose-form';
import type { Service, VM } from './types';
import { nameOf, namespaceOf } from '../../../k8s/meta';

/** Who made the Service, so people (and the console) can tell. */
export const EXPOSED_BY_LABEL = 'kubevirt-console.io/exposed-vm';

export interface VmRef {
  name: string;
  namespace: string;
  uid?: string;
}

export const vmRefOf = (vm: VM): VmRef => ({
  name: nameOf(vm),
  namespace: namespaceOf(vm),
  uid: vm.metadata?.uid,
});

/**
 * A Service selecting the VM's launcher pod by `form.selectorLabel`, with one port.
 * With `ownedByVm` (and a uid) it carries an ownerReference to the VM, so deleting the VM deletes it.
 * Throws when the ports do not parse: validate the form first.
 */
export function buildService(form: ExposeForm, vm: VmRef): Service {
  const port = parsePort(form.port);
  const targetPort = effectiveTargetPort(form);
  if (port === undefined || targetPort === undefined)
    throw new Error('The ports are not numbers: validate the form first');
  const owner =
    form.ownedByVm && vm.uid
      ? [{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: vm.name, uid: vm.uid }]
      : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: form.name,
      namespace: vm.namespace,
      labels: { [EXPOSED_BY_LABEL]: vm.name },
      ...(owner ? { ownerReferences: owner } : {}),
    },
    spec: {
      type: form.type,
      selector: { [form.selectorLabel]: vm.name },
      ports: [
        {
          ...(form.portName.trim() ? { name: form.portName.trim() } : {}),
          protocol: form.protocol,
          port,
          targetPort,
        },
      ],
    },
  };
}
