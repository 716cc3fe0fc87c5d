import type { IoK8sApiCoreV1Node, IoK8sApiCoreV1Pod } from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import type { V1VirtualMachineInstance } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { describe, expect, it } from 'vitest';
import { clusterAllocation, nodeAllocation, podRequests, vmCapability } from './allocation';

const Gi = 2 ** 30;
const Mi = 2 ** 20;

const node = (
  name: string,
  extra: Partial<IoK8sApiCoreV1Node> = {},
  labels: Record<string, string> = { 'kubevirt.io/schedulable': 'true' },
): IoK8sApiCoreV1Node => ({
  metadata: { name, labels },
  status: {
    capacity: { cpu: '16', memory: '64Gi', pods: '110' },
    allocatable: { cpu: '15500m', memory: '62Gi', pods: '110' },
    conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
  },
  ...extra,
});

const pod = (
  nodeName: string | undefined,
  requests: Record<string, string>,
  o: { phase?: string; launcher?: boolean; init?: Record<string, string>; overhead?: Record<string, string> } = {},
): IoK8sApiCoreV1Pod => ({
  metadata: { name: 'p', namespace: 'ns', labels: o.launcher ? { 'kubevirt.io': 'virt-launcher' } : {} },
  spec: {
    nodeName,
    containers: [{ name: 'compute', resources: { requests } }],
    ...(o.init ? { initContainers: [{ name: 'init', resources: { requests: o.init } }] } : {}),
    ...(o.overhead ? { overhead: o.overhead } : {}),
  },
  status: { phase: o.phase ?? 'Running' },
});

const vmi = (ns: string, name: string, nodeName: string, phase = 'Running'): V1VirtualMachineInstance => ({
  metadata: { namespace: ns, name },
  spec: { domain: { devices: {} } },
  status: { nodeName, phase },
});

describe('podRequests', () => {
  it('sums containers, takes the larger init container, adds overhead', () => {
    const p = pod(
      'n1',
      { cpu: '100m', memory: '1Gi' },
      { init: { cpu: '2', memory: '10Mi' }, overhead: { cpu: '50m', memory: '20Mi' } },
    );
    p.spec?.containers.push({ name: 'disk', resources: { requests: { cpu: '10m', memory: '40M' } } });
    const r = podRequests(p);
    expect(r.cpu).toBeCloseTo(2.05);
    expect(r.memory).toBe(Gi + 40e6 + 20 * Mi);
  });

  it('counts containers without requests as zero', () => {
    expect(podRequests({ spec: { containers: [{ name: 'x' }] } })).toEqual({ cpu: 0, memory: 0 });
  });
});

describe('nodeAllocation', () => {
  it('adds the requests of the pods bound to the node that have not finished', () => {
    const pods = [
      pod('node01', { cpu: '200m', memory: '2Gi' }, { launcher: true }),
      pod('node01', { cpu: '10m', memory: '150Mi' }),
      pod('node01', { cpu: '4', memory: '8Gi' }, { phase: 'Succeeded' }),
      pod('node01', { cpu: '4', memory: '8Gi' }, { phase: 'Failed', launcher: true }),
      pod('node02', { cpu: '1', memory: '1Gi' }, { launcher: true }),
      pod(undefined, { cpu: '1', memory: '1Gi' }),
    ];
    const a = nodeAllocation(node('node01'), pods, []);
    expect(a.cpu.requested).toBeCloseTo(0.21);
    expect(a.memory.requested).toBe(2 * Gi + 150 * Mi);
    expect(a.cpu.capacity).toBe(16);
    expect(a.cpu.allocatable).toBe(15.5);
    expect(a.memory.percent).toBeCloseTo(((2 * Gi + 150 * Mi) / (62 * Gi)) * 100);
    expect(a.pods).toBe(2);
    expect(a.launcherPods).toBe(1);
  });

  it('falls back to capacity when allocatable is missing; no percent without either', () => {
    const n = node('n');
    n.status = { capacity: { cpu: '2', memory: '4Gi' } };
    const a = nodeAllocation(n, [pod('n', { cpu: '1', memory: '1Gi' })], []);
    expect(a.cpu.percent).toBe(50);
    expect(a.memory.percent).toBe(25);
    expect(nodeAllocation({ metadata: { name: 'bare' } }, [], []).cpu.percent).toBeUndefined();
  });

  it('lists the live VMIs on the node, sorted', () => {
    const vmis = [
      vmi('b', 'x', 'node01'),
      vmi('a', 'y', 'node01'),
      vmi('a', 'z', 'node02'),
      vmi('a', 'done', 'node01', 'Succeeded'),
    ];
    expect(nodeAllocation(node('node01'), [], vmis).vms).toEqual([
      { namespace: 'a', name: 'y' },
      { namespace: 'b', name: 'x' },
    ]);
  });

  it('sorts nodes by name', () => {
    expect(clusterAllocation([node('b'), node('a')], [], []).map((r) => r.name)).toEqual(['a', 'b']);
  });
});

describe('vmCapability', () => {
  it('needs the kubevirt.io/schedulable label, Ready, and no cordon', () => {
    expect(vmCapability(node('n'))).toEqual({ canRunVms: true });
    expect(vmCapability(node('n', {}, {})).reason).toMatch(/kubevirt\.io\/schedulable/);
    expect(vmCapability(node('n', {}, { 'kubevirt.io/schedulable': 'false' })).canRunVms).toBe(false);
    expect(vmCapability(node('n', { spec: { unschedulable: true } })).reason).toBe('Cordoned (unschedulable)');
    const notReady = node('n');
    notReady.status = { conditions: [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown' }] };
    expect(vmCapability(notReady)).toEqual({ canRunVms: false, reason: 'Not ready: NodeStatusUnknown' });
  });
});
