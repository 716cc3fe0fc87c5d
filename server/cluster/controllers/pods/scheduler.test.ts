import { describe, expect, it } from 'vitest';
import { schedule, usageByNode } from './scheduler.js';
import type { Node, Pod } from '../../kubevirt/types.js';

const node = (name: string, extra: Partial<Node> = {}, labels: Record<string, string> = {}): Node =>
  ({
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    spec: {},
    status: { allocatable: { cpu: '8', memory: '16Gi', pods: '110' } },
    ...extra,
  }) as Node;
const nodes = [node('node01'), node('node02', {}, { zone: 'b' }), node('node03')];
const Gi = 2 ** 30;

describe('schedule', () => {
  it('places a pod on the least allocated node', () => {
    const pods = [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'a' },
        spec: { nodeName: 'node01', containers: [{ name: 'c', resources: { requests: { memory: '4Gi', cpu: '1' } } }] },
      },
    ] as Pod[];
    const r = schedule({ requests: { cpu: 0.1, memory: Gi } }, nodes, usageByNode(pods));
    expect(r.node).toBe('node02');
  });
  it('explains insufficient memory like kube-scheduler', () => {
    const r = schedule({ requests: { cpu: 0.1, memory: 64 * Gi } }, nodes, new Map());
    expect(r).toEqual({
      message:
        '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    });
  });
  it('honours node selectors and affinity', () => {
    expect(schedule({ requests: { cpu: 0, memory: 0 }, nodeSelector: { zone: 'b' } }, nodes, new Map()).node).toBe(
      'node02',
    );
    const r = schedule({ requests: { cpu: 0, memory: 0 }, nodeSelector: { zone: 'x' } }, nodes, new Map());
    expect(r.node).toBeUndefined();
    expect((r as { message: string }).message).toBe(
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    const aff = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node03'] }] },
          ],
        },
      },
    };
    expect(schedule({ requests: { cpu: 0, memory: 0 }, affinity: aff }, nodes, new Map()).node).toBe('node03');
  });
  it('mixes reasons in sorted histograms', () => {
    const r = schedule(
      { requests: { cpu: 12, memory: 20 * Gi }, nodeSelector: { 'kubernetes.io/hostname': 'node01' } },
      nodes,
      new Map(),
    );
    expect((r as { message: string }).message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
  });
});
