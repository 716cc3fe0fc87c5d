/**
 * The kubelet of the simulated nodes: pulls images (or fails to, by convention), starts the
 * containers, gives the pod an IP from its node's pod CIDR, and reports container states.
 * Image pulls that fail alternate ErrImagePull / ImagePullBackOff with the kubelet's back-off.
 */
import { kubeletIdentity } from '../../runtime/identity.js';
import { rfc3339 } from '../../runtime/clock.js';
import { editPodStatus } from './pod-status.js';
import { nowIso, type ControllerContext } from '../context.js';
import { isUnpullableImage, pullErrorMessage } from '../../kubevirt/conventions.js';
import type { Pod } from '../../kubevirt/types.js';

const COMPONENT = 'kubelet';
/** Cluster seconds to pull an image that is not cached on the node. */
const PULL_SECONDS = 2;

interface PullState {
  attempt: number;
  /** Real ms when the next step is due. */
  nextAt: number;
  stage: 'pulling' | 'failed' | 'backoff';
}

/** A pod's containers, whatever shape the stored spec has (non-objects skipped). */
function containersOf(pod: Pod): NonNullable<NonNullable<Pod['spec']>['containers']> {
  const list: unknown = pod.spec?.containers;
  return Array.isArray(list) ? list.filter((c) => c !== null && typeof c === 'object' && !Array.isArray(c)) : [];
}

export class Kubelet {
  private readonly pulls = new Map<string, PullState>();
  private readonly pulledImages = new Map<string, Set<string>>();

  constructor(private readonly ctx: ControllerContext) {}

  forget(podUid: string): void {
    this.pulls.delete(podUid);
  }

  /** Advances a scheduled, pending pod. */
  sync(pod: Pod, key: string): void {
    const node = pod.spec?.nodeName ?? '';
    // a pod bound to a node without a pod CIDR (yet, or ever) has no kubelet to run it: it stays Pending
    if (typeof node !== 'string' || !this.ctx.network.podCidrs.has(node)) {
      this.ctx.queues.pod.addAfterMs(key, 1000);
      return;
    }
    const images = containersOf(pod).map((c) => (typeof c.image === 'string' ? c.image : ''));
    const bad = images.find((i) => isUnpullableImage(i));
    const uid = pod.metadata.uid ?? '';
    const nowMs = this.ctx.clock.now();
    let st = this.pulls.get(uid);
    if (!st) {
      const cached = this.pulledImages.get(node);
      const needPull = images.filter((i) => !cached?.has(i));
      for (const image of needPull) this.event(pod, 'Normal', 'Pulling', `Pulling image "${image}"`);
      st = { attempt: 1, stage: 'pulling', nextAt: nowMs + (needPull.length ? this.ms(PULL_SECONDS) : 0) };
      this.pulls.set(uid, st);
      this.writeWaiting(pod, 'ContainerCreating', undefined);
    }
    if (nowMs < st.nextAt) {
      this.ctx.queues.pod.addAfterMs(key, st.nextAt - nowMs + 1);
      return;
    }
    if (bad) {
      if (st.stage === 'pulling' || st.stage === 'backoff') {
        const msg = pullErrorMessage(bad);
        if (st.stage === 'backoff') this.event(pod, 'Normal', 'Pulling', `Pulling image "${bad}"`);
        this.event(pod, 'Warning', 'Failed', `Failed to pull image "${bad}": ${msg}`);
        this.event(pod, 'Warning', 'Failed', 'Error: ErrImagePull');
        this.writeWaiting(pod, 'ErrImagePull', msg, bad);
        st.stage = 'failed';
        st.nextAt = nowMs + this.ms(2);
      } else {
        this.event(pod, 'Normal', 'BackOff', `Back-off pulling image "${bad}"`);
        this.event(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff');
        this.writeWaiting(pod, 'ImagePullBackOff', `Back-off pulling image "${bad}"`, bad);
        st.stage = 'backoff';
        st.nextAt = nowMs + this.ms(Math.min(300, 10 * 2 ** (st.attempt - 1)));
        st.attempt++;
      }
      this.ctx.queues.pod.addAfterMs(key, st.nextAt - nowMs + 1);
      return;
    }
    this.start(pod, node);
  }

  private ms(seconds: number): number {
    return (seconds * 1000) / this.ctx.clock.speed;
  }

  private event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.record(pod, type, reason, message, COMPONENT, pod.spec?.nodeName);
  }

  private writeWaiting(pod: Pod, reason: string, message: string | undefined, badImage?: string): void {
    const now = nowIso(this.ctx);
    editPodStatus(
      this.ctx.clientAs(kubeletIdentity(pod.spec?.nodeName)),
      pod.metadata.namespace,
      pod.metadata.name ?? '',
      (o) => {
        if (o.metadata.uid !== pod.metadata.uid) return false;
        const status = (o.status ?? {}) as Record<string, unknown>;
        o.status = {
          ...status,
          phase: 'Pending',
          hostIP: this.nodeIp(pod.spec?.nodeName ?? ''),
          startTime: status.startTime ?? now,
          qosClass: 'Burstable',
          containerStatuses: containersOf(pod).map((c) => ({
            name: c.name,
            image: c.image,
            imageID: '',
            ready: false,
            restartCount: 0,
            started: false,
            state: {
              waiting:
                badImage === undefined || c.image === badImage
                  ? { reason, ...(message ? { message } : {}) }
                  : { reason: 'PodInitializing' },
            },
          })),
        };
      },
    );
  }

