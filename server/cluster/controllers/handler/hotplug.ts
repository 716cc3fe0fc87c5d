/**
 * virt-handler's share of hot-plug (pkg/virt-handler/vm.go updateHotplugVolumeStatus,
 * updateVolumeStatusesFromDomain, generateEventsForVolumeStatusChange, and the live CPU and memory
 * updates): a volume whose attachment pod is ready is mounted into the launcher pod
 * (MountedToPod), then attached to the domain with a target (Ready); an unplugged one is detached
 * (UnMounted). Each phase change is an event. The guest sees its block devices change; a CPU
 * sockets or guest memory change of the VMI reaches the guest and status.currentCPUTopology /
 * status.memory.
 */
import { ResourceKey, isNotFound, type ClusterClient } from '../../runtime/client.js';
import { quantityInteger } from '../../apimachinery/quantity.js';
import type { VMI } from '../../kubevirt/types.js';
import type { GuestEntry } from '../context.js';
import type { VolumeStore } from '../../cdi/volumes.js';
import { attachedTargets, guestDisks, nextTarget } from './guest-disks.js';
import type { VolumeStatus } from '../vmi/volume-hotplug.js';

const COMPONENT = 'virt-handler';
type Record_ = (vmi: VMI, type: 'Normal' | 'Warning', reason: string, message: string) => void;

function statusOf(vmi: VMI): VolumeStatus[] {
  return (vmi.status?.volumeStatus ?? []) as VolumeStatus[];
}

/** The next volume statuses (one step per volume), or undefined when nothing moves. */
export function nextVolumeStatuses(vmi: VMI): VolumeStatus[] | undefined {
  const spec = new Set((vmi.spec?.volumes ?? []).map((v) => v.name));
  const disks = vmi.spec?.domain?.devices?.disks ?? [];
  const taken = statusOf(vmi).flatMap((s) => (s.target ? [s.target] : []));
  let changed = false;
  const next = statusOf(vmi).map((s0) => {
    if (!s0.hotplugVolume) return s0;
    const s = structuredClone(s0);
    if (spec.has(s.name)) {
      if (s.phase === 'AttachedToNode' && s.hotplugVolume?.attachPodUID) {
        s.phase = 'MountedToPod';
        s.reason = 'VolumeMountedToPod';
        s.message = `Volume ${s.name} has been mounted in virt-launcher pod`;
      } else if (s.phase === 'MountedToPod') {
        const bus = disks.find((d) => d.name === s.name)?.disk?.bus;
        s.target = nextTarget(bus, taken);
        taken.push(s.target);
        s.phase = 'Ready';
        s.reason = 'VolumeReady';
        s.message = `Successfully attach hotplugged volume ${s.name} to VM`;
      }
    } else if (s.phase === 'Ready' || s.phase === 'MountedToPod') {
      s.target = ''; // as KubeVirt: the field stays (no omitempty), empty
      s.phase = 'UnMounted';
      s.reason = 'VolumeUnMountedFromPod';
      s.message = `Volume ${s.name} has been unmounted from virt-launcher pod`;
    }
    if (s.phase !== s0.phase) changed = true;
    return s;
  });
  return changed ? next : undefined;
}

export function syncHotplug(
  client: ClusterClient,
  vmi: VMI,
  entry: GuestEntry | undefined,
  record: Record_,
  volumes?: VolumeStore,
): void {
  const next = nextVolumeStatuses(vmi);
  if (next) {
    try {
      client.mutate(
        ResourceKey.vmis,
        vmi.metadata.namespace,
        vmi.metadata.name ?? '',
        (o) => {
          if (o.metadata.uid !== vmi.metadata.uid) return false;
          if (JSON.stringify(o.status?.volumeStatus) !== JSON.stringify(vmi.status?.volumeStatus)) return false;
          o.status = { ...o.status, volumeStatus: next as NonNullable<VMI['status']>['volumeStatus'] };
        },
        { fieldManager: COMPONENT },
      );
    } catch (err) {
      if (!isNotFound(err)) throw err;
      return;
    }
    const before = new Map(statusOf(vmi).map((s) => [s.name, s.phase]));
    for (const s of next) if (before.get(s.name) !== s.phase) record(vmi, 'Normal', s.reason ?? '', s.message ?? '');
    vmi = client.tryGet(ResourceKey.vmis, vmi.metadata.namespace, vmi.metadata.name ?? '') ?? vmi;
  }
  const guest = entry?.guest;
  if (!guest) return;
  // only a real guest needs the images (QMP hot-plug)
  guest.setDisks?.(guestDisks(client, vmi, attachedTargets(vmi), guest.runningOnceBooted ? volumes : undefined));
  syncCpuMemory(client, vmi, entry);
}

/** CPU sockets and guest memory patched live into the VMI reach the guest and the status. */
function syncCpuMemory(client: ClusterClient, vmi: VMI, entry: GuestEntry): void {
  const cpu = vmi.spec?.domain?.cpu;
  const status = vmi.status as
    { currentCPUTopology?: { sockets?: number }; memory?: Record<string, string> } | undefined;
  const topology = status?.currentCPUTopology;
  const guestMem = vmi.spec?.domain?.memory?.guest;
  const memory = status?.memory;
  const cpuMoved = !!topology && (cpu?.sockets ?? 1) !== (topology.sockets ?? 1);
  const memMoved = !!memory && !!guestMem && quantityInteger(guestMem) !== quantityInteger(memory.guestCurrent);
  if (!cpuMoved && !memMoved) return;
  const sockets = cpu?.sockets ?? 1;
  if (cpuMoved) entry.guest.setCpus?.(sockets * (cpu?.cores ?? 1) * (cpu?.threads ?? 1));
  if (memMoved) entry.guest.setMemory?.(quantityInteger(guestMem) ?? 0);
  client.mutate(
    ResourceKey.vmis,
    vmi.metadata.namespace,
    vmi.metadata.name ?? '',
    (o) => {
      if (o.metadata.uid !== vmi.metadata.uid) return false;
      const s = { ...(o.status as Record<string, unknown>) };
      if (cpuMoved) s.currentCPUTopology = { cores: cpu?.cores ?? 1, sockets, threads: cpu?.threads ?? 1 };
      if (memMoved)
        s.memory = { ...(s.memory as Record<string, string>), guestCurrent: guestMem, guestRequested: guestMem };
      o.status = s as typeof o.status;
    },
    { fieldManager: COMPONENT },
  );
}
