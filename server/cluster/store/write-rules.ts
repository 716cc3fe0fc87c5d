/** What the registry strategies of kube-apiserver do to an object on create and update. */
import { randomUUID } from 'node:crypto';
import { nameErrors, metadataErrors, type NameRule } from './names.js';
import type { ResourceInfo } from './resources.js';
import { causes, errors, type StatusCause } from './status.js';
import type { KObject } from './types.js';
import type { DecodeInfo } from './hooks.js';
import { clone, jsonEqual, nowRfc3339 } from './util.js';

export function nameRule(info: ResourceInfo): NameRule {
  if (info.plural === 'namespaces') return 'label';
  if (info.plural === 'services') return 'dns1035';
  if (info.group === 'rbac.authorization.k8s.io' || info.group === 'apiregistration.k8s.io') return 'path';
  return 'subdomain';
}

/** Initial status set by a strategy's PrepareForCreate for kinds with a /status subresource. */
function initialStatus(info: ResourceInfo, obj: KObject): unknown {
  if (info.group !== '') return undefined;
  switch (info.plural) {
    case 'namespaces':
      return { phase: 'Active' };
    case 'pods':
      return { phase: 'Pending', qosClass: 'BestEffort' };
    case 'persistentvolumeclaims':
      return { phase: 'Pending' };
    case 'services':
      return { loadBalancer: {} };
    case 'nodes':
      return obj.status; // nodes may set status on create
    default:
      return undefined;
  }
}

/** The members of ObjectMeta (k8s.io/apimachinery/pkg/apis/meta/v1). */
const OBJECT_META_FIELDS = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

const META_TYPES: [string, string][] = [
  ['name', 'string'],
  ['generateName', 'string'],
  ['namespace', 'string'],
  ['resourceVersion', 'string'],
  ['uid', 'string'],
  ['labels', 'map[string]string'],
  ['annotations', 'map[string]string'],
  ['finalizers', '[]string'],
  ['ownerReferences', '[]v1.OwnerReference'],
];

function goKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** The first ObjectMeta member of the wrong JSON type, as encoding/json reports it. */
function metaDecodeError(meta: Record<string, unknown>): string | undefined {
  const wrong = (v: unknown, field: string, want: string) =>
    `json: cannot unmarshal ${goKind(v)} into Go struct field ObjectMeta.metadata.${field} of type ${want}`;
  for (const [f, want] of META_TYPES) {
    const v = meta[f];
    if (v === undefined) continue;
    if (want === 'string' && typeof v !== 'string') return wrong(v, f, want);
    if (want.startsWith('map') && (typeof v !== 'object' || Array.isArray(v))) return wrong(v, f, want);
    if (want.startsWith('[]') && !Array.isArray(v)) return wrong(v, f, want);
    if (want.startsWith('map')) {
      for (const item of Object.values(v as object)) if (typeof item !== 'string') return wrong(item, f, 'string');
    } else if (want === '[]string') {
      for (const item of v as unknown[]) if (typeof item !== 'string') return wrong(item, f, 'string');
    } else if (want === '[]v1.OwnerReference') {
      for (const item of v as unknown[])
        if (item === null || typeof item !== 'object' || Array.isArray(item))
          return wrong(item, f, 'v1.OwnerReference');
    }
  }
  return undefined;
}

/**
 * metadata as kube-apiserver decodes it into ObjectMeta (typed kinds) or coerces it (custom
 * resources): a member of the wrong type is a 400; a null member is the zero value, so absent
 * (`"labels": null` stores no labels); unknown members are dropped; a null label or annotation
 * value is the empty string.
 */
export function normalizeObjectMeta(
  info: ResourceInfo,
  obj: KObject,
  version = info.versions[0],
  decode?: DecodeInfo,
): void {
  const meta = obj.metadata as unknown as Record<string, unknown>;
  const at = Object.keys(obj).indexOf('metadata');
  const unknown = Object.keys(meta).flatMap((k, i) =>
    OBJECT_META_FIELDS.has(k) ? [] : [{ path: `metadata.${k}`, at: [at, i] }],
  );
  // the strict decoder reports them (admission/field-validation.ts)
  if (decode) decode.unknownMetadata = unknown;
  for (const k of Object.keys(meta)) if (meta[k] === null || !OBJECT_META_FIELDS.has(k)) delete meta[k];
  for (const f of ['labels', 'annotations']) {
    const m = meta[f];
    if (m === null || typeof m !== 'object' || Array.isArray(m)) continue;
    for (const [k, v] of Object.entries(m)) if (v === null) (m as Record<string, unknown>)[k] = '';
  }
  const bad = metaDecodeError(meta);
  if (bad) throw errors.badRequest(`${info.kind} in version "${version}" cannot be handled as a ${info.kind}: ${bad}`);
  // ObjectMeta's maps and lists are omitempty: kube-apiserver stores no empty ones (a CR's metadata
  // goes through ObjectMeta too)
  for (const f of ['labels', 'annotations', 'finalizers', 'ownerReferences']) {
    const v = meta[f];
    if (v && typeof v === 'object' && Object.keys(v).length === 0) delete meta[f];
  }
}

