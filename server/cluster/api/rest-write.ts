/** Write handlers: create (POST), update (PUT), patch (PATCH), delete, deletecollection. */
import {
  apiVersionOf,
  errors,
  failure,
  isStatusError,
  resourceKey,
  StatusError,
  success,
  type DecodeInfo,
  type DeleteOptions,
  type KObject,
  type ResourceInfo,
} from '../store/index.js';
import { PATCH_CONTENT_TYPES } from '../store/patch/patch.js';
import type { Ctx } from './context.js';
import { queryBool, queryOptionalBool } from './query-bool.js';
import { duplicateFields } from './duplicate-fields.js';
import { encodeList, encodeOne, negotiate } from './encode.js';
import { mediaType, parseBody, readBody, sendJson, sendJsonText, warningHeaders } from './http-util.js';

const BODY_TYPES = new Set([
  '',
  'application/json',
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  '*/*',
  'application/vnd.kubernetes.protobuf',
]);

function preview(v: unknown): string {
  const s = JSON.stringify(v) ?? '';
  return s.length > 300 ? `${s.slice(0, 300)}...` : s;
}

/**
 * TypeMeta as kube-apiserver's decoder reads it (k8s.io/apimachinery/pkg/runtime/serializer/json/json.go,
 * k8s.io/apiserver/pkg/endpoints/handlers/create.go): a built-in kind is decoded with the endpoint's
 * group, version and kind as defaults, so a body without apiVersion/kind is that kind; a custom
 * resource is decoded as unstructured, which needs a kind and has no default apiVersion. An apiVersion
 * of another group or an unserved version is a 400; a wrong kind is a conversion error (400) for a
 * built-in kind and a 422 for a custom one (apiextensions-apiserver's validator).
 */
function checkTypeMeta(o: Record<string, unknown>, c: Ctx, body: unknown): void {
  const expected = apiVersionOf(c.info, c.ri.version);
  const hasKind = typeof o.kind === 'string' && o.kind !== '';
  const hasApiVersion = o.apiVersion !== undefined && o.apiVersion !== null && o.apiVersion !== '';
  if (!c.info.custom) {
    if (!hasKind) o.kind = c.info.kind;
    if (!hasApiVersion) o.apiVersion = expected;
  } else if (!hasKind) throw errors.badRequest(`Object 'Kind' is missing in '${preview(body)}'`);
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  const [g, v] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  if (g !== c.info.group || !c.info.versions.includes(v)) {
    throw errors.badRequest(
      `the API version in the data (${apiVersion}) does not match the expected API version (${expected})`,
    );
  }
  const kind = String(o.kind);
  if (kind === c.info.kind) return;
  if (!c.info.custom) {
    const target = `${c.info.group || 'core'}.${c.info.kind}`;
    throw errors.badRequest(
      `${kind} in version "${v}" cannot be handled as a ${c.info.kind}: converting (${v}.${kind}) to (${target}): unknown conversion`,
    );
  }
  const meta = o.metadata && typeof o.metadata === 'object' ? (o.metadata as Record<string, unknown>) : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  throw errors.invalid(c.info.group, kind, name, [
    { reason: 'FieldValueInvalid', message: `Invalid value: "${kind}": must be ${c.info.kind}`, field: 'kind' },
  ]);
}

