/**
 * virt-api's webhooks for snapshots, restores and clones, which read the cluster (the target VM
 * and its VMI, the snapshot): pkg/virt-api/webhooks/validating-webhook/admitters/
 * vmsnapshot-admitter.go, vmrestore-admitter.go and vmclone-admitter.go. `withLookups` runs them
 * after the admission chain, with the store's reads.
 */
import type { AdmissionRequest, AdmissionResult } from './types.js';
import { kubevirtDenied, type WebhookCause } from './status.js';
import { asObj, asStr, deepEqual, isObject, type Json } from './schema.js';
import type { Admit } from './chain.js';
import { instancetypeCauses } from './instancetype-webhook.js';

export interface Lookup {
  get(res: string, ns: string | undefined, name: string): Json | undefined;
  list(res: string, ns: string | undefined): Json[];
}

const SNAPSHOT_WEBHOOK = 'virtualmachinesnapshot-validator.snapshot.kubevirt.io';
const RESTORE_WEBHOOK = 'virtualmachinerestore-validator.snapshot.kubevirt.io';
const CLONE_WEBHOOK = 'vm-clone-validator.kubevirt.io';
const VMS = 'virtualmachines.kubevirt.io';
const VMIS = 'virtualmachineinstances.kubevirt.io';
const SNAPSHOTS = 'virtualmachinesnapshots.snapshot.kubevirt.io';
const RESTORES = 'virtualmachinerestores.snapshot.kubevirt.io';
const CONTENTS = 'virtualmachinesnapshotcontents.snapshot.kubevirt.io';

const invalid = (message: string, field: string): WebhookCause => ({ reason: 'FieldValueInvalid', message, field });
const immutable = (req: AdmissionRequest, obj: Json): WebhookCause[] =>
  req.operation === 'UPDATE' && !deepEqual(obj.spec, asObj(req.oldObject).spec)
    ? [invalid('spec in immutable after creation', 'spec')]
    : [];

/** A reference's apiGroup, kind and name (spec.source / spec.target). */
function ref(v: unknown): { apiGroup?: string; kind: string; name: string } {
  const o = asObj(v);
  return {
    apiGroup: typeof o.apiGroup === 'string' ? o.apiGroup : undefined,
    kind: asStr(o.kind),
    name: asStr(o.name),
  };
}

function snapshotCauses(req: AdmissionRequest, obj: Json): WebhookCause[] {
  if (req.operation !== 'CREATE') return immutable(req, obj);
  const source = ref(asObj(obj.spec).source);
  if (source.apiGroup === undefined)
    return [{ reason: 'FieldValueNotFound', message: 'missing apiGroup', field: 'spec.source.apiGroup' }];
  if (source.apiGroup.split('/')[0] !== 'kubevirt.io') return [invalid('invalid apiGroup', 'spec.source.apiGroup')];
  if (source.kind !== 'VirtualMachine') return [invalid('invalid kind', 'spec.source.kind')];
  return [];
}

