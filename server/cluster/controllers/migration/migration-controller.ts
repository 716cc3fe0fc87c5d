/**
 * Live migration (VirtualMachineInstanceMigration): Pending → Scheduling (target launcher pod on
 * another node) → Scheduled → PreparingTarget → TargetReady → Running → Succeeded, with the
 * VMI's migrationState, node change and KubeVirt's events.
 */
import { editPodStatus } from '../pods/pod-status.js';
import { MIGRATION_POLICIES, migrationPolicyState } from '../../kubevirt/migration-policy.js';
import { ResourceKey, keyOf, splitKey } from '../../runtime/client.js';
import { getCondition } from '../../kubevirt/conditions.js';
import { nowIso, type ControllerContext } from '../context.js';
import type { Kubelet } from '../pods/kubelet.js';
import type { Pod, VMI, VMIM } from '../../kubevirt/types.js';
import { serialConsoleLogDisabled, usesEmulation } from '../infra/kubevirt-cr.js';
import { guestMemory, launcherPod } from '../../kubevirt/launcher-pod.js';
import { MIGRATION_JOB_LABEL } from '../vmi/vmi-controller.js';
import { setPhase, type VmiStatus } from '../vmi/vmi-status.js';
import { interfacesStatus } from '../handler/running-status.js';
import { guestOsOf } from '../handler/guest-options.js';
import { LauncherLog } from '../handler/launcher-log.js';
import { migrationProgress, migrationSeconds, type MigrationProgress } from '../../kubevirt/migration-progress.js';
import { ensureFinalizer, mirrorState, removeFinalizer, requestAbort } from './migration-cancel.js';

const COMPONENT = 'virtualmachine-controller';
const HANDLER = 'virt-handler';
const FINAL = new Set(['Succeeded', 'Failed']);

