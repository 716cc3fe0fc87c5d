/**
 * Building the VMI a VM starts (vm.go setupVMIFromVM + the VMI defaults virt-api applies):
 * template labels and annotations, owner reference, finalizer, default disks for volumes
 * without one, the default pod network interface, and the instancetype / preference.
 */
import { ResourceKey, type ClusterClient, type KObject } from '../runtime/client.js';
import type { VM } from './types.js';
import { revisionSpec, type StatusRef } from './instancetype-revisions.js';

export const VM_FINALIZER = 'kubevirt.io/virtualMachineControllerFinalize';
export const VMI_FINALIZER = 'kubevirt.io/foregroundDeleteVirtualMachine';
export const VM_GENERATION_ANNOTATION = 'kubevirt.io/vm-generation';

type Json = Record<string, unknown>;

interface Matcher {
  kind?: string;
  name?: string;
}

export class InstancetypeError extends Error {}

function findSpec(
  client: ClusterClient,
  vm: VM,
  matcher: Matcher | undefined,
  kinds: [string, string, string, string],
  ref: StatusRef | undefined,
): Json | undefined {
  if (!matcher?.name) return undefined;
  // the ControllerRevision the VM controller stored wins over the live object (pkg/instancetype/find)
  const stored = revisionSpec(client, vm, matcher, ref);
  if (stored) return stored;
  const [nsKind, nsRes, clusterKind, clusterRes] = kinds;
  const kind = (matcher.kind ?? clusterKind).toLowerCase();
  const namespaced = kind === nsKind.toLowerCase() || kind === `${nsKind.toLowerCase()}s`;
  const res = namespaced ? nsRes : clusterRes;
  const obj = client.tryGet(res, namespaced ? vm.metadata.namespace : undefined, matcher.name);
  if (!obj) {
    const what = res.split('.')[0].endsWith('instancetypes') ? 'instancetype' : 'preference';
    throw new InstancetypeError(`failed to find ${what}: ${res} "${matcher.name}" not found`);
  }
  return (obj.spec as Json | undefined) ?? {};
}

function deepDefaults(target: Json, defaults: Json): Json {
  for (const [k, v] of Object.entries(defaults)) {
    const cur = target[k];
    if (cur === undefined) target[k] = structuredClone(v);
    else if (isObj(cur) && isObj(v)) deepDefaults(cur, v);
  }
  return target;
}

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Applies instancetype (authoritative) and preference (defaults only) to a VMI spec. */
export function applyInstancetype(
  client: ClusterClient,
  vm: VM,
  spec: Json,
  opts: { withDefaults?: boolean } = {},
): void {
  // expand.go: default disks and interface first, as startVMI does
  if (opts.withDefaults) applyVolumeAndNetworkDefaults(spec);
  const refs = (vm.status ?? {}) as { instancetypeRef?: StatusRef; preferenceRef?: StatusRef };
  const it = findSpec(
    client,
    vm,
    vm.spec?.instancetype as Matcher | undefined,
    [
      'VirtualMachineInstancetype',
      ResourceKey.instancetypes,
      'VirtualMachineClusterInstancetype',
      ResourceKey.clusterInstancetypes,
    ],
    refs.instancetypeRef,
  );
  const pref = findSpec(
    client,
    vm,
    vm.spec?.preference as Matcher | undefined,
    [
      'VirtualMachinePreference',
      ResourceKey.preferences,
      'VirtualMachineClusterPreference',
      ResourceKey.clusterPreferences,
    ],
    refs.preferenceRef,
  );
  const domain = (spec.domain ??= {}) as Json;
  if (it) {
    const cpu = it.cpu as { guest?: number; dedicatedCPUPlacement?: boolean } | undefined;
    const memory = it.memory as { guest?: string } | undefined;
    const topology = (
      (pref?.cpu as { preferredCPUTopology?: string } | undefined)?.preferredCPUTopology ?? 'preferSockets'
    ).toLowerCase();
    if (cpu?.guest) {
      const n = cpu.guest;
      domain.cpu = {
        ...(domain.cpu as Json | undefined),
        sockets: topology.includes('socket') || topology === 'any' ? n : 1,
        cores: topology.includes('core') ? n : 1,
        threads: topology.includes('thread') ? n : 1,
      };
      if (cpu.dedicatedCPUPlacement) (domain.cpu as Json).dedicatedCpuPlacement = true;
    }
    if (memory?.guest) {
      domain.memory = { ...(domain.memory as Json | undefined), guest: memory.guest };
      const resources = domain.resources as { requests?: Json } | undefined;
      if (resources?.requests) delete resources.requests.memory;
    }
    for (const k of ['gpus', 'hostDevices', 'ioThreadsPolicy', 'launchSecurity'] as const) {
      if (it[k] !== undefined) domain[k] = structuredClone(it[k]);
    }
  }
  if (pref) {
    const devices = (domain.devices ??= {}) as Json;
    const p = (pref.devices ?? {}) as Json;
    // applyDiskPreferences: the preferred bus of each disk, CD-ROM and LUN that names none
    for (const d of (devices.disks as Json[] | undefined) ?? []) {
      for (const [target, key] of [
        ['disk', 'preferredDiskBus'],
        ['cdrom', 'preferredCdromBus'],
        ['lun', 'preferredLunBus'],
      ] as const) {
        const dev = d[target] as Json | undefined;
        const bus = p[key] as string | undefined;
        if (dev && bus && !dev.bus) dev.bus = bus;
      }
    }
    const model = p.preferredInterfaceModel as string | undefined;
    if (model) for (const i of (devices.interfaces as Json[] | undefined) ?? []) i.model ??= model;
    const firmware = pref.firmware as { preferredUseEfi?: boolean; preferredUseSecureBoot?: boolean } | undefined;
    if (firmware?.preferredUseEfi && !domain.firmware) {
      domain.firmware = { bootloader: { efi: { secureBoot: firmware.preferredUseSecureBoot ?? false } } };
    }
    const machine = (pref.machine as { preferredMachineType?: string } | undefined)?.preferredMachineType;
    if (machine) deepDefaults(domain, { machine: { type: machine } });
  }
}

