/**
 * Decodes Kubernetes protobuf request bodies ("k8s\0" + runtime.Unknown, as kubectl's typed clients
 * send built-in kinds) with protobufjs over Kubernetes' own generated.proto files
 * (server/cluster/protobuf-data, loaded on the first protobuf body), into the JSON object
 * kube-apiserver would build from the same Go struct: inline members merged into their parent,
 * Time/MicroTime as RFC 3339, Quantity and IntOrString as their JSON forms, RawExtension and
 * FieldsV1 as the JSON they carry, bytes as base64, and the zero strings and false a Go
 * struct cannot tell from absent left out (as encoding/json's omitempty does).
 * Responses are always JSON (kubectl also accepts application/json).
 */
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { errors } from '../store/index.js';

const DATA = fileURLToPath(new URL('../protobuf-data/', import.meta.url));
const MAX_DEPTH = 100;
const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';

/** The served built-in group versions and the generated.proto package of each. */
const PACKAGES: Record<string, string> = {
  v1: 'core',
  'apps/v1': 'apps',
  'networking.k8s.io/v1': 'networking',
  'discovery.k8s.io/v1': 'discovery',
  'storage.k8s.io/v1': 'storage',
  'scheduling.k8s.io/v1': 'scheduling',
  'authorization.k8s.io/v1': 'authorization',
  'rbac.authorization.k8s.io/v1': 'rbac',
  'authentication.k8s.io/v1': 'authentication',
  'events.k8s.io/v1': 'events',
  'policy/v1': 'policy',
  'coordination.k8s.io/v1': 'coordination',
};

/** Go members embedded with `json:",inline"` (their fields belong to the parent object). */
const INLINE = new Set([
  'handler',
  'ingressRuleValue',
  'localObjectReference',
  'persistentVolumeSource',
  'typeMeta',
  'volumeSource',
]);
/**
 * Non-pointer `omitempty` integers of the served types (a zero is absent in Go, so kube-apiserver's
 * JSON leaves it out); the names that are also pointer fields elsewhere (replicas, count, partition,
 * timeoutSeconds) keep their zeros, which a pointer means.
 */
const ZERO_OMITTED = new Set(
  (
    'availableReplicas code currentReplicas deprecatedCount failureThreshold fullyLabeledReplicas generation ' +
    'healthCheckNodePort hostPort initialDelaySeconds limit minReadySeconds nodePort number numberAvailable ' +
    'numberUnavailable observedGeneration periodSeconds readyReplicas retryAfterSeconds signal sizeBytes ' +
    'successThreshold unavailableReplicas updatedNumberScheduled updatedReplicas'
  ).split(' '),
);
/** Proto field names whose Go json tag differs. */
const JSON_NAMES: Record<string, string> = { uID: 'uid', aPIGroup: 'apiGroup' };

let root: protobuf.Root | undefined;
function loadRoot(): protobuf.Root {
  if (root) return root;
  const r = new protobuf.Root();
  r.resolvePath = (_origin, target) => (target.startsWith('k8s.io/') ? DATA + target : target);
  r.loadSync(
    [...new Set(Object.values(PACKAGES))].map((p) => `${DATA}k8s.io/api/${p}/v1/generated.proto`),
    { keepCase: true },
  );
  r.resolveAll();
  root = r;
  return r;
}

type Msg = Record<string, unknown>;
const has = (m: Msg, k: string) => Object.prototype.hasOwnProperty.call(m, k);
const num = (v: unknown): number =>
  typeof v === 'object' && v !== null && 'toNumber' in v ? (v as { toNumber(): number }).toNumber() : Number(v ?? 0);

function rfc3339(m: Msg, micro: boolean): string | undefined {
  const s = num(m.seconds);
  const ns = num(m.nanos);
  if (s === 0 && ns === 0) return undefined;
  const base = new Date(s * 1000).toISOString().slice(0, 19);
  return micro ? `${base}.${String(Math.floor(ns / 1000)).padStart(6, '0')}Z` : `${base}Z`;
}

function rawJson(m: Msg): unknown {
  const raw = m.raw as Uint8Array | undefined;
  if (!raw?.length) return undefined;
  try {
    return JSON.parse(Buffer.from(raw).toString('utf8')) as unknown;
  } catch {
    throw errors.badRequest('protobuf: an embedded object is not valid JSON');
  }
}

