/**
 * KubeVirt's virt-api admission: the VM validator and mutator, the VMI create and update
 * validators (pkg/virt-api/webhooks/...). Wording and webhook names are KubeVirt's own.
 */
import type { AdmissionRequest, AdmissionResult } from './types.js';
import { defaultMatcherKinds } from './instancetype-matchers.js';
import type { WebhookCause } from './status.js';
import { badRequestStatus, kubevirtDenied } from './status.js';
import { asArr, asObj, asStr, deepEqual, isObject, type Json } from './schema.js';
import { clone } from '../store/util.js';
import { defaultVolumeDisks, validateMandatoryFields, validateVmiSpec } from './vmi-spec.js';

export const VM_WEBHOOK = 'virtualmachine-validator.kubevirt.io';
export const VMI_CREATE_WEBHOOK = 'virtualmachineinstances-create-validator.kubevirt.io';
export const VMI_UPDATE_WEBHOOK = 'virtualmachineinstances-update-validator.kubevirt.io';

/**
 * KubeVirt's service accounts: the only users allowed to update a VMI's spec or its reserved
 * labels (virt-api's webhooks check the request's user). Everyone else, cluster admins
 * included, gets "update of VMI object is restricted". The embedded controllers write as these
 * accounts (runtime/identity.ts).
 */
export const KUBEVIRT_SERVICE_ACCOUNTS = new Set([
  'system:serviceaccount:kubevirt:kubevirt-apiserver',
  'system:serviceaccount:kubevirt:kubevirt-controller',
  'system:serviceaccount:kubevirt:kubevirt-handler',
  'system:serviceaccount:kubevirt:kubevirt-operator',
]);

const RUN_STRATEGIES = ['Halted', 'Manual', 'Always', 'RerunOnFailure', 'Once'];
const RESTRICTED_LABELS = new Set([
  'kubevirt.io/created-by',
  'kubevirt.io/migrationJobUID',
  'kubevirt.io/nodeName',
  'kubevirt.io/migrationTargetNodeName',
  'kubevirt.io/schedulable',
  'kubevirt.io/install-strategy',
]);
export const RUNNING_DEPRECATED = 'spec.running is deprecated, please use spec.runStrategy instead.';

function restrictedLabels(labels: unknown): string[] {
  return Object.keys(asObj(labels)).filter((k) => RESTRICTED_LABELS.has(k));
}

function metadataCauses(field: string, meta: unknown, userName: string): WebhookCause[] {
  if (KUBEVIRT_SERVICE_ACCOUNTS.has(userName) || restrictedLabels(asObj(meta).labels).length === 0) return [];
  return [
    {
      reason: 'FieldValueNotSupported',
      message: 'creation of the following reserved kubevirt.io/ labels on a VMI object is prohibited',
      field: `${field}.labels`,
    },
  ];
}

/** cpu.cores/sockets/threads are uint32 in Go: a negative number fails to decode in the webhook. */
function decodeError(spec: Json, prefix: string): string | undefined {
  const cpu = asObj(asObj(spec.domain).cpu);
  for (const k of ['cores', 'sockets', 'threads']) {
    const v = cpu[k];
    if (typeof v === 'number' && v < 0) {
      return `json: cannot unmarshal number ${v} into Go struct field CPU.${prefix}.domain.cpu.${k} of type uint32`;
    }
  }
  return undefined;
}

function webhookError(webhook: string, message: string): AdmissionResult {
  const status = badRequestStatus(`admission webhook ${JSON.stringify(webhook)} denied the request: ${message}`);
  delete status.reason;
  return { allowed: false, status };
}

function runStrategyCauses(spec: Json): WebhookCause[] {
  const causes: WebhookCause[] = [];
  const hasRunning = spec.running !== undefined && spec.running !== null;
  const hasStrategy = spec.runStrategy !== undefined && spec.runStrategy !== null;
  if (hasRunning && hasStrategy) {
    causes.push({
      reason: 'FieldValueInvalid',
      message:
        'Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead',
      field: 'spec.running',
    });
  }
  if (!hasRunning && !hasStrategy) {
    causes.push({ reason: 'FieldValueInvalid', message: 'RunStrategy must be specified', field: 'spec.running' });
  }
  if (hasStrategy && !RUN_STRATEGIES.includes(asStr(spec.runStrategy))) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid RunStrategy (${asStr(spec.runStrategy)})`,
      field: 'spec.runStrategy',
    });
  }
  return causes;
}

function dataVolumeTemplateCauses(spec: Json): WebhookCause[] {
  const causes: WebhookCause[] = [];
  const claims = new Set<string>();
  for (const v of asArr(asObj(asObj(spec.template).spec).volumes)) {
    claims.add(asStr(asObj(v.persistentVolumeClaim).claimName));
    claims.add(asStr(asObj(v.dataVolume).name));
  }
  asArr(spec.dataVolumeTemplates).forEach((dv, idx) => {
    const p = `spec.dataVolumeTemplate[${idx}]`;
    const name = asStr(asObj(dv.metadata).name);
    if (!name) {
      causes.push({
        reason: 'FieldValueRequired',
        message: `'name' field must not be empty for DataVolumeTemplate entry ${p}.`,
        field: `${p}.name`,
      });
    }
    const referenced = claims.has(name);
    if (!referenced) {
      causes.push({
        reason: 'FieldValueRequired',
        message: `DataVolumeTemplate entry ${p} must be referenced in the VMI template's 'volumes' list`,
        field: p,
      });
    }
  });
  return causes;
}