  nodeIp(node: string): string {
    const n = this.ctx.informers.nodes.get(undefined, node);
    const addrs = n?.status?.addresses ?? [];
    return addrs.find((a) => a.type === 'InternalIP')?.address ?? '';
  }

  /** Allocates an IP from the node's pod CIDR. */
  allocatePodIp(node: string): string {
    const alloc = this.ctx.network.podCidrs.get(node);
    if (!alloc) throw new Error(`node ${node} has no pod CIDR`);
    return alloc.allocate();
  }

  private start(pod: Pod, node: string): void {
    this.pulls.delete(pod.metadata.uid ?? '');
    const cache = this.pulledImages.get(node) ?? new Set<string>();
    this.pulledImages.set(node, cache);
    for (const c of containersOf(pod)) {
      if (!cache.has(c.image ?? '')) {
        this.event(
          pod,
          'Normal',
          'Pulled',
          `Successfully pulled image "${c.image}" in ${PULL_SECONDS}.1s (${PULL_SECONDS}.1s including waiting). Image size: 412788413 bytes.`,
        );
        cache.add(c.image ?? '');
      } else {
        this.event(pod, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
      }
      this.event(pod, 'Normal', 'Created', `Created container: ${c.name}`);
      this.event(pod, 'Normal', 'Started', `Started container ${c.name}`);
    }
    const ip = this.allocatePodIp(node);
    const now = nowIso(this.ctx);
    const isLauncher = pod.metadata.labels?.['kubevirt.io'] === 'virt-launcher';
    editPodStatus(
      this.ctx.clientAs(kubeletIdentity(pod.spec?.nodeName)),
      pod.metadata.namespace,
      pod.metadata.name ?? '',
      (o) => {
        if (o.metadata.uid !== pod.metadata.uid) return false;
        const status = (o.status ?? {}) as Record<string, unknown>;
        const ready = isLauncher ? 'False' : 'True';
        const cond = (type: string, s = 'True') => ({ type, status: s, lastProbeTime: null, lastTransitionTime: now });
        o.status = {
          phase: 'Running',
          hostIP: this.nodeIp(node),
          hostIPs: [{ ip: this.nodeIp(node) }],
          podIP: ip,
          podIPs: [{ ip }],
          startTime: status.startTime ?? now,
          qosClass: 'Burstable',
          conditions: [
            ...(isLauncher ? [cond('kubevirt.io/virtual-machine-unpaused')] : []),
            cond('PodReadyToStartContainers'),
            cond('Initialized'),
            cond('Ready', ready),
            cond('ContainersReady'),
            cond('PodScheduled'),
          ],
          containerStatuses: containersOf(pod).map((c) => ({
            name: c.name,
            image: c.image,
            imageID: `${(c.image ?? '').replace(/:[^/:]+$/, '')}@sha256:${'0'.repeat(64)}`,
            containerID: `cri-o://${pod.metadata.uid?.replace(/-/g, '')}${c.name.length}`,
            ready: true,
            started: true,
            restartCount: 0,
            state: { running: { startedAt: now } },
          })),
        };
      },
    );
  }

  /** Marks a pod's containers as exited (the launcher's QEMU quit). */
  terminate(pod: Pod, succeeded: boolean): void {
    const now = rfc3339(this.ctx.clock.now());
    this.ctx.containerLogs.end(pod.metadata.uid ?? '');
    editPodStatus(
      this.ctx.clientAs(kubeletIdentity(pod.spec?.nodeName)),
      pod.metadata.namespace,
      pod.metadata.name ?? '',
      (o) => {
        const status = (o.status ?? {}) as {
          phase?: string;
          containerStatuses?: Array<Record<string, unknown>>;
          conditions?: Array<Record<string, unknown>>;
        };
        if (o.metadata.uid !== pod.metadata.uid || status.phase === 'Succeeded' || status.phase === 'Failed')
          return false;
        o.status = {
          ...status,
          phase: succeeded ? 'Succeeded' : 'Failed',
          conditions: (status.conditions ?? []).map((c) =>
            c.type === 'Ready' || c.type === 'ContainersReady'
              ? { ...c, status: 'False', reason: 'PodCompleted', lastTransitionTime: now }
              : c,
          ),
          containerStatuses: (status.containerStatuses ?? []).map((c) => ({
            ...c,
            ready: false,
            started: false,
            state: {
              terminated: {
                exitCode: succeeded ? 0 : 1,
                reason: succeeded ? 'Completed' : 'Error',
                startedAt: (c.state as { running?: { startedAt?: string } } | undefined)?.running?.startedAt ?? now,
                finishedAt: now,
              },
            },
          })),
        };
      },
    );
  }
}
