/**
 * virt-controller's VirtualMachineInstance controller: finalizer, Pending → Scheduling (the
 * launcher pod) → Scheduled (pod running on a node), conditions copied from the pod
 * (PodScheduled, image pull errors as Synchronized), missing PVCs, and clean-up on deletion.
 * Running, shutdown, pause and guest events are virt-handler's (handler/).
 */
import { ResourceKey, isNotFound, keyOf, splitKey, type KObject } from '../../runtime/client.js';
import { getCondition, isFinal } from '../../kubevirt/conditions.js';
import { nowIso, type ControllerContext } from '../context.js';
import type { Pod, VMI } from '../../kubevirt/types.js';
import { VMI_FINALIZER, applyVmiDefaults } from '../../kubevirt/vmi-from-vm.js';
import { serialConsoleLogDisabled, usesEmulation } from '../infra/kubevirt-cr.js';
import { launcherPod } from '../../kubevirt/launcher-pod.js';
import { dropCondition, setCondition, setPhase, type VmiStatus } from './vmi-status.js';
import { VolumeHotplug } from './volume-hotplug.js';

const COMPONENT = 'virtualmachineinstance-controller';
export const MIGRATION_JOB_LABEL = 'kubevirt.io/migrationJobUID';

export function ownerVmiKey(obj: KObject): string | undefined {
  const ref = (obj.metadata.ownerReferences ?? []).find((o) => o.controller && o.kind === 'VirtualMachineInstance');
  return ref ? `${obj.metadata.namespace}/${ref.name}` : undefined;
}

export class VmiController {
  /** Pods created but maybe not yet seen by the informer (KubeVirt's expectations). */
  private readonly expected = new Map<string, string>();
  private readonly hotplug: VolumeHotplug;

  constructor(private readonly ctx: ControllerContext) {
    this.hotplug = new VolumeHotplug(ctx);
  }

  watch(): void {
    const { informers, queues } = this.ctx;
    informers.vmis.on({ onChange: (o) => queues.vmi.add(keyOf(o)) });
    // launcher pods, and hot-plug attachment pods (owned by a launcher pod)
    const byPod = (o: KObject) => {
      const k = ownerVmiKey(o) ?? this.attachedVmiKey(o);
      if (k) queues.vmi.add(k);
    };
    informers.pods.on({ onChange: byPod, onDelete: byPod });
    const byClaim = (o: KObject) => {
      for (const vmi of informers.vmis.byIndex('volume', keyOf(o))) queues.vmi.add(keyOf(vmi));
    };
    informers.pvcs.on({ onChange: byClaim });
    informers.dataVolumes.on({ onChange: byClaim });
  }

