/**
 * Admission for the embedded API server: what kube-apiserver checks itself (TypeMeta against
 * the URL, namespace, ObjectMeta, the CRDs' schemas) followed by KubeVirt's and CDI's
 * validating and mutating webhooks. Pure functions: no store lookups.
 */
import type { AdmissionRequest, AdmissionResult } from './types.js';
import type { FieldError } from './status.js';
import { invalidStatus } from './status.js';
import {
  checkMetadataTypes,
  checkNamespace,
  checkTypeMeta,
  nameRuleFor,
  validateObjectMeta,
  cannotBeHandled,
} from './metadata.js';
import { checkDataVolume, checkVirtualMachine, checkVirtualMachineInstance } from './crd-schemas.js';
import {
  admitVirtualMachine,
  admitVirtualMachineInstanceCreate,
  admitVirtualMachineInstanceUpdate,
} from './kubevirt.js';
import { admitDataVolume } from './cdi.js';
import { validateService } from './service.js';
import { validateRoute } from './route.js';
import { QuantityError, decodeQuantity } from '../apimachinery/quantity.js';
import { coreDecodeError } from './core-decode.js';
import { asArr, asObj, isObject, type Json, type SchemaCheck } from './schema.js';

export type { AdmissionRequest, AdmissionResult, V1Status } from './types.js';
export { KUBEVIRT_SERVICE_ACCOUNTS, RUNNING_DEPRECATED } from './kubevirt.js';

/** API groups compiled into kube-apiserver (typed decoding); everything else is a custom resource. */
const BUILTIN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'discovery.k8s.io',
  'authorization.k8s.io',
  'authentication.k8s.io',
  'rbac.authorization.k8s.io',
  'policy',
  'networking.k8s.io',
  'coordination.k8s.io',
  'events.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'admissionregistration.k8s.io',
]);

/** Groups whose requests are reviews or actions, not stored objects. */
const NOT_OBJECTS = new Set(['authorization.k8s.io', 'authentication.k8s.io', 'subresources.kubevirt.io']);

type SchemaFn = (obj: Json) => SchemaCheck;

/** Validation that kube-apiserver (or OpenShift's API server) does itself for built-in kinds. */
const BUILTIN_VALIDATION: Record<string, (obj: Json) => FieldError[]> = {
  '/services': validateService,
  'route.openshift.io/routes': validateRoute,
};
const SCHEMAS: Record<string, SchemaFn> = {
  'kubevirt.io/virtualmachines': checkVirtualMachine,
  'kubevirt.io/virtualmachineinstances': checkVirtualMachineInstance,
  'cdi.kubevirt.io/datavolumes': checkDataVolume,
};

/** Built-in types decode quantities strictly: a bad one is a 400 before any validation. */
function quantityDecodeError(req: AdmissionRequest, obj: Json): string | undefined {
  if (req.group !== '') return undefined;
  const maps: unknown[] = [];
  const spec = asObj(obj.spec);
  if (req.resource === 'persistentvolumeclaims')
    maps.push(asObj(spec.resources).requests, asObj(spec.resources).limits);
  if (req.resource === 'pods') {
    for (const c of [...asArr(spec.containers), ...asArr(spec.initContainers)]) {
      maps.push(asObj(c.resources).requests, asObj(c.resources).limits);
    }
  }
  for (const m of maps) {
    if (!isObject(m)) continue;
    for (const v of Object.values(m)) {
      try {
        decodeQuantity(v);
      } catch (e) {
        if (e instanceof QuantityError) return e.message;
        throw e;
      }
    }
  }
  return undefined;
}

function runWebhooks(req: AdmissionRequest, obj: Json): AdmissionResult {
  if (req.subresource) return { allowed: true };
  const key = `${req.group}/${req.resource}`;
  if (key === 'kubevirt.io/virtualmachines') return admitVirtualMachine(req, obj);
  if (key === 'kubevirt.io/virtualmachineinstances') {
    if (req.operation === 'CREATE') return admitVirtualMachineInstanceCreate(req, obj);
    if (req.oldObject) return admitVirtualMachineInstanceUpdate(req, obj, req.oldObject);
  }
  if (key === 'cdi.kubevirt.io/datavolumes') return admitDataVolume(req.operation, obj, req.oldObject);
  return { allowed: true };
}

export function admit(req: AdmissionRequest): AdmissionResult {
  const obj = req.object;
  if (req.operation === 'DELETE' || !obj || NOT_OBJECTS.has(req.group)) return { allowed: true };
  const isCustom = !BUILTIN_GROUPS.has(req.group);

  const typeMeta = checkTypeMeta(obj, req.group, req.version, req.kind, isCustom);
  if (typeMeta && !Array.isArray(typeMeta)) return { allowed: false, status: typeMeta };
  const nsError = checkNamespace(obj, req.namespace);
  if (nsError) return { allowed: false, status: nsError };
  const metaError = checkMetadataTypes(obj, req.kind, req.version);
  if (metaError) return { allowed: false, status: metaError };
  const quantityError =
    (req.group === '' ? coreDecodeError(req.resource, obj) : undefined) ?? quantityDecodeError(req, obj);
  if (quantityError) return { allowed: false, status: cannotBeHandled(req.kind, req.version, quantityError) };

  const errs: FieldError[] = [...(typeMeta ?? [])];
  if (!req.subresource)
    errs.push(...validateObjectMeta(obj, nameRuleFor(req.group, req.resource), req.operation === 'CREATE'));
  const schema = SCHEMAS[`${req.group}/${req.resource}`];
  if (schema) errs.push(...schema(obj).errors);
  const builtin = req.subresource ? undefined : BUILTIN_VALIDATION[`${req.group}/${req.resource}`];
  if (builtin) errs.push(...builtin(obj));
  if (errs.length > 0) {
    const meta = asObj(obj.metadata);
    const name = typeof meta.name === 'string' ? meta.name : (req.name ?? '');
    return { allowed: false, status: invalidStatus(req.group, req.kind, name, errs) };
  }
  return runWebhooks(req, obj);
}
