/**
 * The scrapes that fill the embedded Prometheus: what virt-handler's domainstats collector exports
 * for each running VMI (from its guest's hypervisor counters, GuestStats) and what virt-controller
 * exports about all VMIs (kubevirt_vmi_info, kubevirt_vmi_phase_count, migration times), with
 * KubeVirt's names and labels. One round every `intervalMs`.
 */
import type { ControllerContext } from '../controllers/context.js';
import type { GuestStats } from '../guest/types.js';
import type { VMI } from '../kubevirt/types.js';
import type { MigrationProgress } from '../kubevirt/migration-progress.js';
import type { Labels } from './promql/values.js';
import type { RingStore, ScrapedSample } from './ring-store.js';

export interface CollectorOptions {
  store: RingStore;
  ctx: Pick<ControllerContext, 'informers' | 'guests' | 'clock' | 'log'>;
  /** Progress of a VMI's migration that is copying memory now. */
  migration?: (vmiUid: string) => MigrationProgress | undefined;
  intervalMs: number;
}

const STATS_TIMEOUT_MS = 2000;
/** Stale targets (stopped VMIs) are forgotten this long after their last sample. */
const KEEP_STALE_MS = 60 * 60_000;

const labelKey = (k: string) => `kubernetes_vmi_label_${k.replace(/[./-]/g, '_')}`;

/** namespace, name, node and the VMI's labels (virt-handler's domainstats labels). */
function vmiLabels(vmi: VMI): Record<string, string> {
  const out: Record<string, string> = {
    node: vmi.status?.nodeName ?? '',
    namespace: vmi.metadata.namespace ?? '',
    name: vmi.metadata.name ?? '',
  };
  for (const [k, v] of Object.entries(vmi.metadata.labels ?? {})) out[labelKey(k)] = v;
  return out;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref())]);
}

/** virt-handler's domainstats samples for one VMI. */
export function domainSamples(vmi: VMI, stats: GuestStats, migration?: MigrationProgress): ScrapedSample[] {
  const base = vmiLabels(vmi);
  const out: ScrapedSample[] = [];
  const add = (name: string, value: number, extra: Labels = {}) =>
    out.push({ labels: { __name__: name, ...base, ...extra }, value });
  add('kubevirt_vmi_cpu_usage_seconds_total', stats.cpu.totalSeconds);
  add('kubevirt_vmi_cpu_user_usage_seconds_total', stats.cpu.userSeconds);
  add('kubevirt_vmi_cpu_system_usage_seconds_total', stats.cpu.systemSeconds);
  stats.vcpuSeconds?.forEach((s, i) => add('kubevirt_vmi_vcpu_seconds_total', s, { id: String(i), state: 'running' }));
  const m = stats.memory;
  if (m) {
    add('kubevirt_vmi_memory_available_bytes', m.availableBytes);
    add('kubevirt_vmi_memory_usable_bytes', m.usableBytes);
    // KubeVirt's recording rule: available - usable.
    add('kubevirt_vmi_memory_used_bytes', Math.max(0, m.availableBytes - m.usableBytes));
    add('kubevirt_vmi_memory_unused_bytes', m.unusedBytes);
    add('kubevirt_vmi_memory_cached_bytes', m.cachedBytes);
    add('kubevirt_vmi_memory_resident_bytes', m.residentBytes);
    add('kubevirt_vmi_memory_domain_bytes', m.domainBytes);
    add('kubevirt_vmi_memory_actual_balloon_bytes', m.domainBytes);
    add('kubevirt_vmi_memory_pgmajfault_total', m.majorFaults);
    add('kubevirt_vmi_memory_pgminfault_total', m.minorFaults);
  }
  const ifaces = vmi.spec?.domain?.devices?.interfaces ?? [];
  if (stats.net && ifaces.length) {
    const n = stats.net;
    ifaces.forEach((iface, i) => {
      const labels = { interface: iface.name ?? `net${i}`, network: vmi.spec?.networks?.[i]?.name ?? '' };
      const own = i === 0 ? n : { rxBytes: 0, txBytes: 0, rxPackets: 0, txPackets: 0 };
      add('kubevirt_vmi_network_receive_bytes_total', own.rxBytes, labels);
      add('kubevirt_vmi_network_transmit_bytes_total', own.txBytes, labels);
      add('kubevirt_vmi_network_receive_packets_total', own.rxPackets, labels);
      add('kubevirt_vmi_network_transmit_packets_total', own.txPackets, labels);
      for (const d of ['receive_errors', 'transmit_errors', 'receive_packets_dropped', 'transmit_packets_dropped'])
        add(`kubevirt_vmi_network_${d}_total`, 0, labels);
    });
  }
  const disks = vmi.spec?.domain?.devices?.disks ?? [];
  disks.forEach((disk, i) => {
    const b =
      stats.blocks?.[i] ??
      (stats.blocks
        ? { rdBytes: 0, wrBytes: 0, rdReqs: 0, wrReqs: 0, rdSeconds: 0, wrSeconds: 0, flReqs: 0 }
        : undefined);
    if (!b) return;
    const labels = { drive: disk.name ?? `disk${i}` };
    add('kubevirt_vmi_storage_read_traffic_bytes_total', b.rdBytes, labels);
    add('kubevirt_vmi_storage_write_traffic_bytes_total', b.wrBytes, labels);
    add('kubevirt_vmi_storage_iops_read_total', b.rdReqs, labels);
    add('kubevirt_vmi_storage_iops_write_total', b.wrReqs, labels);
    add('kubevirt_vmi_storage_read_times_seconds_total', b.rdSeconds, labels);
    add('kubevirt_vmi_storage_write_times_seconds_total', b.wrSeconds, labels);
    add('kubevirt_vmi_storage_flush_requests_total', b.flReqs, labels);
  });
  if (migration) {
    add('kubevirt_vmi_migration_data_processed_bytes', migration.processedBytes);
    add('kubevirt_vmi_migration_data_remaining_bytes', migration.remainingBytes);
    add('kubevirt_vmi_migration_dirty_memory_rate_bytes', migration.dirtyRateBytes);
    add('kubevirt_vmi_migration_disk_transfer_rate_bytes', migration.transferRateBytes);
  }
  return out;
}

