/**
 * The generic checks kube-apiserver makes on every write before any webhook: TypeMeta against
 * the URL, namespace against the URL, ObjectMeta decoding and validation (names, labels,
 * annotations), with kube-apiserver's wording.
 */
import type { FieldError, V1Status } from './status.js';
import { badRequestStatus } from './status.js';
import { isQualifiedName, isValidLabelValue, validateName, type NameRule } from '../apimachinery/validation.js';
import { isObject, type Json } from './schema.js';

/** Resources whose names follow a rule other than DNS-1123 subdomain. */
const NAME_RULES: Record<string, NameRule> = {
  namespaces: 'label',
  services: 'dns1035',
};

export function nameRuleFor(group: string, resource: string): NameRule {
  if (group === 'rbac.authorization.k8s.io' || group === 'apiregistration.k8s.io') return 'path';
  return group === '' ? (NAME_RULES[resource] ?? 'subdomain') : 'subdomain';
}

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

function goJsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** A decode failure of a typed object, as apiserver's transformDecodeError words it. */
export function cannotBeHandled(kind: string, version: string, detail: string): V1Status {
  return badRequestStatus(`${kind} in version "${version}" cannot be handled as a ${kind}: ${detail}`);
}

/** ObjectMeta fields with the wrong JSON type: 400, as the JSON decoder reports them. */
export function checkMetadataTypes(obj: Json, kind: string, version: string): V1Status | undefined {
  const meta = obj.metadata;
  if (meta === undefined || meta === null) return undefined;
  const unmarshal = (v: unknown, field: string, want: string) =>
    cannotBeHandled(
      kind,
      version,
      `json: cannot unmarshal ${goJsonType(v)} into Go struct field ObjectMeta.metadata.${field} of type ${want}`,
    );
  if (!isObject(meta))
    return cannotBeHandled(
      kind,
      version,
      `json: cannot unmarshal ${goJsonType(meta)} into Go struct field .metadata of type v1.ObjectMeta`,
    );
  for (const f of ['name', 'generateName', 'namespace', 'resourceVersion', 'uid']) {
    const v = meta[f];
    if (v !== undefined && v !== null && typeof v !== 'string') return unmarshal(v, f, 'string');
  }
  for (const f of ['labels', 'annotations']) {
    const v = meta[f];
    if (v === undefined || v === null) continue;
    if (!isObject(v)) return unmarshal(v, f, 'map[string]string');
    for (const val of Object.values(v)) if (typeof val !== 'string') return unmarshal(val, f, 'string');
  }
  const fin = meta.finalizers;
  if (fin !== undefined && fin !== null) {
    if (!Array.isArray(fin)) return unmarshal(fin, 'finalizers', '[]string');
    for (const f of fin) if (typeof f !== 'string') return unmarshal(f, 'finalizers', 'string');
  }
  const owners = meta.ownerReferences;
  if (owners !== undefined && owners !== null && !Array.isArray(owners))
    return unmarshal(owners, 'ownerReferences', '[]v1.OwnerReference');
  return undefined;
}

/** ValidateObjectMeta's name, label and annotation rules, for a create. */
export function validateObjectMeta(obj: Json, rule: NameRule, isCreate: boolean): FieldError[] {
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  const errs: FieldError[] = [];
  const name = typeof meta.name === 'string' ? meta.name : '';
  const generateName = typeof meta.generateName === 'string' ? meta.generateName : '';
  if (isCreate) {
    if (generateName) {
      for (const msg of validateName(rule, generateName, true))
        errs.push({ type: 'Invalid', field: 'metadata.generateName', value: generateName, detail: msg });
    }
    if (name) {
      for (const msg of validateName(rule, name))
        errs.push({ type: 'Invalid', field: 'metadata.name', value: name, detail: msg });
    } else if (!generateName) {
      errs.push({ type: 'Required', field: 'metadata.name', detail: 'name or generateName is required' });
    }
  }
  const labels = isObject(meta.labels) ? meta.labels : {};
  for (const [k, v] of Object.entries(labels)) {
    for (const msg of isQualifiedName(k))
      errs.push({ type: 'Invalid', field: 'metadata.labels', value: k, detail: msg });
    if (typeof v === 'string') {
      for (const msg of isValidLabelValue(v))
        errs.push({ type: 'Invalid', field: 'metadata.labels', value: v, detail: msg });
    }
  }
  const annotations = isObject(meta.annotations) ? meta.annotations : {};
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const msg of isQualifiedName(k.toLowerCase()))
      errs.push({ type: 'Invalid', field: 'metadata.annotations', value: k, detail: msg });
    size += Buffer.byteLength(k) + (typeof v === 'string' ? Buffer.byteLength(v) : 0);
  }
  if (size > TOTAL_ANNOTATION_SIZE) {
    errs.push({
      type: 'TooLong',
      field: 'metadata.annotations',
      detail: `must have at most ${TOTAL_ANNOTATION_SIZE} bytes`,
    });
  }
  return errs;
}

/**
 * apiVersion/kind in the body against the URL. A group mismatch is a 400 from the handler; a
 * wrong kind or version inside the right group is reported by the custom resource validator.
 */
export function checkTypeMeta(
  obj: Json,
  group: string,
  version: string,
  kind: string,
  isCustom: boolean,
): FieldError[] | V1Status | undefined {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const bodyKind = typeof obj.kind === 'string' ? obj.kind : '';
  const expected = group ? `${group}/${version}` : version;
  if (apiVersion) {
    const slash = apiVersion.lastIndexOf('/');
    const bodyGroup = slash >= 0 ? apiVersion.slice(0, slash) : '';
    if (bodyGroup !== group) {
      return badRequestStatus(
        `the API version in the data (${apiVersion}) does not match the expected API version (${expected})`,
      );
    }
  }
  if (!bodyKind || bodyKind === kind) return undefined;
  if (!isCustom) {
    return badRequestStatus(
      `${bodyKind} in version "${version}" cannot be handled as a ${kind}: converting (${version}.${bodyKind}) to (${group || 'core'}.${kind}): unknown conversion`,
    );
  }
  return [{ type: 'Invalid', field: 'kind', value: bodyKind, detail: `must be ${kind}` }];
}

/** "the namespace of the provided object does not match the namespace sent on the request". */
export function checkNamespace(obj: Json, namespace: string | undefined): V1Status | undefined {
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  const bodyNs = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (namespace && bodyNs && bodyNs !== namespace) {
    return badRequestStatus('the namespace of the provided object does not match the namespace sent on the request');
  }
  return undefined;
}