  private attachedVmiKey(o: KObject): string | undefined {
    const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === 'Pod');
    const owner = ref && this.ctx.client.tryGet(ResourceKey.pods, o.metadata.namespace, ref.name);
    return owner ? ownerVmiKey(owner) : undefined;
  }

  /** The VMI's launcher pods (not migration targets), newest last. */
  launcherPods(vmi: VMI): Pod[] {
    const uid = vmi.metadata.uid ?? '';
    const pods = this.ctx.informers.pods.byIndex('owner', uid);
    const expectedName = this.expected.get(uid);
    if (expectedName && !pods.some((p) => p.metadata.name === expectedName)) {
      const p = this.ctx.client.tryGet(ResourceKey.pods, vmi.metadata.namespace, expectedName);
      if (p) pods.push(p);
      else this.expected.delete(uid);
    }
    return pods.filter((p) => !p.metadata.labels?.[MIGRATION_JOB_LABEL] || p.spec?.nodeName === vmi.status?.nodeName);
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const vmi = client.tryGet(ResourceKey.vmis, ns, name);
    if (!vmi) return;
    const pods = this.launcherPods(vmi);
    const phase = vmi.status?.phase ?? '';

    if (vmi.metadata.deletionTimestamp || isFinal(vmi)) {
      this.cleanup(vmi, pods);
      return;
    }
    if (!(vmi.metadata.finalizers ?? []).includes(VMI_FINALIZER)) {
      client.mutate(ResourceKey.vmis, ns, name, (o) => {
        o.metadata.finalizers = [...(o.metadata.finalizers ?? []), VMI_FINALIZER];
      });
      return;
    }
    if (phase === '' && !vmi.spec?.networks && !vmi.spec?.domain?.devices?.interfaces) {
      // What KubeVirt's VMI mutating webhook does for standalone VMIs: default disks and pod network.
      client.mutate<string>(ResourceKey.vmis, ns, name, (o) => {
        if (o.spec && typeof o.spec === 'object') applyVmiDefaults(o.spec as Record<string, unknown>);
      });
      return;
    }
    if (phase === '' || phase === 'Pending') this.syncPending(vmi, pods);
    else if (phase === 'Scheduling') this.syncScheduling(vmi, pods);
    else if (phase === 'Scheduled' || phase === 'Running') this.syncActive(vmi, pods);
  }

  private editStatus(vmi: VMI, fn: (s: VmiStatus, meta: KObject['metadata']) => void): void {
    this.ctx.client.mutate(
      ResourceKey.vmis,
      vmi.metadata.namespace,
      vmi.metadata.name ?? '',
      (o) => {
        if (o.metadata.uid !== vmi.metadata.uid) return false;
        const before = JSON.stringify([o.status, o.metadata.labels]);
        const s = (o.status ?? {}) as VmiStatus;
        fn(s, o.metadata);
        o.status = s;
        if (JSON.stringify([o.status, o.metadata.labels]) === before) return false;
      },
      { fieldManager: COMPONENT },
    );
  }

  private missingClaim(vmi: VMI): string | undefined {
    const { client } = this.ctx;
    for (const v of vmi.spec?.volumes ?? []) {
      const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
      if (!claim) continue;
      if (!client.tryGet(ResourceKey.pvcs, vmi.metadata.namespace, claim)) return claim;
    }
    return undefined;
  }

  private volumesReady(vmi: VMI): boolean {
    const { client } = this.ctx;
    return (vmi.spec?.volumes ?? []).every((v) => {
      if (v.dataVolume?.name) {
        const dv = client.tryGet(ResourceKey.dataVolumes, vmi.metadata.namespace, v.dataVolume.name);
        if (dv && dv.status?.phase !== 'Succeeded') return false;
      }
      const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
      if (!claim) return true;
      const pvc = client.tryGet(ResourceKey.pvcs, vmi.metadata.namespace, claim);
      return pvc?.status?.phase === 'Bound';
    });
  }

  private syncPending(vmi: VMI, pods: Pod[]): void {
    const now = nowIso(this.ctx);
    const missing = this.missingClaim(vmi);
    if (missing) {
      const message = `PVC ${vmi.metadata.namespace}/${missing} does not exist, waiting for it to appear`;
      if (getCondition(vmi, 'Synchronized')?.message !== message) {
        this.ctx.record(vmi, 'Normal', 'FailedPvcNotFound', message, COMPONENT);
      }
      this.editStatus(vmi, (s) => {
        setPhase(s, 'Pending', now);
        setCondition(s, { type: 'Synchronized', status: 'False', reason: 'FailedPvcNotFound', message }, now);
      });
      return;
    }
    if (!this.volumesReady(vmi)) {
      this.editStatus(vmi, (s) => {
        setPhase(s, 'Pending', now);
        dropCondition(s, 'Synchronized');
      });
      return;
    }
    const priorityClass = vmi.spec?.priorityClassName;
    if (priorityClass && !this.ctx.client.tryGet('priorityclasses.scheduling.k8s.io', undefined, priorityClass)) {
      const message = `failed to create virtual machine pod: pods "virt-launcher-${vmi.metadata.name}-" is forbidden: no PriorityClass with name ${priorityClass} was found`;
      if (getCondition(vmi, 'Synchronized')?.message !== message) {
        this.ctx.record(vmi, 'Warning', 'FailedCreate', `Error creating pod: ${message}`, COMPONENT);
      }
      this.editStatus(vmi, (s) => {
        setPhase(s, 'Pending', now);
        setCondition(s, { type: 'Synchronized', status: 'False', reason: 'FailedCreate', message }, now);
      });
      this.ctx.queues.vmi.addAfter(`${vmi.metadata.namespace}/${vmi.metadata.name}`, 2);
      return;
    }
    let pod = pods[0];
    if (!pod) {
      pod = this.ctx.client.create(
        ResourceKey.pods,
        launcherPod(vmi, {}, undefined, usesEmulation(this.ctx.client), serialConsoleLogDisabled(this.ctx.client)),
        {
          fieldManager: COMPONENT,
        },
      );
      this.expected.set(vmi.metadata.uid ?? '', pod.metadata.name ?? '');
      this.ctx.record(vmi, 'Normal', 'SuccessfulCreate', `Created virtual machine pod ${pod.metadata.name}`, COMPONENT);
    }
    this.editStatus(vmi, (s) => {
      setPhase(s, 'Pending', now);
      setPhase(s, 'Scheduling', now);
      dropCondition(s, 'Synchronized');
      s.activePods = { [pod.metadata.uid ?? '']: pod.spec?.nodeName ?? '' };
      s.qosClass = 'Burstable';
      s.guestOSInfo ??= {};
    });
  }

  private syncScheduling(vmi: VMI, pods: Pod[]): void {
    const now = nowIso(this.ctx);
    const pod = pods[0];
    if (!pod) {
      this.editStatus(vmi, (s) => {
        setPhase(s, 'Failed', now);
        s.reason = 'PodNotExists';
      });
      return;
    }
    const podPhase = pod.status?.phase;
    if (podPhase === 'Failed' || podPhase === 'Succeeded') {
      this.editStatus(vmi, (s) => setPhase(s, 'Failed', now));
      return;
    }
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const waiting = (pod.status?.containerStatuses ?? [])
      .map((c) => c.state?.waiting)
      .find((w) => w?.reason === 'ErrImagePull' || w?.reason === 'ImagePullBackOff');
    const running = podPhase === 'Running' && (pod.status?.containerStatuses ?? []).every((c) => c.state?.running);
    this.editStatus(vmi, (s, meta) => {
      if (scheduled?.status === 'False') {
        setCondition(
          s,
          { type: 'PodScheduled', status: 'False', reason: scheduled.reason, message: scheduled.message },
          now,
        );
      } else dropCondition(s, 'PodScheduled');
      if (waiting) {
        setCondition(
          s,
          { type: 'Synchronized', status: 'False', reason: waiting.reason, message: waiting.message },
          now,
        );
      } else dropCondition(s, 'Synchronized');
      s.activePods = { [pod.metadata.uid ?? '']: pod.spec?.nodeName ?? '' };
      if (running && pod.spec?.nodeName) {
        setPhase(s, 'Scheduled', now);
        s.nodeName = pod.spec.nodeName;
        meta.labels = { ...(meta.labels ?? {}), 'kubevirt.io/nodeName': pod.spec.nodeName };
      }
    });
  }

  /** Scheduled/Running: the launcher pod disappearing or failing fails the VMI. */
  private syncActive(vmi: VMI, pods: Pod[]): void {
    const pod = pods.find((p) => p.spec?.nodeName === vmi.status?.nodeName) ?? pods[0];
    if (pod && pod.status?.phase !== 'Failed') {
      const volumeStatus = this.hotplug.sync(vmi, pod);
      if (volumeStatus) this.editStatus(vmi, (s) => void (s.volumeStatus = volumeStatus as VmiStatus['volumeStatus']));
      return;
    }
    if (vmi.status?.migrationState && !vmi.status.migrationState.completed) return;
    const now = nowIso(this.ctx);
    this.ctx.record(
      vmi,
      'Warning',
      'Stopped',
      'The VirtualMachineInstance crashed.',
      'virt-handler',
      vmi.status?.nodeName,
    );
    this.editStatus(vmi, (s) => {
      setPhase(s, 'Failed', now);
      s.reason = pod ? 'PodFailed' : 'PodNotExists';
    });
  }

  /** Deleted or final VMIs: delete the launcher pods, then drop the finalizer. */
  private cleanup(vmi: VMI, pods: Pod[]): void {
    const { client } = this.ctx;
    const phase = vmi.status?.phase ?? '';
    const deleting = !!vmi.metadata.deletionTimestamp;
    const handlerOwned = phase === 'Scheduled' || phase === 'Running';
    if (deleting && handlerOwned) return; // virt-handler shuts the guest down first
    if (deleting && !isFinal(vmi)) {
      for (const p of pods) this.deletePod(p);
      this.editStatus(vmi, (s) => setPhase(s, 'Failed', nowIso(this.ctx)));
      return;
    }
    if (!deleting) return;
    const live = pods.filter((p) => client.tryGet(ResourceKey.pods, p.metadata.namespace, p.metadata.name ?? ''));
    for (const p of live) this.deletePod(p);
    if (live.some((p) => client.tryGet(ResourceKey.pods, p.metadata.namespace, p.metadata.name ?? ''))) return;
    try {
      client.mutate(ResourceKey.vmis, vmi.metadata.namespace, vmi.metadata.name ?? '', (o) => {
        const f = o.metadata.finalizers ?? [];
        if (o.metadata.uid !== vmi.metadata.uid || !f.includes(VMI_FINALIZER)) return false;
        o.metadata.finalizers = f.filter((x) => x !== VMI_FINALIZER);
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
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
