import { describe, expect, it } from 'vitest';
import { portText, serviceRows, type RowInput } from './service-rows';
import { exampleVm, node, service, vmiOf } from './test-fixtures';
import type { VM } from './types';

const vm: VM = (() => {
  const v = exampleVm('demo');
  const spec = v.spec.template!.spec!;
  return {
    ...v,
    spec: {
      ...v.spec,
      template: {
        ...v.spec.template,
        spec: { ...spec, volumes: [{ name: 'ci', cloudInitNoCloud: { userData: '#cloud-config\nuser: cirros\n' } }] },
      },
    },
  };
})();

const input = (over: Partial<RowInput> = {}): RowInput => ({
  services: [
    service(
      'ssh',
      { 'vmi.kubevirt.io/id': 'vm-cirros' },
      [{ name: 'ssh', port: 22, targetPort: 22, nodePort: 30022 }],
      'demo',
      'NodePort',
    ),
    service('kubernetes', undefined, [{ port: 443 }], 'default'),
  ],
  vms: [vm],
  vmis: [vmiOf(vm)],
  routes: [],
  slices: [
    {
      metadata: { name: 'ssh-x', namespace: 'demo', labels: { 'kubernetes.io/service-name': 'ssh' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.0.5'], conditions: { ready: true }, nodeName: 'node02' }],
    },
  ],
  endpoints: [],
  nodes: [
    node('node01', [{ type: 'InternalIP', address: '192.168.66.101' }]),
    node('node02', [{ type: 'InternalIP', address: '192.168.66.102' }]),
  ],
  ...over,
});

describe('serviceRows', () => {
  it('keeps Services that select a VM, with readiness and an ssh hint on the node of the endpoint', () => {
    const rows = serviceRows(input());
    expect(rows.map((r) => r.key)).toEqual(['demo/ssh']);
    const [row] = rows;
    expect(row.targets).toEqual([{ kind: 'VirtualMachine', name: 'vm-cirros', namespace: 'demo' }]);
    expect(row.readiness).toEqual({ ready: 1, total: 1, nodes: ['node02'] });
    expect(row.hints[0].value).toBe('ssh cirros@192.168.66.102 -p 30022');
  });

  it('reads v1 Endpoints when EndpointSlices are not served, and lists external addresses', () => {
    const lb = service('lb', { 'vm.kubevirt.io/name': 'vm-cirros' }, [{ port: 80 }], 'demo', 'LoadBalancer');
    lb.status = { loadBalancer: { ingress: [{ ip: '192.168.10.1' }] } };
    const rows = serviceRows(
      input({
        services: [lb],
        slices: undefined,
        endpoints: [
          { metadata: { name: 'lb', namespace: 'demo' }, subsets: [{ notReadyAddresses: [{ ip: '10.0.0.1' }] }] },
        ],
      }),
    );
    expect(rows[0].readiness).toEqual({ ready: 0, total: 1, nodes: [] });
    expect(rows[0].externalAddresses).toEqual(['192.168.10.1']);
  });

  it('formats ports', () => {
    expect(portText({ name: 'ssh', port: 22, targetPort: 22, protocol: 'TCP' })).toBe('ssh 22/TCP');
    expect(portText({ port: 2222, targetPort: 22 })).toBe('2222/TCP → 22');
  });
});