function needsVmiDefaults(spec: Json): boolean {
  return !asStr(spec.architecture) || (isObject(spec.domain) && !asStr(asObj(spec.domain.machine).type));
}

/** The defaults KubeVirt's mutating webhooks add to a VMI spec: architecture and machine type. */
function defaultVmiSpec(spec: Json): boolean {
  let changed = false;
  if (!asStr(spec.architecture)) {
    spec.architecture = 'amd64';
    changed = true;
  }
  const domain = spec.domain;
  if (isObject(domain) && !asStr(asObj(domain.machine).type)) {
    domain.machine = { ...asObj(domain.machine), type: 'q35' };
    changed = true;
  }
  return changed;
}

export function admitVirtualMachine(req: AdmissionRequest, obj: Json): AdmissionResult {
  if (asObj(obj.metadata).deletionTimestamp) return { allowed: true };
  const spec = asObj(obj.spec);
  const template = asObj(spec.template);
  // KubeVirt validates a defaulted copy of the template; the stored VM keeps what was sent.
  const tspec = clone(asObj(template.spec));
  defaultVolumeDisks(tspec);
  const bad = decodeError(tspec, 'spec.template.spec');
  if (bad) return webhookError(VM_WEBHOOK, bad);
  const causes = [
    ...metadataCauses('spec.template.metadata', template.metadata, req.userName),
    ...validateVmiSpec('spec.template.spec', tspec),
    ...dataVolumeTemplateCauses(spec),
    ...runStrategyCauses(spec),
  ];
  if (causes.length > 0) return { allowed: false, status: kubevirtDenied(VM_WEBHOOK, causes) };
  const warnings = spec.running !== undefined && spec.running !== null ? [RUNNING_DEPRECATED] : undefined;
  const mutated = clone(obj);
  const kinds = defaultMatcherKinds(asObj(mutated.spec));
  if (!kinds && !needsVmiDefaults(asObj(template.spec))) return { allowed: true, ...(warnings ? { warnings } : {}) };
  const changed = defaultVmiSpec(asObj(asObj(asObj(mutated.spec).template).spec)) || kinds;
  return { allowed: true, ...(warnings ? { warnings } : {}), ...(changed ? { object: mutated } : {}) };
}

export function admitVirtualMachineInstanceCreate(req: AdmissionRequest, obj: Json): AdmissionResult {
  // The VMI mutator runs first and its defaults are stored.
  const mutated = clone(obj);
  const spec = asObj(mutated.spec);
  const changed = [defaultVolumeDisks(spec), defaultVmiSpec(spec)].some(Boolean);
  const bad = decodeError(spec, 'spec');
  if (bad) return webhookError(VMI_CREATE_WEBHOOK, bad);
  const causes = [
    ...validateVmiSpec('spec', spec),
    ...validateMandatoryFields('spec', spec),
    ...metadataCauses('metadata', obj.metadata, req.userName),
  ];
  if (causes.length > 0) return { allowed: false, status: kubevirtDenied(VMI_CREATE_WEBHOOK, causes) };
  return { allowed: true, ...(changed ? { object: mutated } : {}) };
}

export function admitVirtualMachineInstanceUpdate(req: AdmissionRequest, obj: Json, old: Json): AdmissionResult {
  if (KUBEVIRT_SERVICE_ACCOUNTS.has(req.userName)) return { allowed: true };
  if (!deepEqual(obj.spec, old.spec)) {
    return {
      allowed: false,
      status: kubevirtDenied(VMI_UPDATE_WEBHOOK, [
        { reason: 'FieldValueNotSupported', message: 'update of VMI object is restricted' },
      ]),
    };
  }
  const before = asObj(asObj(old.metadata).labels);
  const after = asObj(asObj(obj.metadata).labels);
  const touched = [...RESTRICTED_LABELS].some((k) => before[k] !== after[k]);
  if (touched) {
    return {
      allowed: false,
      status: kubevirtDenied(VMI_UPDATE_WEBHOOK, [
        {
          reason: 'FieldValueNotSupported',
          message: 'modification of the following reserved kubevirt.io/ labels on a VMI object is prohibited',
          field: 'metadata.labels',
        },
      ]),
    };
  }
  return { allowed: true };
}