/** virt-controller's samples about every VMI. */
export function controllerSamples(vmis: VMI[]): ScrapedSample[] {
  const out: ScrapedSample[] = [];
  const phases = new Map<string, { labels: Labels; count: number }>();
  for (const vmi of vmis) {
    const ann = vmi.metadata.annotations ?? {};
    const phase = (vmi.status?.phase ?? '').toLowerCase();
    const node = vmi.status?.nodeName ?? '';
    const os = ann['vm.kubevirt.io/os'] ?? '';
    const workload = ann['vm.kubevirt.io/workload'] ?? '';
    const flavor = ann['vm.kubevirt.io/flavor'] ?? '';
    const instanceType = ann['kubevirt.io/cluster-instancetype-name'] ?? ann['kubevirt.io/instancetype-name'] ?? '';
    const preference = ann['kubevirt.io/cluster-preference-name'] ?? ann['kubevirt.io/preference-name'] ?? '';
    const guest = (vmi.status as { guestOSInfo?: Record<string, string> } | undefined)?.guestOSInfo ?? {};
    out.push({
      labels: {
        __name__: 'kubevirt_vmi_info',
        node,
        namespace: vmi.metadata.namespace ?? '',
        name: vmi.metadata.name ?? '',
        phase,
        os,
        workload,
        flavor,
        instance_type: instanceType,
        preference,
        guest_os_kernel_release: guest.kernelRelease ?? '',
        guest_os_arch: guest.machine ?? '',
        guest_os_name: guest.name ?? '',
        guest_os_version_id: guest.versionID ?? '',
      },
      value: 1,
    });
    const key = [node, phase, os, workload, flavor, instanceType, preference].join('\0');
    const p = phases.get(key);
    if (p) p.count++;
    else
      phases.set(key, {
        labels: {
          __name__: 'kubevirt_vmi_phase_count',
          node,
          phase,
          os,
          workload,
          flavor,
          instance_type: instanceType,
          preference,
        },
        count: 1,
      });
    const ms = vmi.status?.migrationState as
      { startTimestamp?: string; endTimestamp?: string; failed?: boolean; completed?: boolean } | undefined;
    const base = { node, namespace: vmi.metadata.namespace ?? '', name: vmi.metadata.name ?? '' };
    if (ms?.startTimestamp)
      out.push({
        labels: { __name__: 'kubevirt_vmi_migration_start_time_seconds', ...base },
        value: Date.parse(ms.startTimestamp) / 1000,
      });
    if (ms?.endTimestamp)
      out.push({
        labels: {
          __name__: 'kubevirt_vmi_migration_end_time_seconds',
          ...base,
          status: ms.failed ? 'failed' : 'succeeded',
        },
        value: Date.parse(ms.endTimestamp) / 1000,
      });
  }
  for (const p of phases.values()) out.push({ labels: p.labels, value: p.count });
  // Prometheus drops empty label values.
  return out.map((s) => ({ ...s, labels: Object.fromEntries(Object.entries(s.labels).filter(([, v]) => v !== '')) }));
}

export class MetricsCollector {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly live = new Set<string>();

  constructor(private readonly opts: CollectorOptions) {}

  start(): void {
    const tick = () => {
      this.timer = setTimeout(() => void this.scrape().finally(tick), this.opts.intervalMs);
      this.timer.unref();
    };
    void this.scrape().finally(tick);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One round: every running VMI's guest, then the controller's view. */
  async scrape(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { store, ctx } = this.opts;
      const vmis = ctx.informers.vmis.list();
      const seen = new Set<string>();
      const reads = vmis.map(async (vmi) => {
        const uid = vmi.metadata.uid ?? '';
        const guest = ctx.guests.get(uid)?.guest;
        if (vmi.status?.phase !== 'Running' || !guest?.stats) return;
        const got = guest.stats();
        const stats =
          got instanceof Promise
            ? await withTimeout(
                got.catch(() => undefined),
                STATS_TIMEOUT_MS,
              )
            : got;
        if (!stats) return;
        seen.add(uid);
        store.append(uid, ctx.clock.now(), domainSamples(vmi, stats, this.opts.migration?.(uid)));
      });
      await Promise.all(reads);
      const now = ctx.clock.now();
      for (const uid of this.live) if (!seen.has(uid)) store.markStale(uid, now);
      this.live.clear();
      for (const uid of seen) this.live.add(uid);
      store.append('virt-controller', now, controllerSamples(vmis));
      store.compact(now - KEEP_STALE_MS);
    } catch (err) {
      this.opts.ctx.log('metrics scrape failed', { error: (err as Error).message });
    } finally {
      this.running = false;
    }
  }
}