/** `fieldValidation` of a create, update or patch (ValidateFieldValidation in k8s.io/apimachinery). */
function fieldValidation(c: Ctx, optionsKind: string): DecodeInfo['fieldValidation'] {
  const v = c.query.get('fieldValidation') ?? '';
  if (v === '') return 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  throw errors.invalid('meta.k8s.io', optionsKind, '', [
    {
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: "${v}": supported values: "", "Ignore", "Strict", "Warn"`,
      field: 'fieldValidation',
    },
  ]);
}

/** What the strict JSON decoder finds in a body: its duplicate fields (JSON bodies only). */
function decodeInfo(c: Ctx, optionsKind: string, raw: Buffer, json: boolean, patch?: unknown): DecodeInfo {
  const mode = fieldValidation(c, optionsKind);
  const duplicates = json && mode !== 'Ignore' ? duplicateFields(raw.toString('utf8')) : [];
  // the patch as sent: the store takes the body over (a created object gets its namespace)
  return { fieldValidation: mode, duplicates, ...(patch === undefined ? {} : { patch: structuredClone(patch) }) };
}

/** Reads and checks an object body for create/update: apiVersion/kind must name this resource. */
async function readObject(c: Ctx, optionsKind: string): Promise<{ obj: KObject; decode: DecodeInfo }> {
  const ct = mediaType(c.req.headers['content-type']);
  if (!BODY_TYPES.has(ct)) throw errors.unsupportedMediaType(ct, ['application/json', 'application/yaml']);
  const raw = await readBody(c.req);
  const body = parseBody(raw, ct, ct !== 'application/json' && ct !== '');
  const json = ct === 'application/json' || ct === '';
  const decode = { ...decodeInfo(c, optionsKind, raw, json), ...(json ? {} : { yaml: true }) };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw errors.badRequest(`Object 'Kind' is missing in '${preview(body)}'`);
  }
  const o = body as Record<string, unknown>;
  checkTypeMeta(o, c, body);
  if (o.metadata === undefined || o.metadata === null) o.metadata = {};
  if (typeof o.metadata !== 'object' || Array.isArray(o.metadata))
    throw errors.badRequest('json: cannot unmarshal metadata into Go struct field of type v1.ObjectMeta');
  const meta = o.metadata as Record<string, unknown>;
  for (const f of ['name', 'generateName', 'namespace', 'resourceVersion', 'uid']) {
    if (meta[f] !== undefined && meta[f] !== null && typeof meta[f] !== 'string') {
      throw errors.badRequest(
        `json: cannot unmarshal ${typeof meta[f]} into Go struct field ObjectMeta.metadata.${f} of type string`,
      );
    }
  }
  if (c.info.namespaced) {
    if (meta.namespace && c.ri.namespace && meta.namespace !== c.ri.namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    if (c.ri.namespace) meta.namespace = c.ri.namespace;
  }
  return { obj: o as KObject, decode };
}

function dryRun(q: URLSearchParams): boolean {
  const vals = q.getAll('dryRun');
  for (const v of vals) if (v !== 'All') throw errors.badRequest(`Invalid dryRun: "${v}": supported values: "All"`);
  return vals.length > 0;
}

function fieldManager(c: Ctx): string {
  const fm = c.query.get('fieldManager');
  if (fm) {
    if (fm.length > 128) throw errors.badRequest('fieldManager: Too long: may not be longer than 128');
    return fm;
  }
  const ua = String(c.req.headers['user-agent'] ?? '');
  return ua.split('/')[0].trim() || 'unknown';
}

function writeOpts(c: Ctx, warnings: string[]) {
  return { dryRun: dryRun(c.query), fieldManager: fieldManager(c), user: c.user.name, version: c.ri.version, warnings };
}

function reply(c: Ctx, code: number, obj: KObject, warnings: string[]): void {
  const out = negotiate(c.req.headers.accept);
  sendJsonText(c.res, code, encodeOne(obj, c.info, c.ri.version, out, c.query), warningHeaders(warnings));
}

export async function handleCreate(c: Ctx): Promise<void> {
  if (c.info.namespaced && !c.ri.namespace) throw errors.methodNotAllowed();
  const { obj, decode } = await readObject(c, 'CreateOptions');
  const warnings: string[] = [];
  const created = c.store.create(resourceKey(c.info), obj, {
    ...writeOpts(c, warnings),
    namespace: c.ri.namespace,
    decode,
  });
  reply(c, 201, created, warnings);
}

export async function handleUpdate(c: Ctx): Promise<void> {
  const { obj, decode } = await readObject(c, 'UpdateOptions');
  const name = c.ri.name!;
  if (obj.metadata.name && obj.metadata.name !== name) {
    throw errors.badRequest(
      `the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
  obj.metadata.name = name;
  if (!c.info.namespaced) delete obj.metadata.namespace;
  const warnings: string[] = [];
  const sub = c.ri.subresource === 'status' ? 'status' : undefined;
  const updated = c.store.update(resourceKey(c.info), obj, { ...writeOpts(c, warnings), subresource: sub, decode });
  reply(c, 200, updated, warnings);
}

export async function handlePatch(c: Ctx): Promise<void> {
  const ct = mediaType(c.req.headers['content-type']);
  const type = PATCH_CONTENT_TYPES[ct];
  const accepted = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
  if (!c.info.custom) accepted.push('application/strategic-merge-patch+json');
  // A built-in resource's PATCH route refuses other types before its handler (go-restful's own
  // 415 text); a custom resource's handler lists what it accepts.
  if (!c.info.custom && (!type || ct === 'application/apply-patch+cbor'))
    throw new StatusError(failure(415, 'UnsupportedMediaType', '415: Unsupported Media Type', {}));
  if (!type || (type === 'strategic' && c.info.custom) || ct === 'application/apply-patch+cbor')
    throw errors.unsupportedMediaType(ct, accepted);
  const raw = await readBody(c.req);
  const body = parseBody(raw, ct, type === 'apply');
  const decode = {
    ...decodeInfo(c, 'PatchOptions', raw, type === 'merge' || type === 'strategic', body),
    apply: type === 'apply',
  };
  const warnings: string[] = [];
  const force = c.query.get('force');
  if (force !== null && type !== 'apply')
    throw errors.badRequest('force: Forbidden: may not be specified for non-apply patch');
  const existed = c.store.tryGet(resourceKey(c.info), c.ri.namespace, c.ri.name!) !== undefined;
  if (c.info.namespaced && !c.ri.namespace) throw errors.methodNotAllowed();
  const opts = {
    ...writeOpts(c, warnings),
    force: queryBool(c.query, 'force'),
    subresource: c.ri.subresource === 'status' ? ('status' as const) : undefined,
    decode,
  };
  if (type === 'apply' && !c.query.get('fieldManager')) opts.fieldManager = '';
  const patched = c.store.patch(resourceKey(c.info), c.ri.namespace, c.ri.name!, type, body, opts);
  reply(c, existed ? 200 : 201, patched, warnings);
}

async function deleteOptions(c: Ctx): Promise<DeleteOptions> {
  const raw = await readBody(c.req);
  let body: Record<string, unknown> = {};
  if (raw.length && raw.toString('utf8').trim()) {
    const parsed = parseBody(raw, mediaType(c.req.headers['content-type']), true);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw errors.badRequest('the body of the delete request is not DeleteOptions');
    body = parsed as Record<string, unknown>;
  }
  const q = c.query;
  let policy = (body.propagationPolicy ?? q.get('propagationPolicy') ?? undefined) as string | undefined;
  const orphan = body.orphanDependents ?? queryOptionalBool(q, 'orphanDependents');
  if (policy === undefined && orphan !== undefined) policy = orphan ? 'Orphan' : 'Background';
  if (policy !== undefined && !['Foreground', 'Background', 'Orphan'].includes(policy)) {
    throw errors.invalid('meta.k8s.io', 'DeleteOptions', '', [
      {
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`,
        field: 'propagationPolicy',
      },
    ]);
  }
  const dr = Array.isArray(body.dryRun) ? (body.dryRun as unknown[]).includes('All') : dryRun(q);
  const pre = (body.preconditions ?? undefined) as DeleteOptions['preconditions'];
  const g = body.gracePeriodSeconds ?? q.get('gracePeriodSeconds') ?? undefined;
  return {
    propagationPolicy: policy as DeleteOptions['propagationPolicy'],
    dryRun: dr,
    preconditions: pre,
    gracePeriodSeconds: g === undefined ? undefined : Number(g),
    user: c.user.name,
    version: c.ri.version,
  };
}

/**
 * Resources whose DELETE answers with the deleted object even when it is gone at once (their
 * registries set ReturnDeletedObject in kube-apiserver); the others answer a Success Status then.
 */
const RETURNS_DELETED_OBJECT = new Set([
  'pods',
  'services',
  'namespaces',
  'persistentvolumes',
  'persistentvolumeclaims',
  'serviceaccounts',
  'resourcequotas',
  'podtemplates',
  'storageclasses.storage.k8s.io',
  'csidrivers.storage.k8s.io',
  'csinodes.storage.k8s.io',
  'volumeattachments.storage.k8s.io',
  'volumeattributesclasses.storage.k8s.io',
]);

export async function handleDelete(c: Ctx): Promise<void> {
  const opts = await deleteOptions(c);
  const key = resourceKey(c.info);
  const r = c.store.delete(key, c.ri.namespace, c.ri.name!, opts);
  if (r.deleted && !RETURNS_DELETED_OBJECT.has(key)) {
    const details = {
      name: c.ri.name!,
      ...(c.info.group ? { group: c.info.group } : {}),
      kind: c.info.plural,
      uid: r.object.metadata.uid,
    };
    sendJson(c.res, 200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details });
    return;
  }
  reply(c, 200, r.object, []);
}

export async function handleDeleteCollection(c: Ctx): Promise<void> {
  const opts = await deleteOptions(c);
  const items = c.store.deleteCollection(
    resourceKey(c.info),
    {
      namespace: c.ri.namespace,
      labelSelector: c.query.get('labelSelector') ?? undefined,
      fieldSelector: c.query.get('fieldSelector') ?? undefined,
    },
    opts,
  );
  const out = negotiate(c.req.headers.accept);
  sendJsonText(
    c.res,
    200,
    encodeList(items, c.info, c.ri.version, { resourceVersion: c.store.resourceVersion }, out, c.query),
  );
}

export function statusOnly(info: ResourceInfo) {
  return info.hasStatus;
}

export { success, isStatusError, sendJson };
