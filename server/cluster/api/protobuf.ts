/**
 * A small decoder for the Kubernetes protobuf envelope ("k8s\0" + runtime.Unknown) and the few
 * built-in kinds kubectl's typed clients send as protobuf (auth can-i, create namespace/configmap/
 * secret). Responses are always JSON (kubectl also accepts application/json).
 */
import { errors } from '../store/index.js';

type FieldType =
  'string' | 'int' | 'bool' | 'bytes' | 'time' | 'intstr' | 'mapss' | 'mapsb' | 'rstring' | Schema | [Schema];
interface Schema {
  [field: number]: [string, FieldType];
}

const TIME: Schema = { 1: ['seconds', 'int'], 2: ['nanos', 'int'] };
const OWNER: Schema = {
  1: ['kind', 'string'],
  3: ['name', 'string'],
  4: ['uid', 'string'],
  5: ['apiVersion', 'string'],
  6: ['controller', 'bool'],
  7: ['blockOwnerDeletion', 'bool'],
};
const META: Schema = {
  1: ['name', 'string'],
  2: ['generateName', 'string'],
  3: ['namespace', 'string'],
  5: ['uid', 'string'],
  6: ['resourceVersion', 'string'],
  7: ['generation', 'int'],
  11: ['labels', 'mapss'],
  12: ['annotations', 'mapss'],
  13: ['ownerReferences', [OWNER]],
  14: ['finalizers', 'rstring'],
};
const RESOURCE_ATTRS: Schema = {
  1: ['namespace', 'string'],
  2: ['verb', 'string'],
  3: ['group', 'string'],
  4: ['version', 'string'],
  5: ['resource', 'string'],
  6: ['subresource', 'string'],
  7: ['name', 'string'],
};
const NON_RESOURCE_ATTRS: Schema = { 1: ['path', 'string'], 2: ['verb', 'string'] };

// k8s.io/api/rbac/v1/generated.proto
const POLICY_RULE: Schema = {
  1: ['verbs', 'rstring'],
  2: ['apiGroups', 'rstring'],
  3: ['resources', 'rstring'],
  4: ['resourceNames', 'rstring'],
  5: ['nonResourceURLs', 'rstring'],
};
const BINDING: Schema = {
  1: ['metadata', META],
  2: [
    'subjects',
    [{ 1: ['kind', 'string'], 2: ['apiGroup', 'string'], 3: ['name', 'string'], 4: ['namespace', 'string'] }],
  ],
  3: ['roleRef', { 1: ['apiGroup', 'string'], 2: ['kind', 'string'], 3: ['name', 'string'] }],
};
const LABEL_SELECTOR: Schema = {
  1: ['matchLabels', 'mapss'],
  2: ['matchExpressions', [{ 1: ['key', 'string'], 2: ['operator', 'string'], 3: ['values', 'rstring'] }]],
};

const KINDS: Record<string, Schema> = {
  'authentication.k8s.io/v1/SelfSubjectReview': { 1: ['metadata', META] },
  // k8s.io/api/authentication/v1/generated.proto
  'authentication.k8s.io/v1/TokenRequest': {
    1: ['metadata', META],
    2: [
      'spec',
      {
        1: ['audiences', 'rstring'],
        4: ['expirationSeconds', 'int'],
        3: [
          'boundObjectRef',
          { 1: ['kind', 'string'], 2: ['apiVersion', 'string'], 3: ['name', 'string'], 4: ['uid', 'string'] },
        ],
      },
    ],
  },
  'rbac.authorization.k8s.io/v1/Role': { 1: ['metadata', META], 2: ['rules', [POLICY_RULE]] },
  'rbac.authorization.k8s.io/v1/ClusterRole': {
    1: ['metadata', META],
    2: ['rules', [POLICY_RULE]],
    3: ['aggregationRule', { 1: ['clusterRoleSelectors', [LABEL_SELECTOR]] }],
  },
  'rbac.authorization.k8s.io/v1/RoleBinding': BINDING,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': BINDING,
  // k8s.io/api/policy/v1/generated.proto
  'policy/v1/Eviction': {
    1: ['metadata', META],
    2: [
      'deleteOptions',
      {
        1: ['gracePeriodSeconds', 'int'],
        2: ['preconditions', { 1: ['uid', 'string'], 2: ['resourceVersion', 'string'] }],
        3: ['orphanDependents', 'bool'],
        4: ['propagationPolicy', 'string'],
        5: ['dryRun', 'rstring'],
      },
    ],
  },
  'policy/v1/PodDisruptionBudget': {
    1: ['metadata', META],
    2: [
      'spec',
      {
        1: ['minAvailable', 'intstr'],
        2: ['selector', LABEL_SELECTOR],
        3: ['maxUnavailable', 'intstr'],
        4: ['unhealthyPodEvictionPolicy', 'string'],
      },
    ],
  },
  'authorization.k8s.io/v1/SelfSubjectAccessReview': {
    1: ['metadata', META],
    2: ['spec', { 1: ['resourceAttributes', RESOURCE_ATTRS], 2: ['nonResourceAttributes', NON_RESOURCE_ATTRS] }],
  },
  'authorization.k8s.io/v1/SelfSubjectRulesReview': {
    1: ['metadata', META],
    2: ['spec', { 1: ['namespace', 'string'] }],
  },
  'v1/Namespace': { 1: ['metadata', META], 2: ['spec', { 1: ['finalizers', 'rstring'] }] },
  'v1/ConfigMap': { 1: ['metadata', META], 2: ['data', 'mapss'], 3: ['binaryData', 'mapsb'], 4: ['immutable', 'bool'] },
  'v1/Secret': {
    1: ['metadata', META],
    2: ['data', 'mapsb'],
    3: ['type', 'string'],
    4: ['stringData', 'mapss'],
    5: ['immutable', 'bool'],
  },
};

