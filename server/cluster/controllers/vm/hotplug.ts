/**
 * The VM controller's hot-plug work (pkg/virt-controller/watch/vm/vm.go):
 * - setupCPUHotplug / setupMemoryHotplug at start with the LiveUpdate rollout strategy: the VMI
 *   gets its headroom, maxSockets (the VM's, the cluster's maxCpuSockets, or sockets times the
 *   hot-plug ratio) and maxGuest (likewise from the guest memory);
 * - handleVolumeRequests: each status.volumeRequests entry is applied to the VM's template spec
 *   and sent to the running VMI (virt-api's VMI addvolume/removevolume); trimDoneVolumeRequests
 *   drops the ones the spec shows done;
 * - the declarative way (DeclarativeHotplugVolumes without HotplugVolumes): the running VMI follows
 *   the hot-pluggable volumes of the VM's template;
 * - VMICPUsPatch and the memory patch of handleMemoryHotplugRequest: accepted live changes.
 */
import { ResourceKey, type ClusterClient, type KObject } from '../../runtime/client.js';
import { IDENTITY } from '../../runtime/identity.js';
import { quantityInteger } from '../../apimachinery/quantity.js';
import { formatBytes } from '../../kubevirt/quantity.js';
import {
  featureGateEnabled,
  kubevirtConfiguration,
  liveUpdateRollout,
  maxHotplugRatio,
} from '../../kubevirt/cluster-config.js';
import { applyVolumeRequest, isHotplugVolume, type VolumeRequest } from '../../kubevirt/volume-requests.js';
import type { VM, VMI } from '../../kubevirt/types.js';
import { vmiVolumePatch } from '../../subresources/volume-hotplug.js';
import type { LiveUpdatePlan } from './restart-required.js';

type Json = Record<string, unknown>;
const CONTROLLER = { fieldManager: 'virtualmachine-controller', user: IDENTITY.kubevirtController };

/** The headroom a new VMI gets under LiveUpdate. */
export function setupHotplugHeadroom(client: ClusterClient, vmi: KObject): void {
  if (!liveUpdateRollout(client)) return;
  const ratio = maxHotplugRatio(client);
  const limits = kubevirtConfiguration(client).liveUpdateConfiguration ?? {};
  const domain = ((vmi.spec as Json).domain ??= {}) as Json;
  const cpu = (domain.cpu ??= {}) as Json;
  cpu.sockets ??= 1;
  cpu.cores ??= 1;
  cpu.threads ??= 1;
  cpu.maxSockets ??= limits.maxCpuSockets ?? (cpu.sockets as number) * ratio;
  const requests = (domain.resources as { requests?: Json } | undefined)?.requests;
  const memory = (domain.memory ?? {}) as Json;
  const guest = (memory.guest as string | undefined) ?? (requests?.memory as string | undefined);
  const guestBytes = quantityInteger(guest);
  if (guest && guestBytes) {
    memory.guest = guest;
    memory.maxGuest ??= limits.maxGuest ?? formatBytes(guestBytes * ratio);
    domain.memory = memory;
  }
}

function declarativeOnly(client: ClusterClient): boolean {
  return !featureGateEnabled(client, 'HotplugVolumes') && featureGateEnabled(client, 'DeclarativeHotplugVolumes');
}

