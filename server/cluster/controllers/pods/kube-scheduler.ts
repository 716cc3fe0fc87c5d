/** Binds pending pods to nodes (kube-scheduler), or marks them Unschedulable with its message. */
import { editPodStatus } from './pod-status.js';
import { nowIso, type ControllerContext } from '../context.js';
import type { Requests } from '../../kubevirt/quantity.js';
import { podRequests, schedule, type SchedulingInput } from './scheduler.js';
import type { Node, Pod } from '../../kubevirt/types.js';

const COMPONENT = 'default-scheduler';

function usage(ctx: ControllerContext, nodes: Node[]): Map<string, Requests & { pods: number }> {
  const out = new Map<string, Requests & { pods: number }>();
  for (const n of nodes) {
    const name = n.metadata.name ?? '';
    const u = { cpu: 0, memory: 0, pods: 0 };
    for (const p of ctx.informers.pods.byIndex('node', name)) {
      const phase = p.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const r = podRequests(p);
      u.cpu += r.cpu;
      u.memory += r.memory;
      u.pods += 1;
    }
    out.set(name, u);
  }
  return out;
}

export function schedulePod(ctx: ControllerContext, pod: Pod): void {
  const nodes = ctx.informers.nodes.list();
  const spec = pod.spec ?? ({} as NonNullable<Pod['spec']>);
  const input: SchedulingInput = {
    requests: podRequests(pod),
    nodeSelector: spec.nodeSelector,
    affinity: spec.affinity,
    tolerations: spec.tolerations,
  };
  const result = schedule(input, nodes, usage(ctx, nodes));
  const now = nowIso(ctx);
  const ns = pod.metadata.namespace;
  const name = pod.metadata.name ?? '';
  if (result.node) {
    const node = result.node;
    ctx.client.bind(ns, name, node, { uid: pod.metadata.uid });
    editPodStatus(ctx.client, ns, name, (o) => {
      o.status = {
        ...(o.status as object),
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }],
      };
    });
    ctx.record(pod, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${node}`, COMPONENT);
    return;
  }
  const message = 'message' in result ? result.message : '';
  const old = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (old?.status === 'False' && old.message === message) return;
  editPodStatus(ctx.client, ns, name, (o) => {
    if (o.metadata.uid !== pod.metadata.uid) return false;
    o.status = {
      phase: 'Pending',
      qosClass: 'Burstable',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message,
          lastProbeTime: null,
          lastTransitionTime: now,
        },
      ],
    };
  });
  ctx.record(pod, 'Warning', 'FailedScheduling', message, COMPONENT);
}
