/** Small VM and VMI builders for unit tests (not bundled: only tests import this). */
import type { PrintableStatus } from './printable-status';
import type { RunStrategy } from './run-strategy';
import type { VM } from './vm-selectors';
import type { VMI } from './vmi-selectors';

export interface VmiFixture {
  name?: string;
  namespace?: string;
  phase?: string;
  node?: string;
  paused?: boolean;
  migratable?: boolean | { reason: string; message: string };
  deleting?: boolean;
  migrating?: boolean;
  /** The controlling VirtualMachine's name (an ownerReference). */
  owner?: string;
}

export function makeVmi(o: VmiFixture = {}): VMI {
  const conditions = [];
  if (o.paused) conditions.push({ type: 'Paused', status: 'True', reason: 'PausedByUser' });
  if (o.migratable === true) conditions.push({ type: 'LiveMigratable', status: 'True' });
  else if (o.migratable) conditions.push({ type: 'LiveMigratable', status: 'False', ...o.migratable });
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: {
      name: o.name ?? 'vm1',
      namespace: o.namespace ?? 'ns1',
      ...(o.deleting ? { deletionTimestamp: '2026-01-02T00:00:00Z' } : {}),
      ...(o.owner
        ? {
            ownerReferences: [
              {
                apiVersion: 'kubevirt.io/v1',
                kind: 'VirtualMachine',
                name: o.owner,
                uid: `uid-${o.owner}`,
                controller: true,
              },
            ],
          }
        : {}),
    },
    spec: { domain: { devices: {} } },
    status: {
      phase: o.phase ?? 'Running',
      nodeName: o.node,
      conditions,
      ...(o.migrating ? { migrationState: { startTimestamp: '2026-01-01T00:00:00Z', completed: false } } : {}),
    },
  };
}

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
