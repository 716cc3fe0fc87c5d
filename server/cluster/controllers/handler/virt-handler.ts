/**
 * virt-handler: starts the domain (a guest from the guest backend) once the launcher pod runs,
 * reports Running with its conditions and addresses, the guest agent's data after boot, and
 * handles graceful shutdown, crashes, guest power-off, pause/unpause and soft reboot.
 */
import { editPodStatus } from '../pods/pod-status.js';
import { ResourceKey, isNotFound, keyOf, splitKey } from '../../runtime/client.js';
import { isFinal } from '../../kubevirt/conditions.js';
import { nowIso, type ControllerContext, type GuestEntry } from '../context.js';
import { isCrashingImage } from '../../kubevirt/conventions.js';
import type { Pod, VMI } from '../../kubevirt/types.js';
import { containerDiskImages } from '../../kubevirt/launcher-pod.js';
import { ownerVmiKey } from '../vmi/vmi-controller.js';
import { dropCondition, setCondition, setPhase, type VmiStatus } from '../vmi/vmi-status.js';
import type { Kubelet } from '../pods/kubelet.js';
import { guestOptions, guestOsOf } from './guest-options.js';
import { domainStartedFields, interfacesStatus, liveMigratable, primaryMac } from './running-status.js';
import { GUEST_CONSOLE_LOG, LauncherLog } from './launcher-log.js';
import { syncHotplug } from './hotplug.js';
import { credentialSecrets, syncAgentKeys } from './access-credentials.js';

const COMPONENT = 'virt-handler';
const DEFAULT_GRACE_SECONDS = 180;