function restoreCauses(req: AdmissionRequest, obj: Json, lookup: Lookup): WebhookCause[] {
  if (req.operation !== 'CREATE') return immutable(req, obj);
  const ns = req.namespace;
  const spec = asObj(obj.spec);
  const target = ref(spec.target);
  const causes: WebhookCause[] = [];
  let targetUid: string | undefined;
  let targetExists = false;
  if (target.apiGroup === undefined)
    causes.push({ reason: 'FieldValueNotFound', message: 'missing apiGroup', field: 'spec.target.apiGroup' });
  else if (target.apiGroup !== 'kubevirt.io') causes.push(invalid('invalid apiGroup', 'spec.target.apiGroup'));
  else if (target.kind !== 'VirtualMachine') causes.push(invalid('invalid kind', 'spec.target.kind'));
  else {
    causes.push(...patchCauses(spec.patches));
    const vm = lookup.get(VMS, ns, target.name);
    if (vm) {
      targetExists = true;
      if (lookup.get(VMIS, ns, target.name))
        causes.push(
          invalid(
            `VirtualMachineInstance ${JSON.stringify(target.name)} exists, VM must be stopped before restore`,
            'spec.target',
          ),
        );
      else targetUid = asStr(asObj(vm.metadata).uid);
    }
  }
  const snapshotName = asStr(spec.virtualMachineSnapshotName);
  const field = 'spec.virtualMachineSnapshotName';
  for (const r of lookup.list(RESTORES, ns)) {
    const status = asObj(r.status);
    if (deepEqual(asObj(r.spec).target, spec.target) && status.complete !== true)
      causes.push(
        invalid(`VirtualMachineRestore ${JSON.stringify(asStr(asObj(r.metadata).name))} in progress`, 'spec.target'),
      );
  }
  const snapshot = lookup.get(SNAPSHOTS, ns, snapshotName);
  if (!snapshot)
    return [...causes, invalid(`VirtualMachineSnapshot ${JSON.stringify(snapshotName)} does not exist`, field)];
  const status = asObj(snapshot.status);
  if (status.phase === 'Failed')
    causes.push(
      invalid(`VirtualMachineSnapshot ${JSON.stringify(snapshotName)} has failed and is invalid to use`, field),
    );
  if (status.readyToUse !== true)
    causes.push(invalid(`VirtualMachineSnapshot ${JSON.stringify(snapshotName)} is not ready to use`, field));
  const sourceUid = typeof status.sourceUID === 'string' ? status.sourceUID : undefined;
  if (targetExists && targetUid && sourceUid && targetUid !== sourceUid)
    causes.push(invalid('when snapshot source and restore target VMs are different - target VM must not exist', field));
  if (sourceUid !== undefined && (!targetExists || (targetUid && targetUid !== sourceUid))) {
    // restoring to another VM: not when the snapshotted VM has backend storage (persistent TPM or EFI)
    const content = lookup.get(CONTENTS, ns, asStr(status.virtualMachineSnapshotContentName));
    const vmSpec = asObj(asObj(asObj(asObj(asObj(content?.spec).source).virtualMachine).spec).template).spec;
    const domain = asObj(asObj(vmSpec).domain);
    const tpm = asObj(asObj(domain.devices).tpm);
    const efi = asObj(asObj(asObj(domain.firmware).bootloader).efi);
    if (tpm.persistent === true || efi.persistent === true)
      causes.push(
        invalid(
          'Restore to a different VM is not supported when snapshotted VM has backend storage (persistent TPM or EFI)',
          'spec',
        ),
      );
  }
  return causes;
}

/** Restore patches: only under /spec/ or on labels and annotations (validatePatches). */
function patchCauses(patches: unknown): WebhookCause[] {
  const causes: WebhookCause[] = [];
  for (const patch of Array.isArray(patches) ? patches : []) {
    for (const kv of String(patch)
      .replace(/^\{|\}$/g, '')
      .split(',')) {
      // key and value split at the first ":" (a MAC address in the value has more)
      const at = kv.indexOf(':');
      const parts = at < 0 ? [kv] : [kv.slice(0, at), kv.slice(at + 1)];
      if (parts.length !== 2) {
        causes.push(
          invalid(
            `patch format is not valid - one ":" expected in a single key-value json patch: ${kv}`,
            'spec.patches',
          ),
        );
        continue;
      }
      const [key, value] = parts.map((p) => p.trim());
      if (key !== '"path"') continue;
      if (value.startsWith('"/metadata/labels/') || value.startsWith('"/metadata/annotations/')) continue;
      if (!value.startsWith('"/spec/'))
        causes.push(invalid(`patching is valid only for elements under /spec/ only: ${kv}`, 'spec.patches'));
    }
  }
  return causes;
}

function filterCauses(filters: unknown, field: string): WebhookCause[] {
  const causes: WebhookCause[] = [];
  for (const f of Array.isArray(filters) ? filters.map(String) : []) {
    if (f.length === 1) {
      if (f === '!') causes.push(invalid('a negation character is not a valid filter', field));
      continue;
    }
    const pattern = (kind: string, ch: string, rule: string) =>
      `${field} filter ${f} is invalid: cannot contain a ${kind} character (${ch}); FilterRules: ${rule}`;
    if (f.slice(1).includes('!'))
      causes.push(
        invalid(pattern('negation', '!', 'NegationChar can be only used at the beginning of the filter'), field),
      );
    if (f.slice(0, -1).includes('*'))
      causes.push(invalid(pattern('wildcard', '*', 'WildcardChar can be only at the end of the filter'), field));
  }
  return causes;
}

