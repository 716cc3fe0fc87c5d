/** Small VM and VMI builders for unit tests (not bundled: only tests import this). */
import type { PrintableStatus } from '../status/printable-status';
import type { RunStrategy, VM } from '../selectors';

export interface VmFixture {
  name?: string;
  namespace?: string;
  status?: PrintableStatus;
  runStrategy?: RunStrategy;
  labels?: Record<string, string>;
  created?: string;
  deleting?: boolean;
}

export function makeVm(o: VmFixture = {}): VM {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name: o.name ?? 'vm1',
      namespace: o.namespace ?? 'ns1',
      uid: `uid-${o.name ?? 'vm1'}`,
      labels: o.labels,
      creationTimestamp: o.created ?? '2026-01-01T00:00:00Z',
      ...(o.deleting ? { deletionTimestamp: '2026-01-02T00:00:00Z' } : {}),
    },
    spec: { runStrategy: o.runStrategy ?? 'Halted', template: { spec: { domain: { devices: {} } } } },
    status: { printableStatus: o.status ?? 'Stopped' },
  };
}

// The VMI builder is shared with the VMI pages' tests.
export { makeVmi, type VmiFixture } from '../../../kubevirt/testing';
