import { describe, expect, it } from 'vitest';
import { printableStatus, type PrintableStatusContext } from './printable-status.js';
import type { DataVolume, PVC, VM, VMI } from './types.js';

const ctx = (over: Partial<PrintableStatusContext> = {}): PrintableStatusContext => ({
  dataVolumes: new Map(),
  pvcs: new Map(),
  ...over,
});

const vm = (
  spec: Record<string, unknown> = {},
  meta: Record<string, unknown> = {},
  status: Record<string, unknown> = {},
): VM => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'vm1', namespace: 'default', uid: 'vm-uid', ...meta },
  spec: { runStrategy: 'Always', template: { spec: { domain: { devices: {} }, volumes: [] } }, ...spec },
  status,
});

const vmi = (
  phase: string,
  conditions: unknown[] = [],
  extra: Record<string, unknown> = {},
  meta: Record<string, unknown> = {},
): VMI =>
  ({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'vm1', namespace: 'default', uid: 'vmi-uid', ...meta },
    spec: { domain: {} },
    status: { phase, conditions, ...extra },
  }) as VMI;

const dvVm = vm({
  template: { spec: { domain: { devices: {} }, volumes: [{ name: 'd', dataVolume: { name: 'dv1' } }] } },
});
const dv = (phase: string, conditions: unknown[] = []): DataVolume =>
  ({ metadata: { name: 'dv1' }, spec: {}, status: { phase, conditions } }) as unknown as DataVolume;

describe('printableStatus', () => {
  it('is Stopped for a VM without VMI and no start expected', () => {
    expect(printableStatus(vm({ runStrategy: 'Halted' }), undefined, ctx())).toBe('Stopped');
  });
  it('is Starting while a start is expected or the VMI is not yet running', () => {
    expect(printableStatus(vm(), undefined, ctx({ startExpected: true }))).toBe('Starting');
    for (const p of ['', 'Pending', 'Scheduling', 'Scheduled'])
      expect(printableStatus(vm(), vmi(p), ctx())).toBe('Starting');
  });
  it('Running, Paused, Migrating in that precedence', () => {
    expect(printableStatus(vm(), vmi('Running'), ctx())).toBe('Running');
    const paused = vmi('Running', [{ type: 'Paused', status: 'True', reason: 'PausedByUser' }]);
    expect(printableStatus(vm(), paused, ctx())).toBe('Paused');
    const migrating = vmi('Running', [{ type: 'Paused', status: 'True' }], {
      migrationState: { startTimestamp: '2024-01-01T00:00:00Z' },
    });
    expect(printableStatus(vm(), migrating, ctx())).toBe('Migrating');
  });
  it('Terminating beats everything, Stopping beats Running', () => {
    expect(printableStatus(vm({}, { deletionTimestamp: 'x' }), vmi('Running'), ctx())).toBe('Terminating');
    expect(printableStatus(vm(), vmi('Running', [], {}, { deletionTimestamp: 'x' }), ctx())).toBe('Stopping');
    expect(printableStatus(vm(), vmi('Running'), ctx({ stopExpected: true }))).toBe('Stopping');
    expect(printableStatus(vm(), vmi('Succeeded', [], {}, { deletionTimestamp: 'x' }), ctx())).toBe('Stopped');
  });
  it('maps VMI conditions to error statuses', () => {
    const sync = (reason: string) => vmi('Pending', [{ type: 'Synchronized', status: 'False', reason }]);
    expect(printableStatus(vm(), sync('FailedPvcNotFound'), ctx())).toBe('ErrorPvcNotFound');
    expect(printableStatus(vm(), sync('ErrImagePull'), ctx())).toBe('ErrImagePull');
    expect(printableStatus(vm(), sync('ImagePullBackOff'), ctx())).toBe('ImagePullBackOff');
    const unsched = vmi('Scheduling', [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }]);
    expect(printableStatus(vm(), unsched, ctx())).toBe('ErrorUnschedulable');
  });
  it('Provisioning while a DataVolume imports, DataVolumeError when it fails', () => {
    expect(printableStatus(dvVm, undefined, ctx({ dataVolumes: new Map([['dv1', dv('ImportInProgress')]]) }))).toBe(
      'Provisioning',
    );
    expect(printableStatus(dvVm, undefined, ctx({ dataVolumes: new Map([['dv1', dv('Succeeded')]]) }))).toBe('Stopped');
    expect(printableStatus(dvVm, undefined, ctx({ dataVolumes: new Map([['dv1', dv('Failed')]]) }))).toBe(
      'DataVolumeError',
    );
    const retrying = dv('ImportInProgress', [{ type: 'Running', status: 'False', reason: 'Error' }]);
    expect(printableStatus(dvVm, undefined, ctx({ dataVolumes: new Map([['dv1', retrying]]) }))).toBe(
      'DataVolumeError',
    );
  });
  it('WaitingForVolumeBinding only when set to start', () => {
    const pvcs = new Map([['dv1', { metadata: { name: 'dv1' }, status: { phase: 'Pending' } } as PVC]]);
    const dvs = new Map([['dv1', dv('Succeeded')]]);
    expect(printableStatus(dvVm, undefined, ctx({ pvcs, dataVolumes: dvs }))).toBe('WaitingForVolumeBinding');
    const halted = { ...dvVm, spec: { ...dvVm.spec, runStrategy: 'Halted' } } as VM;
    expect(printableStatus(halted, undefined, ctx({ pvcs, dataVolumes: dvs }))).toBe('Stopped');
  });
  it('CrashLoopBackOff after start failures with a restarting strategy', () => {
    const failing = vm({}, {}, { startFailure: { consecutiveFailCount: 2 } });
    expect(printableStatus(failing, undefined, ctx())).toBe('CrashLoopBackOff');
    expect(printableStatus(failing, vmi('Failed'), ctx())).toBe('CrashLoopBackOff');
    const manual = vm({ runStrategy: 'Manual' }, {}, { startFailure: { consecutiveFailCount: 2 } });
    expect(printableStatus(manual, undefined, ctx())).toBe('Stopped');
  });
});