const MAC = /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/;

function cloneCauses(obj: Json): WebhookCause[] {
  const spec = asObj(obj.spec);
  const template = asObj(spec.template);
  const causes = [
    ...filterCauses(spec.annotationFilters, 'spec.annotations'),
    ...filterCauses(spec.labelFilters, 'spec.labels'),
    ...filterCauses(template.annotationFilters, 'spec.template.annotations'),
    ...filterCauses(template.labelFilters, 'spec.template.labels'),
  ];
  const source = isObject(spec.source) ? ref(spec.source) : undefined;
  const target = isObject(spec.target) ? ref(spec.target) : undefined;
  if (source && !['VirtualMachine', 'VirtualMachineSnapshot'].includes(source.kind))
    causes.push(invalid('Source kind is not supported', 'spec.Source.Kind'));
  if (target && target.kind !== 'VirtualMachine')
    causes.push(invalid('Target kind is not supported', 'spec.Target.Kind'));
  if (!source) causes.push(invalid('Source cannot be nil', 'spec.Source'));
  else {
    if (!source.apiGroup) causes.push(invalid("Source's APIGroup cannot be empty", 'spec.Source.APIGroup'));
    if (!source.kind) causes.push(invalid("Source's Kind cannot be empty", 'spec.Source'));
    if (!source.name) causes.push(invalid("Source's name cannot be empty", 'spec.Source.Name'));
  }
  if (source?.kind === 'VirtualMachine' && target?.kind === 'VirtualMachine' && target.name === source.name)
    causes.push(
      invalid('Target name cannot be equal to source name when both are VirtualMachines', 'spec.target.name'),
    );
  for (const [iface, mac] of Object.entries(asObj(spec.newMacAddresses))) {
    if (typeof mac === 'string' && mac !== '' && !MAC.test(mac))
      causes.push(invalid(`interface ${iface} has malformed MAC address (${mac}).`, `spec.newMacAddresses.${iface}`));
  }
  (Array.isArray(spec.patches) ? spec.patches : []).forEach((p, i) => {
    try {
      JSON.parse(String(p));
    } catch {
      causes.push(invalid(`patch is not valid JSON (${String(p)})`, `spec.patches[${i}]`));
    }
  });
  if (spec.volumeNamePolicy !== undefined && spec.volumeNamePolicy !== 'RandomizeNames')
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `VolumeNamePolicy ${JSON.stringify(spec.volumeNamePolicy)} is not supported`,
      field: 'spec.volumeNamePolicy',
    });
  return causes;
}

/** The webhooks' answer for a create or update of these kinds, or undefined for anything else. */
export function snapshotWebhooks(req: AdmissionRequest, obj: Json, lookup: Lookup): AdmissionResult | undefined {
  if (req.operation === 'DELETE' || req.subresource) return undefined;
  let webhook: string;
  let causes: WebhookCause[];
  if (req.group === 'snapshot.kubevirt.io' && req.resource === 'virtualmachinesnapshots') {
    webhook = SNAPSHOT_WEBHOOK;
    causes = snapshotCauses(req, obj);
  } else if (req.group === 'snapshot.kubevirt.io' && req.resource === 'virtualmachinerestores') {
    webhook = RESTORE_WEBHOOK;
    causes = restoreCauses(req, obj, lookup);
  } else if (req.group === 'clone.kubevirt.io' && req.resource === 'virtualmachineclones') {
    webhook = CLONE_WEBHOOK;
    causes = cloneCauses(obj);
  } else return undefined;
  return causes.length ? { allowed: false, status: kubevirtDenied(webhook, causes) } : undefined;
}

/** The admission chain, then the webhooks that read the cluster (these, and the VM validator's instance type checks). */
export function withLookups(admit: Admit, lookup: Lookup): Admit {
  return (req) => {
    const result = admit(req);
    if (!result.allowed) return result;
    const obj = result.object ?? req.object;
    if (!obj) return result;
    const vmCauses = instancetypeCauses(req, obj, lookup);
    if (vmCauses.length)
      return { allowed: false, status: kubevirtDenied('virtualmachine-validator.kubevirt.io', vmCauses) };
    return snapshotWebhooks(req, obj, lookup) ?? result;
  };
}