export class VirtHandler {
  private readonly shutdowns = new Map<string, () => void>();
  private readonly crashes = new Set<string>();
  private readonly launcherLog: LauncherLog;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly kubelet: Kubelet,
    private readonly emulation: () => boolean,
  ) {
    this.launcherLog = new LauncherLog(ctx.containerLogs, () => ctx.clock.now());
  }

  watch(): void {
    const { informers, queues } = this.ctx;
    informers.vmis.on({ onChange: (o) => queues.handler.add(keyOf(o)) });
    // access credentials follow their Secrets
    informers.secrets.on({
      onChange: (s) => {
        for (const vmi of informers.vmis.list(s.metadata.namespace))
          if (credentialSecrets(vmi).includes(s.metadata.name ?? '')) queues.handler.add(keyOf(vmi));
      },
    });
    informers.pods.on({
      onChange: (o) => {
        const k = ownerVmiKey(o);
        if (k) queues.handler.add(k);
      },
      // The kubelet removes a deleted pod's log files.
      onDelete: (o) => {
        this.ctx.containerLogs.forget(o.metadata.uid ?? '');
        const k = ownerVmiKey(o);
        if (k) queues.handler.add(k);
      },
    });
  }

  stop(): void {
    for (const cancel of this.shutdowns.values()) cancel();
    for (const e of this.ctx.guests.values()) e.guest.destroy();
    this.ctx.guests.clear();
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const vmi = this.ctx.client.tryGet(ResourceKey.vmis, ns, name);
    for (const [uid, e] of this.ctx.guests) {
      if (e.namespace === ns && e.name === name && uid !== vmi?.metadata.uid) this.discard(uid);
    }
    if (!vmi || isFinal(vmi)) return;
    const uid = vmi.metadata.uid ?? '';
    const phase = vmi.status?.phase;
    if (vmi.metadata.deletionTimestamp) {
      if (phase === 'Scheduled' || phase === 'Running') this.shutdown(vmi);
      return;
    }
    if (phase === 'Running') {
      const record = (v: VMI, type: 'Normal' | 'Warning', reason: string, message: string) =>
        this.ctx.record(v, type, reason, message, COMPONENT, v.status?.nodeName);
      syncHotplug(this.ctx.client, vmi, this.ctx.guests.get(uid), record, this.ctx.disks);
      syncAgentKeys(this.ctx.client, vmi, this.ctx.guests.get(uid)?.guest, nowIso(this.ctx), (type, reason, message) =>
        record(vmi, type, reason, message),
      );
    }
    if (phase !== 'Scheduled' || this.ctx.guests.has(uid) || this.crashes.has(uid)) return;
    const pod = this.launcherPod(vmi);
    if (!pod || pod.status?.phase !== 'Running') return;
    if (containerDiskImages(vmi).some((d) => isCrashingImage(d.image))) {
      this.crashes.add(uid);
      this.ctx.clock.after(1.5, () => {
        this.crashes.delete(uid);
        const cur = this.ctx.client.tryGet(ResourceKey.vmis, ns, name);
        if (cur?.metadata.uid !== uid || isFinal(cur)) return;
        this.ctx.record(
          cur,
          'Warning',
          'SyncFailed',
          'server error. command SyncVMI failed: "LibvirtError(Code=1, Domain=10, Message=\'internal error: QEMU unexpectedly closed the monitor: qemu-kvm: Could not open disk image: Invalid argument\')"',
          COMPONENT,
          cur.status?.nodeName,
        );
        this.finish(cur, 'Failed');
      });
      return;
    }
    this.startDomain(vmi, pod);
  }

  launcherPod(vmi: VMI): Pod | undefined {
    const pods = this.ctx.informers.pods.byIndex('owner', vmi.metadata.uid ?? '');
    return pods.find((p) => p.spec?.nodeName === vmi.status?.nodeName && p.status?.phase === 'Running') ?? pods[0];
  }

  private editStatus(vmi: VMI, fn: (s: VmiStatus) => void): void {
    try {
      this.ctx.client.mutate(
        ResourceKey.vmis,
        vmi.metadata.namespace,
        vmi.metadata.name ?? '',
        (o) => {
          if (o.metadata.uid !== vmi.metadata.uid) return false;
          const s = structuredClone((o.status ?? {}) as VmiStatus);
          fn(s);
          o.status = s;
        },
        { fieldManager: COMPONENT },
      );
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  private startDomain(vmi: VMI, pod: Pod): GuestEntry {
    const ip = pod.status?.podIP ?? '';
    this.launcherLog.started(pod);
    this.launcherLog.domainStarting(pod, vmi);
    const entry = this.createGuest(vmi, ip);
    // A real guest is Running once it has booted (see onBooted).
    if (!entry.guest.runningOnceBooted) this.domainStarted(vmi, ip);
    return entry;
  }

  private domainStarted(vmi: VMI, ip: string): void {
    const now = nowIso(this.ctx);
    const os = guestOsOf(this.ctx.client, vmi);
    const migratable = liveMigratable(this.ctx.client, vmi);
    this.editStatus(vmi, (s) => {
      setPhase(s, 'Running', now);
      Object.assign(s, domainStartedFields(vmi, { ip, mac: primaryMac(vmi) }, os));
      setCondition(s, { type: 'Ready', status: 'True' }, now);
      setCondition(s, migratable, now);
    });
    this.setPodReady(vmi, true);
    this.launcherLog.domainStarted(this.launcherPod(vmi), vmi);
    this.ctx.record(vmi, 'Normal', 'Started', 'VirtualMachineInstance started.', COMPONENT, vmi.status?.nodeName);
    if ((vmi.spec as { startStrategy?: string } | undefined)?.startStrategy === 'Paused') {
      const cur = this.ctx.client.tryGet(ResourceKey.vmis, vmi.metadata.namespace, vmi.metadata.name ?? '');
      if (cur) this.pause(cur);
    }
  }

  private createGuest(vmi: VMI, ip: string): GuestEntry {
    const opts = guestOptions(
      this.ctx.client,
      vmi,
      { ip, mac: primaryMac(vmi) },
      this.ctx.clock.speed,
      this.emulation(),
      this.ctx.volumes,
      this.ctx.disks,
      this.ctx.backend.kind === 'qemu',
    );
    const guest = this.ctx.backend.create(opts);
    const uid = vmi.metadata.uid ?? '';
    const entry: GuestEntry = {
      guest,
      vmiUid: uid,
      namespace: vmi.metadata.namespace ?? '',
      name: vmi.metadata.name ?? '',
    };
    this.ctx.guests.set(uid, entry);
    this.logSerialConsole(entry);
    if (guest.notice)
      this.ctx.record(
        vmi,
        guest.notice.type,
        guest.notice.reason,
        guest.notice.message,
        COMPONENT,
        vmi.status?.nodeName,
      );
    guest.on('booted', () => this.onBooted(entry));
    guest.on('crashed', (reason) =>
      this.withVmi(entry, (cur) => {
        this.ctx.log(`virt-handler: ${keyOf(cur)}: ${reason}`);
        this.finish(cur, 'Failed');
      }),
    );
    guest.on('reboot', () =>
      this.withVmi(entry, (cur) => this.editStatus(cur, (s) => dropCondition(s, 'AgentConnected'))),
    );
    guest.on('poweroff', () => this.withVmi(entry, (cur) => this.finish(cur, 'Succeeded')));
    return entry;
  }

  /**
   * virt-launcher's guest-console-log container tails the serial console's log file (QEMU writes
   * everything the guest prints there, from power-on): its log is the guest's serial output.
   */
  private logSerialConsole(entry: GuestEntry): void {
    const channel = entry.guest.openSerial();
    const decoder = new TextDecoder();
    channel.onData((data) =>
      this.withVmi(entry, (vmi) => {
        const pod = this.launcherPod(vmi);
        if (!pod?.spec?.containers?.some((c) => c.name === GUEST_CONSOLE_LOG)) return;
        this.ctx.containerLogs.write(pod.metadata.uid ?? '', GUEST_CONSOLE_LOG, decoder.decode(data, { stream: true }));
      }),
    );
  }

  private withVmi(entry: GuestEntry, fn: (vmi: VMI) => void): void {
    if (this.ctx.guests.get(entry.vmiUid) !== entry) return;
    const vmi = this.ctx.client.tryGet(ResourceKey.vmis, entry.namespace, entry.name);
    if (vmi?.metadata.uid === entry.vmiUid) fn(vmi);
  }

  private onBooted(entry: GuestEntry): void {
    this.withVmi(entry, (vmi) => {
      if (vmi.status?.phase === 'Scheduled') this.domainStarted(vmi, this.launcherPod(vmi)?.status?.podIP ?? '');
    });
    this.withVmi(entry, (vmi) => {
      const os = guestOsOf(this.ctx.client, vmi);
      if (!os.agent) return;
      const now = nowIso(this.ctx);
      const ip = vmi.status?.interfaces?.[0]?.ipAddress ?? '';
      this.editStatus(vmi, (s) => {
        setCondition(s, { type: 'AgentConnected', status: 'True' }, now);
        s.guestOSInfo = os.info;
        s.interfaces = interfacesStatus(vmi, ip, true, true);
      });
    });
  }

  /** The guest of a Running VMI, created on demand (after a restart, or for pre-seeded VMIs). */
  ensureGuest(vmi: VMI): GuestEntry | undefined {
    const uid = vmi.metadata.uid ?? '';
    const existing = this.ctx.guests.get(uid);
    if (existing) return existing;
    if (vmi.status?.phase !== 'Running' || vmi.metadata.deletionTimestamp) return undefined;
    return this.createGuest(vmi, vmi.status?.interfaces?.[0]?.ipAddress ?? '');
  }

  private shutdown(vmi: VMI): void {
    const uid = vmi.metadata.uid ?? '';
    if (this.shutdowns.has(uid)) return;
    const entry = this.ctx.guests.get(uid);
    const grace = vmi.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
    this.ctx.record(vmi, 'Normal', 'ShuttingDown', 'Signaled Graceful Shutdown', COMPONENT, vmi.status?.nodeName);
    this.launcherLog.shutdownSignaled(this.launcherPod(vmi), vmi);
    if (!entry || grace === 0 || entry.guest.state === 'off') {
      this.finish(vmi, 'Succeeded');
      return;
    }
    const cancel = this.ctx.clock.after(grace, () => {
      this.shutdowns.delete(uid);
      this.withVmi(entry, (cur) => this.finish(cur, 'Failed'));
    });
    this.shutdowns.set(uid, cancel);
    entry.guest.shutdown(true);
  }

  /** The domain is gone: final phase, pod containers exit, guest discarded. */
  finish(vmi: VMI, phase: 'Succeeded' | 'Failed'): void {
    const uid = vmi.metadata.uid ?? '';
    this.discard(uid);
    this.launcherLog.stopped(this.launcherPod(vmi), phase === 'Failed');
    const now = nowIso(this.ctx);
    this.editStatus(vmi, (s) => {
      setPhase(s, phase, now);
      setCondition(
        s,
        { type: 'Ready', status: 'False', reason: 'PodTerminating', message: 'virt-launcher pod is terminating' },
        now,
      );
      dropCondition(s, 'AgentConnected');
      dropCondition(s, 'Paused');
    });
    if (phase === 'Succeeded') {
      this.ctx.record(
        vmi,
        'Normal',
        'Stopped',
        'The VirtualMachineInstance was shut down.',
        COMPONENT,
        vmi.status?.nodeName,
      );
    } else {
      this.ctx.record(
        vmi,
        'Warning',
        'Stopped',
        'The VirtualMachineInstance crashed.',
        COMPONENT,
        vmi.status?.nodeName,
      );
    }
    for (const pod of this.ctx.informers.pods.byIndex('owner', uid)) this.kubelet.terminate(pod, phase === 'Succeeded');
  }

  private discard(uid: string): void {
    this.shutdowns.get(uid)?.();
    this.shutdowns.delete(uid);
    const entry = this.ctx.guests.get(uid);
    if (!entry) return;
    this.ctx.guests.delete(uid);
    if (entry.guest.state !== 'destroyed') entry.guest.destroy();
  }

  setPodReady(vmi: VMI, ready: boolean): void {
    const pod = this.launcherPod(vmi);
    if (!pod) return;
    const now = nowIso(this.ctx);
    editPodStatus(this.ctx.client, pod.metadata.namespace, pod.metadata.name ?? '', (o) => {
      const status = (o.status ?? {}) as { conditions?: Array<Record<string, unknown>> };
      const want = ready ? 'True' : 'False';
      let changed = false;
      status.conditions = (status.conditions ?? []).map((c) => {
        if ((c.type === 'Ready' || c.type === 'kubevirt.io/virtual-machine-unpaused') && c.status !== want) {
          changed = true;
          return { ...c, status: want, lastTransitionTime: now };
        }
        return c;
      });
      if (!changed) return false;
      o.status = status;
    });
  }

  pause(vmi: VMI): void {
    this.ensureGuest(vmi)?.guest.pause();
    const now = nowIso(this.ctx);
    this.editStatus(vmi, (s) => {
      setCondition(
        s,
        { type: 'Paused', status: 'True', reason: 'PausedByUser', message: 'VMI was paused by user' },
        now,
      );
      setCondition(
        s,
        { type: 'Ready', status: 'False', reason: 'PausedByUser', message: 'VMI was paused by user' },
        now,
      );
    });
    this.setPodReady(vmi, false);
    this.launcherLog.paused(this.launcherPod(vmi), vmi, true);
    this.ctx.record(vmi, 'Normal', 'Paused', 'VirtualMachineInstance paused', COMPONENT, vmi.status?.nodeName);
  }

  unpause(vmi: VMI): void {
    this.ensureGuest(vmi)?.guest.unpause();
    const now = nowIso(this.ctx);
    this.editStatus(vmi, (s) => {
      dropCondition(s, 'Paused');
      setCondition(s, { type: 'Ready', status: 'True' }, now);
    });
    this.setPodReady(vmi, true);
    this.launcherLog.paused(this.launcherPod(vmi), vmi, false);
    this.ctx.record(vmi, 'Normal', 'Unpaused', 'VirtualMachineInstance unpaused', COMPONENT, vmi.status?.nodeName);
  }

  softReboot(vmi: VMI): void {
    this.ensureGuest(vmi)?.guest.reboot();
  }
}