/** handleVolumeRequests (and the declarative sync); true when it wrote the VM (a new reconcile follows). */
export function syncVolumeRequests(client: ClusterClient, vm: VM, vmi: VMI | undefined): boolean {
  const requests = ((vm.status ?? {}) as { volumeRequests?: VolumeRequest[] }).volumeRequests ?? [];
  const live = vmi && !vmi.metadata.deletionTimestamp && vmi.status?.phase === 'Running';
  const vmiVolumes = new Set((vmi?.spec?.volumes ?? []).map((v) => v.name));
  for (const r of requests) {
    if (!live) continue;
    const add = r.addVolumeOptions;
    const remove = r.removeVolumeOptions;
    if ((add && vmiVolumes.has(add.name ?? '')) || (remove && !vmiVolumes.has(remove.name ?? ''))) continue;
    try {
      vmiVolumePatch(client, vm.metadata.namespace ?? '', vm.metadata.name ?? '', r, CONTROLLER);
    } catch {
      // a conflicting VMI change: the next reconcile tries again
    }
  }
  if (live && declarativeOnly(client)) syncDeclarative(client, vm, vmi);
  if (!requests.length) return false;
  const template = (vm.spec?.template?.spec ?? {}) as unknown as Json;
  const next = structuredClone(template);
  for (const r of requests) applyVolumeRequest(next, r);
  if (JSON.stringify(next) === JSON.stringify(template)) return false;
  client.mutate(
    ResourceKey.vms,
    vm.metadata.namespace,
    vm.metadata.name ?? '',
    (o) => {
      const t = ((o.spec as unknown as Json).template ??= {}) as Json;
      const spec = (t.spec ??= {}) as Json;
      for (const r of requests) applyVolumeRequest(spec, r);
    },
    CONTROLLER,
  );
  return true;
}

function syncDeclarative(client: ClusterClient, vm: VM, vmi: VMI): void {
  const template = vm.spec?.template?.spec;
  const wanted = (template?.volumes ?? []).filter((v) => isHotplugVolume(v));
  const have = (vmi.spec?.volumes ?? []).filter((v) => isHotplugVolume(v));
  const ns = vm.metadata.namespace ?? '';
  const name = vm.metadata.name ?? '';
  for (const v of wanted) {
    if (have.some((h) => h.name === v.name)) continue;
    const disk = (template?.domain?.devices?.disks ?? []).find((d) => d.name === v.name) ?? { name: v.name, disk: {} };
    const volumeSource = v.dataVolume
      ? { dataVolume: v.dataVolume }
      : { persistentVolumeClaim: v.persistentVolumeClaim };
    try {
      vmiVolumePatch(
        client,
        ns,
        name,
        { addVolumeOptions: { name: v.name, disk: disk as unknown as Json, volumeSource } },
        CONTROLLER,
      );
    } catch {
      // retried on the next reconcile
    }
  }
  for (const h of have) {
    if (wanted.some((v) => v.name === h.name)) continue;
    try {
      vmiVolumePatch(client, ns, name, { removeVolumeOptions: { name: h.name } }, CONTROLLER);
    } catch {
      // retried on the next reconcile
    }
  }
}

/** trimDoneVolumeRequests: requests whose result the template shows. */
export function pendingVolumeRequests(vm: VM): VolumeRequest[] | undefined {
  const requests = ((vm.status ?? {}) as { volumeRequests?: VolumeRequest[] }).volumeRequests;
  if (!requests?.length) return undefined;
  const spec = vm.spec?.template?.spec;
  const volumes = new Set((spec?.volumes ?? []).map((v) => v.name));
  const disks = new Set((spec?.domain?.devices?.disks ?? []).map((d) => d.name));
  const left = requests.filter((r) => {
    const n = r.addVolumeOptions?.name ?? r.removeVolumeOptions?.name ?? '';
    if (r.addVolumeOptions) return !(volumes.has(n) && disks.has(n));
    return volumes.has(n) || disks.has(n);
  });
  return left.length ? left : undefined;
}

/** The accepted live CPU and memory changes, patched into the running VMI. */
export function applyLivePlan(client: ClusterClient, vmi: VMI, plan: LiveUpdatePlan): void {
  if (plan.sockets === undefined && plan.memory === undefined) return;
  client.mutate(
    ResourceKey.vmis,
    vmi.metadata.namespace,
    vmi.metadata.name ?? '',
    (o) => {
      if (o.metadata.uid !== vmi.metadata.uid) return false;
      const domain = (o.spec as unknown as Json).domain as Json;
      if (plan.sockets !== undefined) domain.cpu = { ...(domain.cpu as Json), sockets: plan.sockets };
      if (plan.memory !== undefined) domain.memory = { ...(domain.memory as Json), guest: plan.memory };
    },
    CONTROLLER,
  );
}
