/**
 * The VM validator's instance type checks, which read the cluster (pkg/instancetype/webhooks/vm
 * admitter.ApplyToVM, pkg/instancetype/apply and conflict): the instance type and preference
 * must exist ("Failure to find instancetype: ..."; a VM whose status names a ControllerRevision
 * uses that), the preference's requirements must fit the instance type, and the VM's template may
 * not set what the instance type provides: each such field is a cause "VM field(s) <path>
 * conflicts with selected instance type".
 */
import type { AdmissionRequest } from './types.js';
import type { WebhookCause } from './status.js';
import { asObj, asStr, isObject, type Json } from './schema.js';
import { quantityInteger } from '../apimachinery/quantity.js';
import type { Lookup } from './snapshot-webhooks.js';

const BASE = 'spec.template.spec';
const REVISIONS = 'controllerrevisions.apps';
const KINDS = {
  instancetype: ['virtualmachineinstancetype', 'virtualmachineinstancetypes', 'virtualmachineclusterinstancetypes'],
  preference: ['virtualmachinepreference', 'virtualmachinepreferences', 'virtualmachineclusterpreferences'],
} as const;

type Found = { spec: Json } | { error: string } | undefined;

function find(lookup: Lookup, vm: Json, field: 'instancetype' | 'preference'): Found {
  const matcher = asObj(asObj(vm.spec)[field]);
  const name = asStr(matcher.name);
  if (!name) return undefined;
  const ref = asObj(asObj(vm.status)[`${field}Ref`]);
  const revision = asStr(asObj(ref.controllerRevisionRef).name);
  const ns = asStr(asObj(vm.metadata).namespace);
  if (revision && asStr(ref.name) === name) {
    const rev = lookup.get(REVISIONS, ns, revision);
    if (rev) return { spec: asObj(asObj(rev.data).spec) };
  }
  const [nsKind, nsPlural, clusterPlural] = KINDS[field];
  const kind = asStr(matcher.kind).toLowerCase();
  const namespaced = kind === nsKind || kind === nsPlural;
  const plural = namespaced ? nsPlural : clusterPlural;
  const obj = lookup.get(`${plural}.instancetype.kubevirt.io`, namespaced ? ns : undefined, name);
  if (!obj) return { error: `${plural}.instancetype.kubevirt.io ${JSON.stringify(name)} not found` };
  return { spec: asObj(obj.spec) };
}

const has = (o: Json, k: string) => o[k] !== undefined && o[k] !== null;

/** pkg/instancetype/apply: the template fields the instance type owns and the VM sets anyway. */
function conflicts(it: Json, tspec: Json): string[] {
  const out: string[] = [];
  const domain = asObj(tspec.domain);
  const cpu = asObj(domain.cpu);
  const memory = asObj(domain.memory);
  const resources = asObj(domain.resources);
  const requests = asObj(resources.requests);
  const limits = asObj(resources.limits);
  const itCpu = asObj(it.cpu);
  const itMemory = asObj(it.memory);
  if (has(it, 'nodeSelector') && has(tspec, 'nodeSelector')) out.push(`${BASE}.nodeSelector`);
  if (has(it, 'schedulerName') && asStr(tspec.schedulerName)) out.push(`${BASE}.schedulerName`);
  if (has(requests, 'cpu')) out.push(`${BASE}.domain.resources.requests.cpu`);
  if (has(limits, 'cpu')) out.push(`${BASE}.domain.resources.limits.cpu`);
  for (const k of ['sockets', 'cores', 'threads']) if (Number(cpu[k] ?? 0) !== 0) out.push(`${BASE}.domain.cpu.${k}`);
  for (const [k, itK] of [
    ['model', 'model'],
    ['dedicatedCpuPlacement', 'dedicatedCPUPlacement'],
    ['isolateEmulatorThread', 'isolateEmulatorThread'],
    ['numa', 'numa'],
    ['realtime', 'realtime'],
  ] as const) {
    if (cpu[k] && has(itCpu, itK))
      out.push(`${BASE}.domain.cpu.${k === 'dedicatedCpuPlacement' ? 'dedicatedCPUPlacement' : k}`);
  }
  // applyMemory stops at the first conflict
  const memoryConflict = has(memory, 'guest')
    ? 'memory.guest'
    : has(memory, 'hugepages') && has(itMemory, 'hugepages')
      ? 'memory.hugepages'
      : has(memory, 'maxGuest') && has(itMemory, 'maxGuest')
        ? 'memory.maxGuest'
        : has(requests, 'memory')
          ? 'resources.requests.memory'
          : has(limits, 'memory')
            ? 'resources.limits.memory'
            : undefined;
  if (memoryConflict) out.push(`${BASE}.domain.${memoryConflict}`);
  if (has(it, 'ioThreadsPolicy') && has(domain, 'ioThreadsPolicy')) out.push(`${BASE}.domain.ioThreadsPolicy`);
  if (has(it, 'launchSecurity') && has(domain, 'launchSecurity')) out.push(`${BASE}.domain.launchSecurity`);
  const devices = asObj(domain.devices);
  if (has(it, 'gpus') && Array.isArray(devices.gpus) && devices.gpus.length) out.push(`${BASE}.domain.devices.gpus`);
  if (has(it, 'hostDevices') && Array.isArray(devices.hostDevices) && devices.hostDevices.length)
    out.push(`${BASE}.domain.devices.hostDevices`);
  return out;
}

