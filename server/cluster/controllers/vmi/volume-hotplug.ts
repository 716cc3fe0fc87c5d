/**
 * virt-controller's share of volume hot-plug (pkg/virt-controller/watch/vmi/volume-hotplug.go
 * and storage.go updateVolumeStatus): an attachment pod `hp-volume-xxxxx`, owned by the launcher
 * pod, on the VMI's node, mounting the hot-plugged PVCs; a new one when the set changes, the old
 * one deleted once the new set is attached (or nothing is plugged any more). The VMI's
 * status.volumeStatus follows: Pending/Bound (from the PVC) → AttachedToNode (the pod exists;
 * event SuccessfulCreate "Created hotplug attachment pod ..."); virt-handler takes it on to
 * MountedToPod and Ready. An unplugged volume keeps its status while a pod still holds it
 * (Detaching, "Deleted hotplug attachment pod ...").
 */
import { ResourceKey, isNotFound, type KObject } from '../../runtime/client.js';
import type { ControllerContext } from '../context.js';
import type { Pod, VMI } from '../../kubevirt/types.js';
import { isHotplugVolume, sourceName } from '../../kubevirt/volume-requests.js';
import { KUBEVIRT_VERSION } from '../../kubevirt/versions.js';

const COMPONENT = 'virtualmachineinstance-controller';
export const ATTACHMENT_POD_PREFIX = 'hp-volume-';

type Json = Record<string, unknown>;
export interface VolumeStatus {
  name: string;
  phase?: string;
  reason?: string;
  message?: string;
  target?: string;
  hotplugVolume?: { attachPodName?: string; attachPodUID?: string };
  persistentVolumeClaimInfo?: Json;
  [k: string]: unknown;
}

function claimsOf(pod: Pod): string[] {
  return (pod.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
}
function volumeNamesOf(pod: Pod): string[] {
  return (pod.spec?.volumes ?? []).filter((v) => v.persistentVolumeClaim).map((v) => v.name);
}
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const podReady = (p: Pod) =>
  p.status?.phase === 'Running' &&
  (p.status.containerStatuses ?? []).length === 1 &&
  !!p.status.containerStatuses?.[0].ready;

function attachmentPod(vmi: VMI, launcher: Pod, volumes: { name: string; claim: string }[]): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: ATTACHMENT_POD_PREFIX,
      namespace: vmi.metadata.namespace,
      labels: { 'kubevirt.io': 'hotplug-disk' },
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          name: launcher.metadata.name ?? '',
          uid: launcher.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      nodeName: vmi.status?.nodeName,
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      containers: [
        {
          name: 'hotplug-disk',
          image: `quay.io/kubevirt/virt-launcher:${KUBEVIRT_VERSION}`,
          command: ['/bin/sh', '-c', '/usr/bin/container-disk --copy-path /path/hp'],
          resources: { requests: { cpu: '10m', memory: '2M' }, limits: { cpu: '100m', memory: '80M' } },
          volumeMounts: volumes.map((v) => ({ name: v.name, mountPath: `/path/${v.name}` })),
        },
      ],
      volumes: volumes.map((v) => ({ name: v.name, persistentVolumeClaim: { claimName: v.claim } })),
    },
  };
}

export class VolumeHotplug {
  constructor(private readonly ctx: ControllerContext) {}

  /** The pods attaching volumes for this launcher pod, oldest first. */
  attachmentPods(launcher: Pod): Pod[] {
    // from the API, not the informer: a pod created a moment ago must not be created twice
    return this.ctx.client
      .list(ResourceKey.pods, { namespace: launcher.metadata.namespace, labelSelector: 'kubevirt.io=hotplug-disk' })
      .items.filter((p) => (p.metadata.ownerReferences ?? []).some((r) => r.uid === launcher.metadata.uid))
      .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
  }

