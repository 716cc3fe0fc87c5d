/** Objects for this feature's unit tests (only tests import this): the real vm-cirros example, small Services. */
// The real KubeVirt example copied into test/fixtures.
import { fixture } from '../../../../test/support/fixtures';
import type { Node, Service, ServicePort, VM, VMI } from './types';

export function exampleVm(namespace = 'ns1'): VM {
  const [vm] = fixture<VM>('kubevirt-examples/vm-cirros.yaml');
  return { ...vm, metadata: { ...vm.metadata, namespace, uid: 'uid-vm-cirros' } };
}

export function vmiOf(vm: VM, extraLabels: Record<string, string> = {}): VMI {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: {
      name: vm.metadata?.name,
      namespace: vm.metadata?.namespace,
      labels: { ...(vm.spec?.template?.metadata?.labels ?? {}), 'kubevirt.io/nodeName': 'node02', ...extraLabels },
    },
    spec: { domain: { devices: {} } },
    status: { phase: 'Running', nodeName: 'node02' },
  };
}

export function service(
  name: string,
  selector: Record<string, string> | undefined,
  ports: ServicePort[] = [{ port: 22, targetPort: 22, protocol: 'TCP' }],
  namespace = 'ns1',
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' = 'ClusterIP',
): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { type, selector, ports } };
}

export function node(name: string, addresses: Array<{ type: string; address: string }>): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { addresses } };
}
