/**
 * virtualmachines/{name}/addvolume|removevolume and virtualmachineinstances/{name}/addvolume|
 * removevolume, as virt-api answers them (pkg/virt-api/rest/volumes.go): the body is an
 * AddVolumeOptions or RemoveVolumeOptions; 400 for a missing gate or field, 409 for a volume
 * that exists (or does not, or is not hotpluggable); 202 on success. With the HotplugVolumes gate
 * the VM's request goes to status.volumeRequests (the VM controller applies it to the spec and the
 * running VMI); with only DeclarativeHotplugVolumes it patches the VM's template spec. The VMI's
 * own request patches the VMI spec (an ephemeral hot-plug).
 */
import { errors } from '../store/index.js';
import { ResourceKey, type ClusterClient } from '../runtime/client.js';
import { IDENTITY } from '../runtime/identity.js';
import { featureGateEnabled } from '../kubevirt/cluster-config.js';
import {
  applyVolumeRequest,
  requestName,
  verifyVolumeOption,
  type AddVolumeOptions,
  type RemoveVolumeOptions,
  type VolumeRequest,
} from '../kubevirt/volume-requests.js';
import type { VM } from '../kubevirt/types.js';
import { isRunning, loadVmi, vmiConflict } from './vmi-actions.js';
import { vmConflict } from './vm-actions.js';

const VIRT_API: { fieldManager: string; user: string } = { fieldManager: 'virt-api', user: IDENTITY.kubevirtApi };
const NOT_ENABLED = 'Enable DeclarativeHotplugVolumes or HotplugVolumes feature gate to use this API.';

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function decode(body: unknown, type: string): Json {
  if (body === undefined || body === null)
    throw errors.badRequest('Request with no body, a new name is expected as the request body');
  if (!isObj(body)) {
    const what = Array.isArray(body) ? 'array' : typeof body;
    throw errors.badRequest(
      `Can not unmarshal Request body to struct, error: json: cannot unmarshal ${what} into Go value of type v1.${type}`,
    );
  }
  for (const [k, want] of [
    ['name', 'string'],
    ['disk', 'object'],
    ['volumeSource', 'object'],
  ] as const) {
    const v = body[k];
    if (v !== undefined && v !== null && (want === 'object' ? !isObj(v) : typeof v !== want)) {
      throw errors.badRequest(
        `Can not unmarshal Request body to struct, error: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go struct field ${type}.${k} of type ${want === 'string' ? 'string' : 'v1.' + (k === 'disk' ? 'Disk' : 'HotplugVolumeSource')}`,
      );
    }
  }
  return body;
}

function dryRun(req: VolumeRequest): boolean {
  const d = (req.addVolumeOptions ?? req.removeVolumeOptions)?.dryRun;
  return Array.isArray(d) && d[0] === 'All';
}

function enabled(client: ClusterClient): { legacy: boolean; declarative: boolean } {
  const legacy = featureGateEnabled(client, 'HotplugVolumes');
  const declarative = featureGateEnabled(client, 'DeclarativeHotplugVolumes');
  return { legacy, declarative };
}

function addRequest(client: ClusterClient, body: unknown): VolumeRequest {
  const gates = enabled(client);
  if (!gates.legacy && !gates.declarative) throw errors.badRequest(NOT_ENABLED);
  const opts = structuredClone(decode(body, 'AddVolumeOptions')) as AddVolumeOptions;
  if (!opts.name) throw errors.badRequest('AddVolumeOptions requires name to be set');
  if (!opts.disk) throw errors.badRequest('AddVolumeOptions requires disk to not be nil');
  if (!opts.volumeSource) throw errors.badRequest('AddVolumeOptions requires VolumeSource to not be nil');
  opts.disk = { ...opts.disk, name: opts.name };
  if (opts.volumeSource.dataVolume) opts.volumeSource.dataVolume.hotpluggable = true;
  else if (opts.volumeSource.persistentVolumeClaim) opts.volumeSource.persistentVolumeClaim.hotpluggable = true;
  return { addVolumeOptions: opts };
}

function removeRequest(client: ClusterClient, body: unknown): VolumeRequest {
  const gates = enabled(client);
  if (!gates.legacy && !gates.declarative) throw errors.badRequest(NOT_ENABLED);
  const opts = structuredClone(decode(body, 'RemoveVolumeOptions')) as RemoveVolumeOptions;
  if (!opts.name) throw errors.badRequest('RemoveVolumeOptions requires name to be set');
  return { removeVolumeOptions: opts };
}

