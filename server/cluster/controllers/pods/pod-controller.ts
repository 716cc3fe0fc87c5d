/** Pods: kube-scheduler for unbound pods, the kubelet for bound ones, IP bookkeeping. */
import { ResourceKey, keyOf, splitKey } from '../../runtime/client.js';
import type { ControllerContext } from '../context.js';
import { schedulePod } from './kube-scheduler.js';
import { Kubelet } from './kubelet.js';

export class PodController {
  readonly kubelet: Kubelet;

  constructor(private readonly ctx: ControllerContext) {
    this.kubelet = new Kubelet(ctx);
  }

  private requeueUnscheduled(): void {
    for (const p of this.ctx.informers.pods.byIndex('unscheduled', 'yes')) this.ctx.queues.pod.add(keyOf(p));
  }

  watch(): void {
    const { informers, queues, network } = this.ctx;
    informers.pods.on({
      onChange: (o, old) => {
        const pod = o;
        const ip = pod.status?.podIP;
        if (ip && pod.spec?.nodeName) network.podCidrs.get(pod.spec.nodeName)?.reserve(ip);
        const phase = pod.status?.phase;
        if (!pod.spec?.nodeName || phase === 'Pending' || !phase) queues.pod.add(keyOf(o));
        // Finished pods free their requests: pending pods may fit now.
        if ((phase === 'Succeeded' || phase === 'Failed') && old?.status?.phase !== phase) {
          this.requeueUnscheduled();
        }
      },
      onDelete: (o) => {
        const pod = o;
        const ip = pod.status?.podIP;
        if (ip && pod.spec?.nodeName) network.podCidrs.get(pod.spec.nodeName)?.release(ip);
        this.kubelet.forget(pod.metadata.uid ?? '');
        this.requeueUnscheduled();
      },
    });
    informers.nodes.on({ onChange: () => this.requeueUnscheduled() });
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.ctx.client.tryGet(ResourceKey.pods, ns, name);
    if (!pod || pod.metadata.deletionTimestamp) return;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Running') return;
    if (!pod.spec?.nodeName) schedulePod(this.ctx, pod);
    else this.kubelet.sync(pod, key);
  }
}