/** SetDefaultVolumeDisk + SetDefaultNetworkInterface (bridge binding on the pod network). */
export function applyVmiDefaults(spec: Json): void {
  applyVolumeAndNetworkDefaults(spec);
  const domain = spec.domain as Json;
  deepDefaults(domain, { machine: { type: 'q35' }, features: { acpi: { enabled: true } } });
  domain.firmware ??= {};
  (domain.firmware as Json).uuid ??= crypto.randomUUID();
}

/** The disks of volumes without one and the default interface: before preferences apply to them. */
function applyVolumeAndNetworkDefaults(spec: Json): void {
  const domain = (spec.domain ??= {}) as Json;
  const devices = (domain.devices ??= {}) as Json;
  const disks = ((devices.disks as Json[] | undefined) ?? []).slice();
  const named = new Set(disks.map((d) => d.name));
  for (const v of (spec.volumes as Json[] | undefined) ?? []) {
    if (!named.has(v.name) && !v.memoryDump) disks.push({ name: v.name, disk: {} });
  }
  if (disks.length) devices.disks = disks;
  const autoattach = devices.autoattachPodInterface !== false;
  if (!spec.networks && !devices.interfaces && autoattach) {
    devices.interfaces = [{ name: 'default', bridge: {} }];
    spec.networks = [{ name: 'default', pod: {} }];
  }
}

/** The VMI object the VM controller creates. */
export function vmiFromVm(client: ClusterClient, vm: VM): KObject {
  const template = (vm.spec?.template ?? {}) as { metadata?: Json; spec?: Json };
  const meta = (template.metadata ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string> };
  const spec = structuredClone(template.spec ?? {}) as Json;
  // vm.go startVMI: default disks and interface first, so preferences reach them too
  applyVolumeAndNetworkDefaults(spec);
  applyInstancetype(client, vm, spec);
  applyVmiDefaults(spec);
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: {
      name: vm.metadata.name,
      namespace: vm.metadata.namespace,
      labels: { ...(meta.labels ?? {}) },
      annotations: {
        ...(meta.annotations ?? {}),
        'kubevirt.io/latest-observed-api-version': 'v1',
        'kubevirt.io/storage-observed-api-version': 'v1',
        [VM_GENERATION_ANNOTATION]: String(vm.metadata.generation ?? 1),
      },
      ownerReferences: [
        {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          name: vm.metadata.name ?? '',
          uid: vm.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      finalizers: [VM_FINALIZER],
    },
    spec,
  };
}