  /** Running VMIs: attachment pods and volume statuses; returns the statuses to write. */
  sync(vmi: VMI, launcher: Pod | undefined): VolumeStatus[] | undefined {
    if (!launcher || vmi.status?.phase !== 'Running' || vmi.metadata.deletionTimestamp) return undefined;
    const { client } = this.ctx;
    const ns = vmi.metadata.namespace;
    const hot = (vmi.spec?.volumes ?? [])
      .filter((v) => isHotplugVolume(v))
      .map((v) => ({ name: v.name, claim: sourceName(v) }));
    const ready = hot.filter((v) => client.tryGet(ResourceKey.pvcs, ns, v.claim)?.status?.phase === 'Bound');
    let pods = this.attachmentPods(launcher);
    let active = pods.find(
      (p) =>
        !p.metadata.deletionTimestamp &&
        sameSet(
          claimsOf(p),
          ready.map((v) => v.claim),
        ),
    );
    if (!active && ready.length) {
      active = client.create(ResourceKey.pods, attachmentPod(vmi, launcher, ready), { fieldManager: COMPONENT }) as Pod;
      pods = [...pods, active];
    }
    const old = (vmi.status?.volumeStatus ?? []) as VolumeStatus[];
    const statuses = this.volumeStatuses(vmi, old, hot, active, pods);
    // the old pods go once the current set is attached and what they held is unmounted
    const settled = hot.every((v) => statuses.find((s) => s.name === v.name)?.phase === 'Ready');
    for (const p of pods) {
      if (p === active || p.metadata.deletionTimestamp || !settled) continue;
      const holding = volumeNamesOf(p).filter((n) => !hot.some((h) => h.name === n));
      const unmounted = holding.every((n) => {
        const phase = statuses.find((s) => s.name === n)?.phase;
        return !phase || phase === 'Detaching' || phase === 'UnMounted';
      });
      if (unmounted) this.deletePod(p);
    }
    return statuses;
  }

  private volumeStatuses(
    vmi: VMI,
    old: VolumeStatus[],
    hot: { name: string; claim: string }[],
    active: Pod | undefined,
    pods: Pod[],
  ): VolumeStatus[] {
    const { client } = this.ctx;
    const ns = vmi.metadata.namespace;
    const previous = new Map(old.map((s) => [s.name, s]));
    const out: VolumeStatus[] = [];
    for (const v of vmi.spec?.volumes ?? []) {
      // KubeVirt's VolumeStatus.target has no omitempty: "" until the volume is attached (its CRD
      // schema requires the field, so kube-apiserver refuses a status without it)
      const status: VolumeStatus = structuredClone(previous.get(v.name) ?? { name: v.name, target: '' });
      status.target ??= '';
      previous.delete(v.name);
      const h = hot.find((x) => x.name === v.name);
      if (h) {
        status.hotplugVolume ??= {};
        const pvc = client.tryGet(ResourceKey.pvcs, ns, h.claim);
        const holds = active && claimsOf(active).includes(h.claim);
        if (!holds) {
          if (status.phase !== 'Ready') {
            delete status.hotplugVolume.attachPodUID;
            const phase = pvc?.status?.phase;
            status.phase = !pvc ? 'Pending' : phase === 'Bound' ? 'Bound' : 'Pending';
            status.reason = !pvc ? 'FailedPvcNotFound' : 'PVCNotReady';
            status.message = !pvc
              ? `PVC ${h.claim} not found`
              : `PVC is in phase ${phase === 'Bound' ? 'Bound' : phase === 'Lost' ? 'Lost' : 'ClaimPending'}`;
          }
        } else if (active) {
          status.hotplugVolume.attachPodName = active.metadata.name;
          if (podReady(active)) status.hotplugVolume.attachPodUID = active.metadata.uid;
          else delete status.hotplugVolume.attachPodUID;
          if (!status.phase || status.phase === 'Pending' || status.phase === 'Bound') {
            status.phase = 'AttachedToNode';
            status.reason = 'SuccessfulCreate';
            status.message = `Created hotplug attachment pod ${active.metadata.name}, for volume ${v.name}`;
            this.ctx.record(vmi, 'Normal', status.reason, status.message, COMPONENT);
          }
        }
        if (pvc)
          status.persistentVolumeClaimInfo = {
            claimName: h.claim,
            accessModes: pvc.spec?.accessModes,
            volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
            capacity: pvc.status?.capacity,
            requests: pvc.spec?.resources?.requests,
            filesystemOverhead: '0.055',
          };
      }
      out.push(status);
    }
    for (const [name, status] of previous) {
      const pod = pods.find((p) => volumeNamesOf(p).includes(name));
      if (!pod || !status.hotplugVolume) continue; // no pod holds it: the status goes
      const next = structuredClone(status);
      next.hotplugVolume = { attachPodName: pod.metadata.name, attachPodUID: pod.metadata.uid };
      if (next.phase !== 'Ready' && next.phase !== 'MountedToPod') next.phase = 'Detaching';
      if (next.phase === 'Detaching' && pod.metadata.deletionTimestamp) {
        const message = `Deleted hotplug attachment pod ${pod.metadata.name}, for volume ${name}`;
        if (next.message !== message) this.ctx.record(vmi, 'Normal', 'SuccessfulDelete', message, COMPONENT);
        next.reason = 'SuccessfulDelete';
        next.message = message;
      }
      out.push(next);
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private deletePod(p: Pod): void {
    try {
      this.ctx.client.delete(ResourceKey.pods, p.metadata.namespace, p.metadata.name ?? '', {
        preconditions: { uid: p.metadata.uid },
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