export class MigrationController {
  /** Real ms when the current phase may advance, by migration uid. */
  private readonly due = new Map<string, number>();
  private readonly launcherLog: LauncherLog;
  /** Migrations copying memory now: real ms they started, by VMI uid (what virt-handler's domain job info tells). */
  private readonly copying = new Map<string, { since: number; memory: number }>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly kubelet: Kubelet,
  ) {
    this.launcherLog = new LauncherLog(ctx.containerLogs, () => ctx.clock.now());
  }

  /** How far the migration of this VMI has copied (undefined when none is copying memory). */
  progress(vmiUid: string): MigrationProgress | undefined {
    const c = this.copying.get(vmiUid);
    if (!c) return undefined;
    return migrationProgress(c.memory, ((this.ctx.clock.now() - c.since) * this.ctx.clock.speed) / 1000);
  }

  watch(): void {
    const { informers, queues } = this.ctx;
    informers.vmims.on({ onChange: (o) => queues.migration.add(keyOf(o)) });
    informers.pods.on({
      onChange: (o) => {
        const uid = o.metadata.labels?.[MIGRATION_JOB_LABEL];
        if (!uid) return;
        for (const m of informers.vmims.list(o.metadata.namespace))
          if (m.metadata.uid === uid) queues.migration.add(keyOf(m));
      },
    });
  }

  private wait(m: VMIM, key: string, seconds: number): boolean {
    const uid = m.metadata.uid ?? '';
    const now = this.ctx.clock.now();
    let at = this.due.get(uid);
    if (at === undefined) {
      at = now + (seconds * 1000) / this.ctx.clock.speed;
      this.due.set(uid, at);
    }
    if (now < at) {
      this.ctx.queues.migration.addAfterMs(key, at - now + 1);
      return true;
    }
    this.due.delete(uid);
    return false;
  }

  private setMigrationPhase(m: VMIM, phase: string, extra: Record<string, unknown> = {}): void {
    const now = nowIso(this.ctx);
    this.ctx.client.mutate(
      ResourceKey.vmims,
      m.metadata.namespace,
      m.metadata.name ?? '',
      (o) => {
        const s = structuredClone((o.status ?? {}) as VmiStatus);
        setPhase(s, phase, now);
        Object.assign(s, extra);
        o.status = s;
      },
      { subresource: 'status', fieldManager: COMPONENT },
    );
  }

  private editVmi(vmi: VMI, fn: (s: VmiStatus, labels: Record<string, string>) => void): void {
    this.ctx.client.mutate(ResourceKey.vmis, vmi.metadata.namespace, vmi.metadata.name ?? '', (o) => {
      if (o.metadata.uid !== vmi.metadata.uid) return false;
      const s = structuredClone((o.status ?? {}) as VmiStatus);
      const labels = { ...(o.metadata.labels ?? {}) };
      fn(s, labels);
      o.status = s;
      o.metadata.labels = labels;
    });
  }

  private fail(m: VMIM, vmi: VMI | undefined, message: string): void {
    if (vmi) this.copying.delete(vmi.metadata.uid ?? '');
    this.setMigrationPhase(m, 'Failed');
    this.ctx.record(m, 'Warning', 'FailedMigration', message, COMPONENT);
    if (vmi?.status?.migrationState && !vmi.status.migrationState.completed) {
      this.editVmi(vmi, (s) => {
        s.migrationState = {
          ...(s.migrationState as object),
          failed: true,
          completed: true,
          endTimestamp: nowIso(this.ctx),
        };
      });
    }
    for (const p of this.targetPods(m))
      this.ctx.client.delete(ResourceKey.pods, p.metadata.namespace, p.metadata.name ?? '');
  }

  private targetPods(m: VMIM): Pod[] {
    return this.ctx.informers.pods
      .list(m.metadata.namespace)
      .filter((p) => p.metadata.labels?.[MIGRATION_JOB_LABEL] === m.metadata.uid);
  }

  reconcile(key: string): void {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const m = client.tryGet(ResourceKey.vmims, ns, name);
    if (!m) return;
    const vmi = client.tryGet(ResourceKey.vmis, ns, m.spec?.vmiName ?? '');
    mirrorState(this.ctx, m, vmi);
    if (FINAL.has(m.status?.phase ?? '')) {
      // A final migration may go: its finalizer has nothing left to guard.
      if (m.metadata.deletionTimestamp) removeFinalizer(this.ctx, m);
      return;
    }
    if (m.metadata.deletionTimestamp) return this.cancel(m, vmi, key);
    ensureFinalizer(this.ctx, m);
    const phase = m.status?.phase ?? '';
    if (!vmi || vmi.status?.phase !== 'Running' || vmi.metadata.deletionTimestamp) {
      // Like KubeVirt, a migration waits in Pending for its VMI to run.
      if (phase === '') return this.setMigrationPhase(m, 'Pending');
      if (phase === 'Pending') return;
      return this.fail(m, vmi, `Migration failed because the VMI ${ns}/${m.spec?.vmiName} is not running`);
    }
    const source = vmi.status?.nodeName ?? '';
    switch (phase) {
      case '':
        return this.setMigrationPhase(m, 'Pending');
      case 'Pending': {
        const migratable = getCondition(vmi, 'LiveMigratable');
        if (migratable?.status !== 'True') {
          return this.fail(
            m,
            vmi,
            `Cannot migrate VMI, Reason: ${migratable?.reason}, Message: ${migratable?.message}`,
          );
        }
        const affinity = {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: [source] }] },
              ],
            },
          },
        };
        const podSpecVmi = {
          ...vmi,
          spec: {
            ...vmi.spec,
            nodeSelector: {
              ...(vmi.spec?.nodeSelector ?? {}),
              ...((m.spec as { addedNodeSelector?: Record<string, string> })?.addedNodeSelector ?? {}),
            },
          },
        } as VMI;
        const pod = client.create(
          ResourceKey.pods,
          launcherPod(
            podSpecVmi,
            { [MIGRATION_JOB_LABEL]: m.metadata.uid ?? '' },
            affinity,
            usesEmulation(client),
            serialConsoleLogDisabled(client),
          ),
        );
        this.ctx.record(
          m,
          'Normal',
          'SuccessfulCreate',
          `Created migration target pod ${ns}/${pod.metadata.name} with uuid ${pod.metadata.uid} for migration ${m.metadata.uid}`,
          COMPONENT,
        );
        return this.setMigrationPhase(m, 'Scheduling');
      }
      case 'Scheduling': {
        const pod = this.targetPods(m)[0];
        if (!pod) return this.fail(m, vmi, 'target pod is gone');
        if (pod.status?.phase !== 'Running' || !pod.spec?.nodeName) return;
        this.launcherLog.started(pod);
        this.editVmi(vmi, (s) => {
          s.migrationState = {
            migrationUid: m.metadata.uid,
            sourceNode: source,
            sourcePod: this.currentPodName(vmi),
            targetNode: pod.spec?.nodeName,
            targetPod: pod.metadata.name,
            targetNodeAddress: this.kubelet.nodeIp(pod.spec?.nodeName ?? ''),
            mode: 'PreCopy',
            ...migrationPolicyState(
              client.list(MIGRATION_POLICIES).items,
              vmi.metadata.labels ?? {},
              client.tryGet(ResourceKey.namespaces, undefined, ns ?? '')?.metadata.labels ?? {},
            ),
          };
        });
        return this.setMigrationPhase(m, 'Scheduled');
      }
      case 'Scheduled':
        if (this.wait(m, key, 0.5)) return;
        this.ctx.record(
          vmi,
          'Normal',
          'PreparingTarget',
          'VirtualMachineInstance Migration Target Prepared.',
          HANDLER,
          this.targetPods(m)[0]?.spec?.nodeName,
        );
        return this.setMigrationPhase(m, 'PreparingTarget');
      case 'PreparingTarget':
        if (this.wait(m, key, 1)) return;
        this.editVmi(vmi, (s) => {
          s.migrationState = {
            ...(s.migrationState as object),
            targetNodeDomainDetected: true,
            targetNodeDomainReadyTimestamp: nowIso(this.ctx),
          };
        });
        return this.setMigrationPhase(m, 'TargetReady');
      case 'TargetReady':
        this.editVmi(vmi, (s) => {
          s.migrationState = { ...(s.migrationState as object), startTimestamp: nowIso(this.ctx) };
        });
        this.ctx.record(vmi, 'Normal', 'Migrating', 'VirtualMachineInstance is migrating.', HANDLER, source);
        this.launcherLog.migrationStarted(this.currentPod(vmi), vmi);
        this.copying.set(vmi.metadata.uid ?? '', { since: this.ctx.clock.now(), memory: guestMemory(vmi) });
        return this.setMigrationPhase(m, 'Running');
      case 'Running':
        if (this.wait(m, key, migrationSeconds(guestMemory(vmi)))) return;
        this.copying.delete(vmi.metadata.uid ?? '');
        return this.complete(m, vmi);
    }
  }

  /**
   * A deleted migration that is not final: before the target is handed off it fails at once ("canceled");
   * while memory is copied virt-controller sets abortRequested on the VMI and virt-handler aborts the
   * copy: abortStatus Succeeded, failed and completed, the VMI stays on its source node.
   */
  private cancel(m: VMIM, vmi: VMI | undefined, key: string): void {
    const now = nowIso(this.ctx);
    requestAbort(this.ctx, m, now);
    const state = vmi?.status?.migrationState as { migrationUid?: string; abortRequested?: boolean } | undefined;
    const ours = vmi && state?.migrationUid === m.metadata.uid;
    if (m.status?.phase !== 'Running' || !ours) {
      this.due.delete(m.metadata.uid ?? '');
      return this.fail(m, vmi, 'Migration failed due to being canceled');
    }
    if (!state?.abortRequested) {
      this.editVmi(vmi, (s) => {
        s.migrationState = { ...(s.migrationState as object), abortRequested: true };
      });
      this.ctx.record(
        m,
        'Normal',
        'SuccessfulAbortMigration',
        'Migration is ready to be canceled by virt-handler.',
        COMPONENT,
      );
      this.due.delete(m.metadata.uid ?? '');
    }
    // virt-handler stops the copy (libvirt's abort job takes a moment).
    if (this.wait(m, key, 0.5)) return;
    this.copying.delete(vmi.metadata.uid ?? '');
    this.editVmi(vmi, (s) => {
      s.migrationState = {
        ...(s.migrationState as object),
        abortStatus: 'Succeeded',
        failed: true,
        completed: true,
        endTimestamp: nowIso(this.ctx),
        failureReason: 'Live migration aborted',
      };
    });
    this.ctx.record(
      vmi,
      'Warning',
      'Migrated',
      `VirtualMachineInstance migration uid ${m.metadata.uid} failed. reason: Live migration aborted`,
      HANDLER,
      vmi.status?.nodeName,
    );
    this.fail(m, vmi, 'Source node reported migration failed');
  }

  private currentPod(vmi: VMI): Pod | undefined {
    const pods = this.ctx.informers.pods.byIndex('owner', vmi.metadata.uid ?? '');
    return pods.find((p) => p.spec?.nodeName === vmi.status?.nodeName && p.status?.phase === 'Running');
  }

  private currentPodName(vmi: VMI): string | undefined {
    return this.currentPod(vmi)?.metadata.name;
  }

  private complete(m: VMIM, vmi: VMI): void {
    const target = this.targetPods(m)[0];
    if (!target?.spec?.nodeName) return this.fail(m, vmi, 'target pod is gone');
    const node = target.spec.nodeName;
    const ip = target.status?.podIP ?? '';
    const os = guestOsOf(this.ctx.client, vmi);
    const booted = vmi.status?.conditions?.some((c) => c.type === 'AgentConnected' && c.status === 'True') ?? false;
    const sources = this.ctx.informers.pods
      .byIndex('owner', vmi.metadata.uid ?? '')
      .filter((p) => p.metadata.uid !== target.metadata.uid);
    this.editVmi(vmi, (s, labels) => {
      s.nodeName = node;
      labels['kubevirt.io/nodeName'] = node;
      s.activePods = { [target.metadata.uid ?? '']: node };
      s.interfaces = interfacesStatus(vmi, ip, os.agent, booted);
      s.migrationState = { ...(s.migrationState as object), completed: true, endTimestamp: nowIso(this.ctx) };
    });
    editPodStatus(this.ctx.client, target.metadata.namespace, target.metadata.name ?? '', (o) => {
      const st = (o.status ?? {}) as { conditions?: Array<Record<string, unknown>> };
      st.conditions = (st.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'True' } : c));
      o.status = st;
    });
    this.launcherLog.migrationSucceeded(this.currentPod(vmi), target, vmi);
    for (const p of sources) this.kubelet.terminate(p, true);
    // The guest now runs behind the target pod's address.
    if (ip) this.ctx.guests.get(vmi.metadata.uid ?? '')?.guest.setAddress?.(ip);
    this.ctx.record(vmi, 'Normal', 'Migrated', `The VirtualMachineInstance migrated to node ${node}.`, HANDLER, node);
    this.setMigrationPhase(m, 'Succeeded');
  }
}