/** addAddVolumeRequests / addRemoveVolumeRequests: the VM's next status.volumeRequests. */
function nextRequests(current: VolumeRequest[], req: VolumeRequest): VolumeRequest[] | string {
  const name = requestName(req);
  if (req.addVolumeOptions) {
    for (const r of current) {
      if (r.addVolumeOptions?.name === name) return `add volume request for volume [${name}] already exists`;
      if (r.removeVolumeOptions?.name === name)
        return `unable to add volume since a remove volume request for volume [${name}] already exists and is still being processed`;
    }
    return [...current, req];
  }
  const kept: VolumeRequest[] = [];
  for (const r of current) {
    if (r.removeVolumeOptions?.name === name) return `a remove volume request for volume [${name}] already exists`;
    if (r.addVolumeOptions?.name !== name) kept.push(r);
  }
  return [...kept, req];
}

function loadVm(client: ClusterClient, ns: string, name: string): VM {
  const vm = client.tryGet(ResourceKey.vms, ns, name) as VM | undefined;
  if (!vm) throw errors.notFound('kubevirt.io', 'virtualmachines', name);
  return vm;
}

function vmRequest(client: ClusterClient, ns: string, name: string, req: VolumeRequest): void {
  const vm = loadVm(client, ns, name);
  const why = verifyVolumeOption(vm.spec?.template?.spec?.volumes ?? [], req);
  if (why) throw vmConflict(name, why);
  const opts = { ...VIRT_API, dryRun: dryRun(req) };
  if (enabled(client).legacy) {
    const status = (vm.status ?? {}) as { volumeRequests?: VolumeRequest[] };
    const next = nextRequests(status.volumeRequests ?? [], req);
    if (typeof next === 'string') throw vmConflict(name, next);
    client.mutate(
      ResourceKey.vms,
      ns,
      name,
      (o) => {
        // the JSON patch's test operation: the requests we validated against
        if (JSON.stringify((o.status as typeof status)?.volumeRequests) !== JSON.stringify(status.volumeRequests))
          throw vmConflict(name, 'the volume requests changed, try again');
        o.status = { ...(o.status ?? {}), volumeRequests: next } as typeof o.status;
      },
      { ...opts, subresource: 'status' },
    );
    return;
  }
  client.mutate(
    ResourceKey.vms,
    ns,
    name,
    (o) => {
      const template = ((o.spec as unknown as Json).template ??= {}) as Json;
      applyVolumeRequest((template.spec ??= {}) as Json, req);
    },
    opts,
  );
}

/** vmiVolumePatch: the running VMI's spec gets (or loses) the volume and its disk. */
export function vmiVolumePatch(client: ClusterClient, ns: string, name: string, req: VolumeRequest, user = VIRT_API) {
  const vmi = loadVmi(client, ns, name);
  const owned = (vmi.metadata.ownerReferences ?? []).some((r) => r.kind === 'VirtualMachine' && r.controller);
  if (owned && !enabled(client).legacy) throw errors.badRequest(`VMI ${ns}/${name} is owned by a VM`);
  if (!isRunning(vmi)) throw vmiConflict(name, 'VMI is not running');
  const why = verifyVolumeOption(vmi.spec?.volumes ?? [], req);
  if (why) throw vmiConflict(name, why);
  client.mutate(
    ResourceKey.vmis,
    ns,
    name,
    (o) => {
      applyVolumeRequest(o.spec as unknown as Json, req);
    },
    { ...user, dryRun: dryRun(req) },
  );
}

export function addVolume(client: ClusterClient, kind: 'vm' | 'vmi', ns: string, name: string, body: unknown): void {
  const req = addRequest(client, body);
  if (kind === 'vm') vmRequest(client, ns, name, req);
  else vmiVolumePatch(client, ns, name, req);
}

export function removeVolume(client: ClusterClient, kind: 'vm' | 'vmi', ns: string, name: string, body: unknown): void {
  const req = removeRequest(client, body);
  if (kind === 'vm') vmRequest(client, ns, name, req);
  else vmiVolumePatch(client, ns, name, req);
}
