/**
 * kube-apiserver's decoding of a built-in kind's JSON body into its Go type, from Kubernetes' own
 * OpenAPI definition of the kind (openapi-data/kubernetes-swagger.json). The decoder is
 * sigs.k8s.io/json, a fork of encoding/json (k8s.io/apimachinery/pkg/runtime/serializer/json):
 * - unknown fields (struct fields the type does not have) are found in document order, with list
 *   indices (`unknown field "spec.template.spec.containers[0].unknownNested"`, k8s.io/kubernetes
 *   test/integration/apiserver/field_validation_test.go), and dropped;
 * - a value of the wrong JSON type is skipped and the earliest one is the error, worded as
 *   encoding/json's UnmarshalTypeError (`json: cannot unmarshal string into Go struct field
 *   ContainerPort.spec.containers.ports.containerPort of type int32`: the innermost struct, the
 *   JSON names without indices, the Go type);
 * - a field with its own decoder (Quantity, IntOrString, Time) ends the decoding at its error;
 * - a null is the zero value.
 */
import { refName, resolve, type Schema } from '../openapi-data/catalog.js';
import { QuantityError, decodeQuantity } from '../apimachinery/quantity.js';
import { isObject, type Json } from './schema.js';

export interface GoDecodeResult {
  /** Unknown fields, each with its position in the document (key and item indices per level). */
  unknown: { path: string; at: number[] }[];
  /** The decoding error (the earliest type error, or a field decoder's error). */
  error?: string;
  /** The object without its unknown fields (the input itself when there were none). */
  pruned: Json;
}

/** Go type names of named string types (reflect's Type.String()) the definitions cannot tell. */
const NAMED: Record<string, string> = {
  'PodSpec.restartPolicy': 'v1.RestartPolicy',
  'PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'PodStatus.phase': 'v1.PodPhase',
  'PodStatus.qosClass': 'v1.PodQOSClass',
  'Container.imagePullPolicy': 'v1.PullPolicy',
  'Container.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'ContainerPort.protocol': 'v1.Protocol',
  'ServicePort.protocol': 'v1.Protocol',
  'Toleration.operator': 'v1.TolerationOperator',
  'Toleration.effect': 'v1.TaintEffect',
  'Taint.effect': 'v1.TaintEffect',
  'ServiceSpec.type': 'v1.ServiceType',
  'ServiceSpec.sessionAffinity': 'v1.ServiceAffinity',
  'ServiceSpec.externalTrafficPolicy': 'v1.ServiceExternalTrafficPolicy',
  'ServiceSpec.internalTrafficPolicy': 'v1.ServiceInternalTrafficPolicy',
  'ServiceSpec.ipFamilies': '[]v1.IPFamily',
  'ServiceSpec.ipFamilyPolicy': 'v1.IPFamilyPolicy',
  'LoadBalancerIngress.ipMode': 'v1.LoadBalancerIPMode',
  'PersistentVolumeClaimSpec.accessModes': '[]v1.PersistentVolumeAccessMode',
  'PersistentVolumeClaimSpec.volumeMode': 'v1.PersistentVolumeMode',
  'PersistentVolumeClaimStatus.accessModes': '[]v1.PersistentVolumeAccessMode',
  'PersistentVolumeClaimStatus.phase': 'v1.PersistentVolumeClaimPhase',
  'LabelSelectorRequirement.operator': 'v1.LabelSelectorOperator',
  'DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'NamespaceSpec.finalizers': '[]v1.FinalizerName',
  'NamespaceStatus.phase': 'v1.NamespacePhase',
  'Secret.type': 'v1.SecretType',
  'StorageClass.reclaimPolicy': 'v1.PersistentVolumeReclaimPolicy',
  'StorageClass.volumeBindingMode': 'v1.VolumeBindingMode',
};

/** Go's name of a definition's type: "io.k8s.api.core.v1.Container" is "v1.Container". */
const defType = (name: string) => name.split('.').slice(-2).join('.');

/** The Go type of a schema (`named` overrides it for a struct field of a named type). */
function goType(schema: Schema, named?: string): string {
  if (named) return named;
  const ref = refName(schema);
  if (ref) return defType(ref);
  if (schema.type === 'array') return `[]${schema.items ? goType(schema.items) : 'interface {}'}`;
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') {
    const values = schema.additionalProperties;
    if (refName(values)?.endsWith('.Quantity')) return 'v1.ResourceList';
    return `map[string]${goType(values)}`;
  }
  if (schema.type === 'string') return schema.format === 'byte' ? '[]uint8' : 'string';
  if (schema.type === 'integer') return schema.format === 'int32' ? 'int32' : 'int64';
  if (schema.type === 'number') return 'float64';
  if (schema.type === 'boolean') return 'bool';
  return 'interface {}';
}

