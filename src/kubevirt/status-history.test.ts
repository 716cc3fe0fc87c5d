import { describe, expect, it, vi } from 'vitest';
import { VirtualMachineInstanceModel, VirtualMachineModel, type K8sModel } from '../k8s/models';
import { StatusHistory, statusHistoryObserver, stayText } from './status-history';
import type { K8sResource } from '../k8s/types';
import { vmiBelongsToVm, type VMI } from './vmi-selectors';

let rv = 0;
const vm = (uid: string, printableStatus?: string, name = 'web') => ({
  metadata: { name, namespace: 'ns1', uid, resourceVersion: String(++rv) },
  status: printableStatus ? { printableStatus } : {},
});
const vmi = (uid: string, phase?: string, owner?: string): VMI => ({
  metadata: {
    name: 'web',
    namespace: 'ns1',
    uid,
    resourceVersion: String(++rv),
    ownerReferences: owner
      ? [{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'web', uid: owner, controller: true }]
      : [],
  },
  spec: { domain: { devices: {} } },
  status: phase ? { phase } : {},
});
const statuses = (h: StatusHistory, uid: string) => h.entries(uid).map((e) => e.status);

describe('StatusHistory', () => {
  it('keeps each status a VM passed through, oldest first, with the time it was seen', () => {
    const h = new StatusHistory();
    h.observe('VirtualMachine', 'LISTED', vm('u1', 'Stopped'), 1000);
    h.observe('VirtualMachine', 'MODIFIED', vm('u1', 'Starting'), 2000);
    h.observe('VirtualMachine', 'MODIFIED', vm('u1', 'Running'), 2050);
    expect(h.entries('u1')).toEqual([
      { status: 'Stopped', at: 1000 },
      { status: 'Starting', at: 2000 },
      { status: 'Running', at: 2050 },
    ]);
  });

  it('records a change only: consecutive equal statuses are one entry, a status seen again later is another', () => {
    const h = new StatusHistory();
    h.observe('VirtualMachine', 'ADDED', vm('u1', 'Running'), 1);
    expect(h.observe('VirtualMachine', 'MODIFIED', vm('u1', 'Running'), 2)).toBe(false);
    h.observe('VirtualMachine', 'MODIFIED', vm('u1', 'Paused'), 3);
    h.observe('VirtualMachine', 'MODIFIED', vm('u1', 'Paused'), 4);
    h.observe('VirtualMachine', 'MODIFIED', vm('u1', 'Running'), 5);
    expect(h.entries('u1')).toEqual([
      { status: 'Running', at: 1 },
      { status: 'Paused', at: 3 },
      { status: 'Running', at: 5 },
    ]);
  });

  it('keeps the newest entries only', () => {
    const h = new StatusHistory({ limit: 3 });
    for (const [i, s] of ['Stopped', 'Starting', 'Running', 'Stopping', 'Stopped'].entries())
      h.observe('VirtualMachine', 'MODIFIED', vm('u1', s), i);
    expect(statuses(h, 'u1')).toEqual(['Running', 'Stopping', 'Stopped']);
  });

  it('keys by uid: a VM made again with the same name starts afresh, and late events of the old one do not reach it', () => {
    const h = new StatusHistory();
    h.observe('VirtualMachine', 'LISTED', vm('old', 'Stopped'), 1);
    h.observe('VirtualMachine', 'MODIFIED', vm('old', 'Running'), 2);
    h.observe('VirtualMachineInstance', 'ADDED', vmi('old-vmi', 'Running', 'old'), 2);
    h.observe('VirtualMachine', 'DELETED', vm('old', 'Running'), 3);
    expect(h.entries('old')).toEqual([]);
    h.observe('VirtualMachine', 'ADDED', vm('new', 'Stopped'), 4);
    // The old VM's VMI and the old VM's deletion arrive late (a second watch, a slow shutdown).
    h.observe('VirtualMachineInstance', 'MODIFIED', vmi('old-vmi', 'Succeeded', 'old'), 5);
    h.observe('VirtualMachineInstance', 'DELETED', vmi('old-vmi', 'Succeeded', 'old'), 6);
    expect(h.observe('VirtualMachine', 'DELETED', vm('old', 'Stopped'), 7)).toBe(false);
    expect(h.entries('new')).toEqual([{ status: 'Stopped', at: 4 }]);
    expect(h.entries('old')).toEqual([]);
    expect(h.entries('old-vmi')).toEqual([]);
    expect(h.size).toBe(1);
  });

  it('counts an event that two watches deliver (the same resourceVersion) once', () => {
    const h = new StatusHistory();
    const starting = vm('u1', 'Starting');
    const running = vm('u1', 'Running');
    h.observe('VirtualMachine', 'MODIFIED', starting, 1);
    h.observe('VirtualMachine', 'MODIFIED', running, 2);
    // The details page's watch (fieldSelector metadata.name) lags behind the list's.
    h.observe('VirtualMachine', 'MODIFIED', starting, 3);
    h.observe('VirtualMachine', 'MODIFIED', running, 4);
    expect(h.entries('u1')).toEqual([
      { status: 'Starting', at: 1 },
      { status: 'Running', at: 2 },
    ]);
  });

  it('records VMI phases by the VMI uid, an empty phase as Pending', () => {
    const h = new StatusHistory();
    for (const [i, phase] of [undefined, 'Scheduling', 'Scheduled', 'Running'].entries())
      h.observe('VirtualMachineInstance', 'MODIFIED', vmi('i1', phase, 'u1'), i);
    expect(statuses(h, 'i1')).toEqual(['Pending', 'Scheduling', 'Scheduled', 'Running']);
    expect(h.entries('u1')).toEqual([]);
  });

  it('shows a VM without printableStatus as Unknown, ignores objects without a uid', () => {
    const h = new StatusHistory();
    h.observe('VirtualMachine', 'ADDED', vm('u1'), 1);
    expect(
      h.observe(
        'VirtualMachine',
        'ADDED',
        { metadata: { name: 'x' }, status: { printableStatus: 'Stopped' } } as K8sResource,
        1,
      ),
    ).toBe(false);
    expect(statuses(h, 'u1')).toEqual(['Unknown']);
    expect(h.size).toBe(1);
  });

  it('forgets the object updated least recently past its capacity', () => {
    const h = new StatusHistory({ maxObjects: 2 });
    h.observe('VirtualMachine', 'ADDED', vm('a', 'Stopped'), 1);
    h.observe('VirtualMachine', 'ADDED', vm('b', 'Stopped'), 2);
    h.observe('VirtualMachine', 'MODIFIED', vm('a', 'Starting'), 3);
    h.observe('VirtualMachine', 'ADDED', vm('c', 'Stopped'), 4);
    expect(statuses(h, 'a')).toEqual(['Stopped', 'Starting']);
    expect(h.entries('b')).toEqual([]);
    expect(statuses(h, 'c')).toEqual(['Stopped']);
  });

  it('returns the same array until the object changes, and tells listeners of changes only', () => {
    const h = new StatusHistory();
    const listener = vi.fn();
    const leave = h.subscribe(listener);
    h.observe('VirtualMachine', 'ADDED', vm('u1', 'Stopped'), 1);
    const first = h.entries('u1');
    h.observe('VirtualMachine', 'MODIFIED', vm('u1', 'Stopped'), 2);
    expect(h.entries('u1')).toBe(first);
    expect(h.entries('nobody')).toBe(h.entries(undefined));
    h.observeAll('VirtualMachine', 'LISTED', [vm('u1', 'Starting'), vm('u2', 'Stopped')], 3);
    expect(listener).toHaveBeenCalledTimes(2);
    leave();
    h.observe('VirtualMachine', 'MODIFIED', vm('u1', 'Running'), 4);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('vmiBelongsToVm', () => {
  const owner = { metadata: { name: 'web', uid: 'new' } };
  it("is the VMI the VM controls, by uid: an earlier VM's VMI of the same name is not", () => {
    expect(vmiBelongsToVm(vmi('i2', 'Running', 'new'), owner)).toBe(true);
    expect(vmiBelongsToVm(vmi('i1', 'Succeeded', 'old'), owner)).toBe(false);
    expect(vmiBelongsToVm(vmi('i3', 'Running'), owner)).toBe(true);
    expect(vmiBelongsToVm(undefined, owner)).toBe(false);
  });
});

describe('statusHistoryObserver', () => {
  it("records KubeVirt's VMs and VMIs, each at the time it is told, and nothing else", () => {
    const h = new StatusHistory();
    let now = 100;
    const observe = statusHistoryObserver(h, () => now);
    observe(VirtualMachineModel, 'LISTED', [vm('a', 'Stopped'), vm('b', 'Running')]);
    now = 200;
    observe(VirtualMachineInstanceModel, 'ADDED', [vmi('i', 'Scheduling', 'b')]);
    const pods: K8sModel = { ...VirtualMachineModel, group: '', kind: 'Pod', plural: 'pods' };
    observe(pods, 'ADDED', [{ metadata: { name: 'p', uid: 'p' } }]);
    observe({ ...VirtualMachineModel, group: 'example.com' }, 'ADDED', [vm('x', 'Running')]);
    expect(h.entries('a')).toEqual([{ status: 'Stopped', at: 100 }]);
    expect(h.entries('i')).toEqual([{ status: 'Scheduling', at: 200 }]);
    expect(h.size).toBe(3);
  });
});

describe('stayText', () => {
  it('gives tenths of a second for short stays, whole units for long ones', () => {
    expect(stayText(40)).toBe('<0.1s');
    expect(stayText(420)).toBe('0.4s');
    expect(stayText(9_949)).toBe('9.9s');
    expect(stayText(12_400)).toBe('12s');
    expect(stayText(65_000)).toBe('1m 5s');
  });
});
