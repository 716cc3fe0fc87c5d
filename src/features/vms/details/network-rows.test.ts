import type { V1VirtualMachine, V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { networkRows } from './network-rows';

const vm: V1VirtualMachine = {
  metadata: { name: 'vm1' },
  spec: {
    template: {
      spec: {
        domain: {
          devices: {
            interfaces: [
              { name: 'default', masquerade: {} },
              { name: 'storage', bridge: {}, model: 'e1000e', macAddress: '02:00:00:00:00:02' },
            ],
          },
        },
        networks: [{ name: 'default', pod: {} }, { name: 'storage', multus: { networkName: 'ns/storage-net' } }],
      },
    },
  },
};

describe('networkRows', () => {
  it('shows the spec when the VM is stopped', () => {
    expect(networkRows(vm)).toEqual([
      { name: 'default', model: 'virtio', binding: 'masquerade', network: 'Pod networking', mac: undefined, ips: [] },
      { name: 'storage', model: 'e1000e', binding: 'bridge', network: 'ns/storage-net', mac: '02:00:00:00:00:02', ips: [] },
    ]);
  });

  it('adds MACs and IPs from the running VMI, and interfaces only the guest reports', () => {
    const vmi: V1VirtualMachineInstance = {
      spec: { domain: { devices: {} } },
      status: {
        interfaces: [
          { name: 'default', mac: '02:00:00:aa:bb:cc', ipAddress: '10.0.2.2', ipAddresses: ['10.0.2.2', 'fd10::2'] },
          { name: 'storage', mac: '02:00:00:00:00:02', ipAddress: '192.168.1.5' },
          { name: 'eth9', interfaceName: 'eth9', mac: '02:00:00:00:00:09', infoSource: 'guest-agent' },
        ],
      },
    };
    const rows = networkRows(vm, vmi);
    expect(rows.map((r) => [r.name, r.mac, r.ips])).toEqual([
      ['default', '02:00:00:aa:bb:cc', ['10.0.2.2', 'fd10::2']],
      ['storage', '02:00:00:00:00:02', ['192.168.1.5']],
      ['eth9', '02:00:00:00:00:09', []],
    ]);
    expect(rows[2].network).toBe('Reported by guest-agent');
  });
});
