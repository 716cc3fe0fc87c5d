import type { V1beta1DataVolume } from '@kubevirt-ui-ext/kubevirt-api/containerized-data-importer';
import type { V1VirtualMachine } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { dataVolumeNames, diskRows, parseProgress } from './disk-rows';

const vm: V1VirtualMachine = {
  metadata: { name: 'vm1', namespace: 'ns' },
  spec: {
    dataVolumeTemplates: [
      {
        metadata: { name: 'root-dv' },
        spec: { storage: { resources: { requests: { storage: '2Gi' } } }, source: { http: { url: 'http://x' } } },
      },
    ],
    template: {
      spec: {
        domain: {
          devices: {
            disks: [
              { name: 'root', disk: { bus: 'virtio' }, bootOrder: 1 },
              { name: 'cd', cdrom: {} },
              { name: 'cloudinit', disk: {} },
              { name: 'data', disk: { bus: 'sata' } },
            ],
          },
        },
        volumes: [
          { name: 'root', dataVolume: { name: 'root-dv' } },
          { name: 'cd', containerDisk: { image: 'quay.io/containerdisks/fedora:latest' } },
          { name: 'cloudinit', cloudInitNoCloud: { userData: '#cloud-config' } },
          { name: 'data', persistentVolumeClaim: { claimName: 'data-pvc' } },
          { name: 'scratch', emptyDisk: { capacity: '1Gi' } },
        ],
      },
    },
  },
};

describe('diskRows', () => {
  const dv: V1beta1DataVolume = {
    metadata: { name: 'root-dv' },
    spec: {},
    status: { phase: 'ImportInProgress', progress: '45.67%' },
  };

  it('adds sizes from DataVolume templates, claims and empty disks', () => {
    const rows = diskRows(vm, [dv], [{ metadata: { name: 'data-pvc' }, status: { capacity: { storage: '5Gi' } } }]);
    expect(rows.map((r) => [r.name, r.kind, r.source.type, r.source.ref, r.size])).toEqual([
      ['root', 'disk', 'dataVolume', 'root-dv', '2Gi'],
      ['cd', 'cdrom', 'containerDisk', 'quay.io/containerdisks/fedora:latest', undefined],
      ['cloudinit', 'disk', 'cloudInitNoCloud', undefined, undefined],
      ['data', 'disk', 'persistentVolumeClaim', 'data-pvc', '5Gi'],
      ['scratch', undefined, 'emptyDisk', undefined, '1Gi'],
    ]);
    expect(rows[0].dataVolume).toEqual({ phase: 'ImportInProgress', percent: 45.67, text: '45.67%' });
    expect(rows[0].bootOrder).toBe(1);
  });

  it("carries the importer's failure while CDI retries it, and a failed phase's message", () => {
    const failing: V1beta1DataVolume = {
      metadata: { name: 'root-dv' },
      spec: {},
      status: {
        phase: 'ImportInProgress',
        progress: 'N/A',
        restartCount: 2,
        conditions: [
          { type: 'Bound', status: 'True' },
          {
            type: 'Running',
            status: 'False',
            reason: 'Error',
            message: 'Unable to connect to http data source: no such host',
          },
        ],
      },
    };
    expect(diskRows(vm, [failing])[0].dataVolume).toEqual({
      phase: 'ImportInProgress',
      percent: undefined,
      text: 'N/A',
      error: 'Unable to connect to http data source: no such host',
      restarts: 2,
    });
    const done = {
      ...failing,
      status: { phase: 'Succeeded', conditions: [{ type: 'Running', status: 'False', reason: 'Completed' }] },
    };
    expect(diskRows(vm, [done as V1beta1DataVolume])[0].dataVolume?.error).toBeUndefined();
    const failed = {
      ...failing,
      status: {
        phase: 'Failed',
        conditions: [{ type: 'Ready', status: 'False', message: 'DataVolume clone source missing' }],
      },
    };
    expect(diskRows(vm, [failed as V1beta1DataVolume])[0].dataVolume?.error).toBe('DataVolume clone source missing');
  });

  it('has no progress for a DataVolume that does not exist yet', () => {
    expect(diskRows(vm)[0].dataVolume).toBeUndefined();
  });

  it('names the DataVolumes the VM uses', () => {
    expect(dataVolumeNames(vm)).toEqual(['root-dv']);
  });

  it("prefers the live DataVolume's requested size", () => {
    const bigger: V1beta1DataVolume = { ...dv, spec: { pvc: { resources: { requests: { storage: '3Gi' } } } } };
    expect(diskRows(vm, [bigger])[0].size).toBe('3Gi');
  });
});

describe('parseProgress', () => {
  it("reads CDI's progress strings", () => {
    expect(parseProgress('45.67%')).toBe(45.67);
    expect(parseProgress('100.0%')).toBe(100);
    expect(parseProgress('N/A')).toBeUndefined();
    expect(parseProgress(undefined)).toBeUndefined();
  });
});