export function validateMeta(info: ResourceInfo, obj: KObject): void {
  const errs: StatusCause[] = [];
  if (!obj.metadata.name) errs.push(causes.required('metadata.name', 'name or generateName is required'));
  else errs.push(...nameErrors(obj.metadata.name, nameRule(info)));
  errs.push(...metadataErrors(obj.metadata));
  if (errs.length) throw errors.invalid(info.group, info.kind, obj.metadata.name ?? '', errs);
}

/** Fills server-set fields on create; `obj` is a mutable copy. */
export function prepareCreate(info: ResourceInfo, obj: KObject, now: Date): void {
  const m = obj.metadata;
  if (m.resourceVersion) throw errors.badRequest('resourceVersion should not be set on objects to be created');
  m.uid = randomUUID();
  m.creationTimestamp = nowRfc3339(now);
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  if (info.generation === 'spec') m.generation = 1;
  else delete m.generation;
  if (!info.namespaced) delete m.namespace;
  if (info.hasStatus) {
    const st = initialStatus(info, obj);
    if (st === undefined) delete obj.status;
    else obj.status = st;
  }
  if (info.plural === 'namespaces') {
    const spec = (obj.spec && typeof obj.spec === 'object' ? obj.spec : {}) as Record<string, unknown>;
    const fin = Array.isArray(spec.finalizers) ? (spec.finalizers as string[]) : [];
    obj.spec = { ...spec, finalizers: fin.includes('kubernetes') ? fin : [...fin, 'kubernetes'] };
  }
  if (info.plural === 'secrets' && info.group === '' && !obj.type) obj.type = 'Opaque';
  if (info.plural === 'namespaces') {
    m.labels = { ...(m.labels ?? {}), 'kubernetes.io/metadata.name': m.name ?? '' };
  }
}

function withoutMetaAndStatus(obj: KObject, dropStatus: boolean): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...obj };
  delete rest.metadata;
  delete rest.apiVersion;
  delete rest.kind;
  if (dropStatus) delete rest.status;
  return rest;
}

/**
 * Applies update rules to `next` (a mutable copy) given the stored `old`: immutable metadata is kept,
 * the /status rules applied, generation bumped. Returns the object to store.
 */
export function prepareUpdate(info: ResourceInfo, old: KObject, next: KObject, subresource?: string): KObject {
  let out: KObject;
  if (subresource === 'status') {
    // frozen subtrees of the stored object are shared, not copied (the commit freezes the rest)
    out = { ...old, metadata: clone(old.metadata) };
    if (next.status === undefined) delete out.status;
    else out.status = next.status;
    if (next.metadata.managedFields) out.metadata.managedFields = next.metadata.managedFields;
  } else {
    out = next;
    if (info.hasStatus) {
      if (old.status === undefined) delete out.status;
      else out.status = old.status;
    }
    const m = out.metadata;
    const om = old.metadata;
    m.uid = om.uid;
    m.creationTimestamp = om.creationTimestamp;
    m.name = om.name;
    if (info.namespaced) m.namespace = om.namespace;
    else delete m.namespace;
    if (om.deletionTimestamp) {
      m.deletionTimestamp = om.deletionTimestamp;
      m.deletionGracePeriodSeconds = om.deletionGracePeriodSeconds;
      // a body with finalizers of the wrong type is refused by admission's decoding check (400), after this
      const added = Array.isArray(m.finalizers) ? m.finalizers.filter((f) => !(om.finalizers ?? []).includes(f)) : [];
      if (added.length) {
        throw errors.invalid(info.group, info.kind, om.name ?? '', [
          causes.forbidden(
            'metadata.finalizers',
            `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => `"${f}"`).join(', ')}}`,
          ),
        ]);
      }
    } else {
      delete m.deletionTimestamp;
      delete m.deletionGracePeriodSeconds;
    }
    if (info.plural === 'namespaces') {
      out.spec = old.spec;
    }
    if (m.generateName === undefined && om.generateName !== undefined) m.generateName = om.generateName;
  }
  out.apiVersion = old.apiVersion;
  out.kind = old.kind;
  if (info.generation === 'spec') {
    const gen = old.metadata.generation ?? 1;
    const changed = !jsonEqual(withoutMetaAndStatus(old, info.hasStatus), withoutMetaAndStatus(out, info.hasStatus));
    out.metadata.generation = changed ? gen + 1 : gen;
  } else {
    delete out.metadata.generation;
  }
  return out;
}

/** True when the update changes nothing but server-set bookkeeping (kube skips such writes). */
export function isNoop(old: KObject, next: KObject): boolean {
  const a = { ...old, metadata: { ...old.metadata, resourceVersion: undefined, managedFields: undefined } };
  const b = { ...next, metadata: { ...next.metadata, resourceVersion: undefined, managedFields: undefined } };
  return jsonEqual(a, b);
}

export { nowRfc3339 };