/** pkg/instancetype/preference/requirements: what the preference needs of the instance type. */
function requirementCauses(it: Json, pref: Json): WebhookCause[] {
  const req = asObj(pref.requirements);
  const causes: WebhookCause[] = [];
  const needCpu = Number(asObj(req.cpu).guest ?? 0);
  const haveCpu = Number(asObj(it.cpu).guest ?? 0);
  if (needCpu && haveCpu < needCpu)
    causes.push({
      reason: 'FieldValueInvalid',
      message: `insufficient CPU resources of ${haveCpu} vCPU provided by instance type, preference requires ${needCpu} vCPU`,
      field: 'spec.instancetype',
    });
  const needMem = asStr(asObj(req.memory).guest);
  const haveMem = asStr(asObj(it.memory).guest);
  if (needMem && (quantityInteger(haveMem) ?? 0) < (quantityInteger(needMem) ?? 0))
    causes.push({
      reason: 'FieldValueInvalid',
      message: `insufficient Memory resources of ${haveMem} provided by instance type, preference requires ${needMem}`,
      field: 'spec.instancetype',
    });
  return causes;
}

export function instancetypeCauses(req: AdmissionRequest, vm: Json, lookup: Lookup): WebhookCause[] {
  if (req.operation === 'DELETE' || req.subresource || asObj(vm.metadata).deletionTimestamp) return [];
  if (req.group !== 'kubevirt.io' || req.resource !== 'virtualmachines') return [];
  const withNs =
    isObject(vm.metadata) && !vm.metadata.namespace && req.namespace
      ? { ...vm, metadata: { ...vm.metadata, namespace: req.namespace } }
      : vm;
  const it = find(lookup, withNs, 'instancetype');
  if (it && 'error' in it)
    return [
      {
        reason: 'FieldValueNotFound',
        message: `Failure to find instancetype: ${it.error}`,
        field: 'spec.instancetype',
      },
    ];
  const pref = find(lookup, withNs, 'preference');
  if (pref && 'error' in pref)
    return [
      { reason: 'FieldValueNotFound', message: `Failure to find preference: ${pref.error}`, field: 'spec.preference' },
    ];
  if (!it) return [];
  const tspec = asObj(asObj(asObj(vm.spec).template).spec);
  const fields = conflicts(it.spec, tspec);
  if (fields.length)
    return fields.map((field) => ({
      reason: 'FieldValueInvalid',
      message: `VM field(s) ${field} conflicts with selected instance type`,
      field,
    }));
  return pref ? requirementCauses(it.spec, pref.spec) : [];
}
