/**
 * The admission steps: what kube-apiserver checks itself (TypeMeta against the URL, namespace,
 * ObjectMeta, the CRDs' schemas, built-in validation) and KubeVirt's and CDI's webhooks.
 * Pure functions: no store lookups. `index.ts` puts them in order.
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
import { goDecodeOf } from './field-validation.js';
import { asArr, asObj, isObject, type Json, type SchemaCheck } from './schema.js';
import type { AdmissionStep } from './chain.js';
import { BUILTIN_GROUPS } from './builtin-groups.js';

/** Groups whose requests are reviews or actions, not stored objects. */
const NOT_OBJECTS = new Set(['authorization.k8s.io', 'authentication.k8s.io', 'subresources.kubevirt.io']);

/** Deletes, requests without an object, reviews and actions are not admitted here. */
export function notAdmitted(req: AdmissionRequest): AdmissionResult | undefined {
  if (req.operation === 'DELETE' || !req.object || NOT_OBJECTS.has(req.group)) return { allowed: true };
  return undefined;
}

export const typeMetaMatchesTheUrl: AdmissionStep = {
  name: 'apiVersion and kind match the URL',
  run: ({ req, obj, fieldErrors }) => {
    const typeMeta = checkTypeMeta(obj, req.group, req.version, req.kind, !BUILTIN_GROUPS.has(req.group));
    if (typeMeta && !Array.isArray(typeMeta)) return { allowed: false, status: typeMeta };
    fieldErrors.push(...(typeMeta ?? []));
    return undefined;
  },
};

export const namespaceMatchesTheUrl: AdmissionStep = {
  name: 'metadata.namespace matches the URL',
  run: ({ req, obj }) => {
    const nsError = checkNamespace(obj, req.namespace);
    return nsError ? { allowed: false, status: nsError } : undefined;
  },
};

export const metadataDecodes: AdmissionStep = {
  name: 'metadata fields have their types',
  run: ({ req, obj }) => {
    const metaError = checkMetadataTypes(obj, req.kind, req.version);
    return metaError ? { allowed: false, status: metaError } : undefined;
  },
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

export const builtinKindsDecode: AdmissionStep = {
  name: 'built-in kinds decode into their Go types (field types, quantities)',
  run: ({ req, obj }) => {
    const decoded = goDecodeOf(req, obj);
    const error = decoded ? decoded.error : quantityDecodeError(req, obj);
    return error ? { allowed: false, status: cannotBeHandled(req.kind, req.version, error) } : undefined;
  },
};

export const objectMetaIsValid: AdmissionStep = {
  name: 'ObjectMeta is valid (name, labels, annotations, ...)',
  run: ({ req, obj, fieldErrors }) => {
    if (!req.subresource)
      fieldErrors.push(...validateObjectMeta(obj, nameRuleFor(req.group, req.resource), req.operation === 'CREATE'));
    return undefined;
  },
};

const SCHEMAS: Record<string, (obj: Json) => SchemaCheck> = {
  'kubevirt.io/virtualmachines': checkVirtualMachine,
  'kubevirt.io/virtualmachineinstances': checkVirtualMachineInstance,
  'cdi.kubevirt.io/datavolumes': checkDataVolume,
};

export const crdSchemas: AdmissionStep = {
  name: "the CRDs' OpenAPI schemas (VirtualMachine, VirtualMachineInstance, DataVolume)",
  run: ({ req, obj, fieldErrors }) => {
    const schema = SCHEMAS[`${req.group}/${req.resource}`];
    if (schema) fieldErrors.push(...schema(obj).errors);
    return undefined;
  },
};

/** Validation that kube-apiserver (or OpenShift's API server) does itself for built-in kinds. */
const BUILTIN_VALIDATION: Record<string, (obj: Json) => FieldError[]> = {
  '/services': validateService,
  'route.openshift.io/routes': validateRoute,
};

export const builtinValidation: AdmissionStep = {
  name: "the API server's own validation (Service, Route)",
  run: ({ req, obj, fieldErrors }) => {
    const builtin = req.subresource ? undefined : BUILTIN_VALIDATION[`${req.group}/${req.resource}`];
    if (builtin) fieldErrors.push(...builtin(obj));
    return undefined;
  },
};

export const refuseInvalidFields: AdmissionStep = {
  name: 'every invalid field so far in one 422 Invalid',
  run: ({ req, obj, fieldErrors }) => {
    if (fieldErrors.length === 0) return undefined;
    const meta = asObj(obj.metadata);
    const name = typeof meta.name === 'string' ? meta.name : (req.name ?? '');
    return { allowed: false, status: invalidStatus(req.group, req.kind, name, fieldErrors) };
  },
};

const resourceOf = (req: AdmissionRequest) => (req.subresource ? undefined : `${req.group}/${req.resource}`);

export const kubevirtWebhooks: AdmissionStep = {
  name: "KubeVirt's webhooks (VirtualMachine; VirtualMachineInstance create and update)",
  run: ({ req, obj }) => {
    const key = resourceOf(req);
    if (key === 'kubevirt.io/virtualmachines') return admitVirtualMachine(req, obj);
    if (key === 'kubevirt.io/virtualmachineinstances') {
      if (req.operation === 'CREATE') return admitVirtualMachineInstanceCreate(req, obj);
      if (req.oldObject) return admitVirtualMachineInstanceUpdate(req, obj, req.oldObject);
    }
    return undefined;
  },
};

export const cdiWebhooks: AdmissionStep = {
  name: "CDI's webhook (DataVolume)",
  run: ({ req, obj }) =>
    resourceOf(req) === 'cdi.kubevirt.io/datavolumes' ? admitDataVolume(req.operation, obj, req.oldObject) : undefined,
};
