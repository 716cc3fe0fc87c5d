/**
 * RestartRequired and live updates, recomputed from the store rather than remembered (vm.go
 * syncRestartRequired, handleCPUChangeRequest, handleMemoryHotplugRequest). KubeVirt compares the
 * VM's template spec with the one the VMI was started from, after copying over what may change
 * live: hot-plugged volumes and their disks always; with the LiveUpdate rollout strategy also CPU
 * sockets, guest memory, node selector, affinity and tolerations. The running VMI is that start
 * plus defaults and the live changes, so both sides get the same defaults before comparing. What
 * is left is either a non-live-updatable change, or a sockets/memory change that the hot-plug
 * checks accept (applied to the VMI) or refuse with KubeVirt's message.
 */
import { clone, jsonEqual } from '../../store/util.js';
import type { ClusterClient } from '../../runtime/client.js';
import { getCondition, isFinal } from '../../kubevirt/conditions.js';
import type { VM, VMI } from '../../kubevirt/types.js';
import { applyVmiDefaults, vmiFromVm } from '../../kubevirt/vmi-from-vm.js';
import { isHotplugVolume } from '../../kubevirt/volume-requests.js';
import { liveUpdateRollout } from '../../kubevirt/cluster-config.js';
import { quantityInteger } from '../../apimachinery/quantity.js';
import { RESTART_REQUIRED_MESSAGE } from '../../kubevirt/vm-conditions.js';

type Json = Record<string, unknown>;

export interface LiveUpdatePlan {
  /** RestartRequired's message, when a restart is needed. */
  restartRequired?: string;
  /** Sockets to hot-plug into the VMI. */
  sockets?: number;
  /** Guest memory to hot-plug into the VMI. */
  memory?: string;
}

/** A VMI spec with the defaults virt-controller and virt-api add, minus what changes at run time. */
function comparable(spec: unknown, live: boolean, wanted: Json): Json {
  const s = clone((spec ?? {}) as Json);
  applyVmiDefaults(s);
  s.architecture ??= 'amd64';
  const domain = s.domain as Json;
  // Generated per start, and patched by virt-api on a stop with a grace period.
  const firmware = { ...(domain.firmware as Json) };
  delete firmware.uuid;
  domain.firmware = firmware;
  delete s.terminationGracePeriodSeconds;
  // hot-plugged volumes and their disks may come and go
  const hot = new Set(((s.volumes as Json[] | undefined) ?? []).filter((v) => isHotplugVolume(v)).map((v) => v.name));
  s.volumes = ((s.volumes as Json[] | undefined) ?? []).filter((v) => !hot.has(v.name));
  const devices = (domain.devices ?? {}) as Json;
  devices.disks = ((devices.disks as Json[] | undefined) ?? []).filter((d) => !hot.has(d.name));
  // the hot-plug headroom virt-controller sets at start when the VM names none
  const wantedDomain = (wanted.domain ?? {}) as Json;
  // the CPU topology's defaults (one socket, core and thread), set on the VMI at start
  const cpu: Json = { sockets: 1, cores: 1, threads: 1, ...(domain.cpu as Json | undefined) };
  domain.cpu = cpu;
  if ((wantedDomain.cpu as Json | undefined)?.maxSockets === undefined) delete cpu.maxSockets;
  const memory = { ...(domain.memory as Json | undefined) };
  if ((wantedDomain.memory as Json | undefined)?.maxGuest === undefined) delete memory.maxGuest;
  // the guest memory the VMI got from resources.requests.memory
  if ((wantedDomain.memory as Json | undefined)?.guest === undefined) delete memory.guest;
  if (live) {
    delete cpu.sockets;
    delete memory.guest;
    delete s.nodeSelector;
    delete s.affinity;
    delete s.tolerations;
  }
  if (Object.keys(memory).length) domain.memory = memory;
  else delete domain.memory;
  return s;
}

function sockets(spec: Json | undefined): number {
  return ((spec?.domain as Json | undefined)?.cpu as { sockets?: number } | undefined)?.sockets ?? 1;
}
function memoryOf(spec: Json | undefined): { guest?: string; maxGuest?: string } {
  return ((spec?.domain as Json | undefined)?.memory ?? {}) as { guest?: string; maxGuest?: string };
}
const bytes = (q: string | undefined) => quantityInteger(q) ?? NaN;

function memoryRefusal(vmi: VMI, wantMem: string, maxGuest: string | undefined): string | undefined {
  const atBoot = (vmi.status as { memory?: { guestAtBoot?: string } } | undefined)?.memory?.guestAtBoot;
  if (getCondition(vmi, 'LiveMigratable')?.status !== 'True')
    return 'memory updated in template spec. Memory-hotplug is only available for migratable VMs';
  if (!maxGuest) return 'memory updated in template spec. Memory-hotplug is not available for this VM configuration';
  if (atBoot && bytes(wantMem) < bytes(atBoot))
    return 'memory updated in template spec to a value lower than what the VM started with';
  if (bytes(wantMem) > bytes(maxGuest))
    return "memory updated in template spec to a value higher than what's available";
  return undefined;
}

export function liveUpdatePlan(client: ClusterClient, vm: VM, vmi: VMI): LiveUpdatePlan {
  if (isFinal(vmi) || vmi.metadata.deletionTimestamp) return {};
  let wanted: Json;
  try {
    wanted = vmiFromVm(client, vm).spec as Json;
  } catch {
    return {}; // a missing instancetype is a sync error, not a pending restart
  }
  const live = liveUpdateRollout(client);
  const running = vmi.spec as unknown as Json;
  if (!jsonEqual(comparable(wanted, live, wanted), comparable(running, live, wanted)))
    return { restartRequired: RESTART_REQUIRED_MESSAGE };
  if (!live) return {};
  // handleCPUChangeRequest, then handleMemoryHotplugRequest: each accepted change is applied, the
  // last refusal is the condition's message
  const plan: LiveUpdatePlan = {};
  const want = sockets(wanted);
  const have = sockets(running);
  if (want !== have) {
    const max = ((running.domain as Json).cpu as { maxSockets?: number } | undefined)?.maxSockets ?? 0;
    if (want > max)
      plan.restartRequired = "CPU sockets updated in template spec to a value higher than what's available";
    else if (want < have) plan.restartRequired = 'Reduction of CPU socket count requires a restart';
    else plan.sockets = want;
  }
  const wantMem = memoryOf(wanted).guest;
  const haveMem = memoryOf(running);
  if (wantMem && haveMem.guest && bytes(wantMem) !== bytes(haveMem.guest)) {
    const refusal = memoryRefusal(vmi, wantMem, haveMem.maxGuest);
    if (refusal) plan.restartRequired = refusal;
    else plan.memory = wantMem;
  }
  return plan;
}