/** Go's time.Duration.String() of a count of nanoseconds. */
function goDuration(nanos: number): string {
  if (nanos === 0) return '0s';
  const sign = nanos < 0 ? '-' : '';
  let s = Math.abs(nanos) / 1e9;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s = Number((s - m * 60).toFixed(9));
  if (h === 0 && m === 0 && s < 1)
    return `${sign}${Math.abs(nanos) < 1e6 ? `${Math.abs(nanos) / 1e3}µs` : `${s * 1e3}ms`}`;
  return `${sign}${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

const SPECIAL: Record<string, (m: Msg) => unknown> = {
  [`.${META}.Time`]: (m) => rfc3339(m, false),
  [`.${META}.MicroTime`]: (m) => rfc3339(m, true),
  [`.${META}.Duration`]: (m) => goDuration(num(m.duration)),
  [`.${META}.FieldsV1`]: rawJson,
  '.k8s.io.apimachinery.pkg.runtime.RawExtension': rawJson,
  '.k8s.io.apimachinery.pkg.api.resource.Quantity': (m) => String(m.string ?? ''),
  '.k8s.io.apimachinery.pkg.util.intstr.IntOrString': (m) =>
    num(m.type) === 1 ? String(m.strVal ?? '') : num(m.intVal),
};

function scalar(field: protobuf.Field, v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (typeof v === 'object' && v !== null) return num(v);
  if (field.type.endsWith('64') || field.type.endsWith('32')) return num(v);
  return v;
}

function value(field: protobuf.Field, v: unknown, depth: number): unknown {
  const t = field.resolvedType;
  return t instanceof protobuf.Type ? toJson(v as Msg, t, depth + 1) : scalar(field, v);
}

function toJson(m: Msg, type: protobuf.Type, depth: number): unknown {
  if (depth > MAX_DEPTH) throw errors.badRequest('protobuf: the object is nested too deeply');
  const special = SPECIAL[type.fullName];
  if (special) return special(m);
  const fields = type.fieldsArray;
  // string lists wrapped in a message (meta.v1 Verbs, authentication ExtraValue): a JSON array
  if (fields.length === 1 && fields[0].name === 'items' && fields[0].repeated && fields[0].type === 'string')
    return (m.items as string[] | undefined) ?? [];
  const out: Msg = {};
  for (const field of fields) {
    if (!has(m, field.name)) continue;
    const v = m[field.name];
    const name = JSON_NAMES[field.name] ?? field.name;
    // protobufjs gives absent repeated and map fields as empty ones: Go leaves them nil, and omits them
    if (field instanceof protobuf.MapField) {
      if (!Object.keys(v as Msg).length) continue;
      const obj: Msg = {};
      for (const [k, x] of Object.entries(v as Msg))
        Object.defineProperty(obj, k, {
          value: value(field, x, depth),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      out[name] = obj;
    } else if (field.repeated) {
      if ((v as unknown[]).length) out[name] = (v as unknown[]).map((x) => value(field, x, depth));
    } else {
      const x = value(field, v, depth);
      if (x === undefined || x === '' || x === false || (x === 0 && ZERO_OMITTED.has(field.name))) continue;
      if (INLINE.has(field.name) && x && typeof x === 'object') Object.assign(out, x);
      else out[name] = x;
    }
  }
  return out;
}

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

function decode(type: protobuf.Type, buf: Uint8Array): Msg {
  try {
    return type.decode(buf) as unknown as Msg;
  } catch (e) {
    throw errors.badRequest(`protobuf: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Decodes a protobuf request body into the JSON object it stands for, or throws 400/415. */
export function decodeProtobufObject(buf: Buffer): Record<string, unknown> {
  if (buf.length < 4 || !buf.subarray(0, 4).equals(MAGIC))
    throw errors.badRequest('protobuf: missing the k8s envelope');
  const r = loadRoot();
  const unknown = decode(r.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown'), buf.subarray(4));
  const tm = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const pkg = PACKAGES[tm.apiVersion ?? ''];
  const type = pkg && tm.kind && /^[A-Z]\w*$/.test(tm.kind) ? r.lookup(`k8s.io.api.${pkg}.v1.${tm.kind}`) : null;
  if (!(type instanceof protobuf.Type) || !type.fields.metadata)
    throw errors.unsupportedMediaType('application/vnd.kubernetes.protobuf', ['application/json', 'application/yaml']);
  const obj = toJson(decode(type, (unknown.raw as Uint8Array | undefined) ?? new Uint8Array()), type, 0) as Msg;
  return { apiVersion: tm.apiVersion, kind: tm.kind, ...obj };
}