class Reader {
  pos = 0;
  constructor(
    readonly buf: Buffer,
    readonly end = buf.length,
  ) {}
  varint(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw errors.badRequest('protobuf: truncated varint');
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * mul;
      if (!(b & 0x80)) return result;
      mul *= 128;
    }
    throw errors.badRequest('protobuf: varint too long');
  }
  bytes(): Buffer {
    const len = this.varint();
    if (this.pos + len > this.end) throw errors.badRequest('protobuf: truncated field');
    const b = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return b;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw errors.badRequest(`protobuf: unsupported wire type ${wire}`);
  }
}

function decodeMap(b: Buffer, asBytes: boolean): [string, string] {
  const r = new Reader(b);
  let k = '';
  let v = '';
  while (r.pos < r.end) {
    const tag = r.varint();
    if ((tag & 7) !== 2) {
      r.skip(tag & 7);
      continue;
    }
    const val = r.bytes();
    if (tag >> 3 === 1) k = val.toString('utf8');
    else if (tag >> 3 === 2) v = asBytes ? val.toString('base64') : val.toString('utf8');
  }
  return [k, v];
}

function decode(buf: Buffer, schema: Schema): Record<string, unknown> {
  const r = new Reader(buf);
  const out: Record<string, unknown> = {};
  while (r.pos < r.end) {
    const tag = r.varint();
    const f = schema[tag >> 3];
    const wire = tag & 7;
    if (!f) {
      r.skip(wire);
      continue;
    }
    const [name, type] = f;
    if (type === 'int' || type === 'bool') {
      if (wire !== 0) {
        r.skip(wire);
        continue;
      }
      const n = r.varint();
      out[name] = type === 'bool' ? n !== 0 : n;
      continue;
    }
    if (wire !== 2) {
      r.skip(wire);
      continue;
    }
    const b = r.bytes();
    if (type === 'string') out[name] = b.toString('utf8');
    else if (type === 'bytes') out[name] = b.toString('base64');
    // repeated fields and map entries grow in place (a copy per entry was quadratic)
    else if (type === 'rstring') ((out[name] ??= []) as string[]).push(b.toString('utf8'));
    else if (type === 'mapss' || type === 'mapsb') {
      const [k, v] = decodeMap(b, type === 'mapsb');
      Object.defineProperty((out[name] ??= {}) as Record<string, string>, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (type === 'intstr') {
      const v = decode(b, { 1: ['type', 'int'], 2: ['intVal', 'int'], 3: ['strVal', 'string'] });
      out[name] = v.type === 1 ? (v.strVal ?? '') : (v.intVal ?? 0);
    } else if (type === 'time') {
      const t = decode(b, TIME);
      out[name] = new Date(Number(t.seconds ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    } else if (Array.isArray(type)) ((out[name] ??= []) as unknown[]).push(decode(b, type[0]));
    else out[name] = decode(b, type);
  }
  return out;
}

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** Decodes a protobuf request body into the JSON object it stands for, or throws 415. */
export function decodeProtobufObject(buf: Buffer): Record<string, unknown> {
  if (buf.length < 4 || !buf.subarray(0, 4).equals(MAGIC))
    throw errors.badRequest('protobuf: missing the k8s envelope');
  const unknown = decode(buf.subarray(4), {
    1: ['typeMeta', { 1: ['apiVersion', 'string'], 2: ['kind', 'string'] }],
    2: ['raw', 'bytes'],
  });
  const tm = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const schema = KINDS[`${tm.apiVersion}/${tm.kind}`];
  if (!schema)
    throw errors.unsupportedMediaType('application/vnd.kubernetes.protobuf', ['application/json', 'application/yaml']);
  const obj = decode(Buffer.from(String(unknown.raw ?? ''), 'base64'), schema);
  return { apiVersion: tm.apiVersion, kind: tm.kind, ...obj };
}