/** encoding/json's name of a JSON value's kind. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

const INT_RANGE: Record<string, number> = { int32: 2 ** 31, int64: 2 ** 63 };

class Stop extends Error {}

class Decoder {
  readonly unknown: GoDecodeResult['unknown'] = [];
  error?: string;
  /** The innermost struct whose field is being decoded, and the JSON names from the root. */
  private owner = '';
  private fields: string[] = [];

  private typeError(what: string, type: string): void {
    this.error ??= `json: cannot unmarshal ${what} into Go struct field ${this.owner}.${this.fields.join('.')} of type ${type}`;
  }

  /** A field decoder's own error: it ends the decoding. */
  private fail(message: string): never {
    this.error = message;
    throw new Stop();
  }

  /** Returns the value without unknown fields (the same reference when nothing changed). */
  value(v: unknown, schemaIn: Schema, path: string, at: number[], named?: string): unknown {
    if (v === null || v === undefined) return v;
    const ref = refName(schemaIn) ?? '';
    if (ref.endsWith('.Quantity')) return this.quantity(v);
    if (ref.endsWith('.IntOrString')) return this.intOrString(v);
    if (ref.endsWith('.Time') || ref.endsWith('.MicroTime')) {
      if (typeof v !== 'string') this.fail(this.withContext(jsonKind(v), 'string'));
      return v;
    }
    if (ref.endsWith('.RawExtension') || ref.endsWith('.FieldsV1') || ref.endsWith('.JSON')) return v;
    const schema = resolve('kubernetes', schemaIn);
    if (schema['x-kubernetes-preserve-unknown-fields']) return v;
    const type = goType(schemaIn, named);
    if (schema.properties) return this.struct(v, schema, ref, path, at, type);
    if (schema.type === 'array') {
      if (!Array.isArray(v)) return (this.typeError(jsonKind(v), type), v);
      const itemNamed = named?.startsWith('[]') ? named.slice(2) : undefined;
      let out: unknown[] | undefined;
      v.forEach((item, i) => {
        const next = this.value(item, schema.items ?? {}, `${path}[${i}]`, [...at, i], itemNamed);
        if (next !== item) (out ??= [...v])[i] = next;
      });
      return out ?? v;
    }
    if (schema.type === 'object') {
      if (!isObject(v)) return (this.typeError(jsonKind(v), type), v);
      const values = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
      if (values) Object.entries(v).forEach(([k, x], i) => this.value(x, values, `${path}.${k}`, [...at, i]));
      return v;
    }
    return (this.scalar(v, schema, type), v);
  }

  private scalar(v: unknown, schema: Schema, type: string): void {
    if (schema.type === 'string') {
      if (typeof v !== 'string') this.typeError(jsonKind(v), type);
    } else if (schema.type === 'boolean') {
      if (typeof v !== 'boolean') this.typeError(jsonKind(v), type);
    } else if (schema.type === 'integer' || schema.type === 'number') {
      if (typeof v !== 'number') return this.typeError(jsonKind(v), type);
      const range = INT_RANGE[type];
      if (range && (!Number.isInteger(v) || v < -range || v >= range)) this.typeError(`number ${v}`, type);
    }
  }

  private struct(v: unknown, schema: Schema, ref: string, path: string, at: number[], type: string): unknown {
    if (!isObject(v)) return (this.typeError(jsonKind(v), type), v);
    const props = schema.properties ?? {};
    const structName = ref.slice(ref.lastIndexOf('.') + 1);
    let out: Json | undefined;
    Object.keys(v).forEach((key, i) => {
      const child = Object.hasOwn(props, key) ? props[key] : undefined;
      const childPath = path ? `${path}.${key}` : key;
      if (!child) {
        this.unknown.push({ path: childPath, at: [...at, i] });
        out ??= { ...v };
        delete out[key];
        return;
      }
      const [owner, depth] = [this.owner, this.fields.length];
      this.owner = structName;
      this.fields.push(key);
      const next = this.value(v[key], child, childPath, [...at, i], NAMED[`${structName}.${key}`]);
      this.owner = owner;
      this.fields.length = depth;
      if (next !== v[key]) (out ??= { ...v })[key] = next;
    });
    return out ?? v;
  }

  private withContext(what: string, type: string): string {
    return `json: cannot unmarshal ${what} into Go struct field ${this.owner}.${this.fields.join('.')} of type ${type}`;
  }

  private quantity(v: unknown): unknown {
    try {
      decodeQuantity(v);
    } catch (e) {
      if (e instanceof QuantityError) this.fail(e.message);
      throw e;
    }
    return v;
  }

  /** intstr.IntOrString.UnmarshalJSON: a string, else json.Unmarshal into its int32. */
  private intOrString(v: unknown): unknown {
    if (typeof v === 'string') return v;
    if (typeof v !== 'number') this.fail(this.withContext(jsonKind(v), 'int32'));
    if (!Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) this.fail(this.withContext(`number ${v}`, 'int32'));
    return v;
  }
}

/** Decodes `obj` as the built-in kind whose definition is `definition` (Kubernetes' document). */
export function goDecode(obj: Json, definition: string): GoDecodeResult {
  const d = new Decoder();
  let pruned = obj;
  try {
    pruned = d.value(obj, { $ref: `#/definitions/${definition}` }, '', []) as Json;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return { unknown: d.unknown, error: d.error, pruned };
}

/**
 * The position of a path ("spec.containers[0].image") in a decoded object: the index of the key or
 * item per level, to put duplicate and unknown fields in document order. Keys may hold dots.
 */
export function positionOf(obj: Json, path: string): number[] {
  const at: number[] = [];
  let cur: unknown = obj;
  let rest = path;
  while (rest) {
    const item = /^\[(\d+)\]\.?/.exec(rest);
    if (item && Array.isArray(cur)) {
      at.push(Number(item[1]));
      cur = cur[Number(item[1])];
      rest = rest.slice(item[0].length);
      continue;
    }
    if (!isObject(cur)) return [...at, Infinity];
    const keys = Object.keys(cur);
    const o = cur;
    const key = keys
      .filter((k) => rest === k || rest.startsWith(`${k}.`) || rest.startsWith(`${k}[`))
      .sort((a, b) => b.length - a.length)[0];
    if (key === undefined) return [...at, Infinity];
    at.push(keys.indexOf(key));
    cur = o[key];
    rest = rest.slice(key.length).replace(/^\./, '');
  }
  return at;
}

/** Orders positions as the document does (a parent before its children). */
export function comparePositions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
