/**
 * A custom resource checked against its kind's OpenAPI schema, as kube-apiserver checks a CRD's
 * structural schema: unknown fields are found (and pruned) the way apiextensions-apiserver's
 * pruning reports them (`unknown field "spec.ports[0].unknownNested"`, keys in sorted order, see
 * k8s.io/kubernetes test/integration/apiserver/field_validation_test.go), and the types and required
 * fields are validated with kube-openapi's wording (`spec.running in body must be of type boolean:
 * "string"`). Nested ObjectMeta (a template's metadata) keeps unknown fields, as KubeVirt's CRDs mark
 * it x-kubernetes-preserve-unknown-fields.
 */
import { refName, resolve, type Schema, type Source } from '../openapi-data/catalog.js';
import { isQuantityText, QUANTITY_PATTERN } from '../apimachinery/quantity.js';
import { isObject, jsonType, type Json } from './schema.js';
import type { FieldError } from './status.js';

export interface StructuralResult {
  /** Paths of fields the schema does not know, in the order kube-apiserver reports them. */
  unknown: string[];
  /** Type and required-field errors. */
  errors: FieldError[];
  /** The object without its unknown fields (the input itself when nothing was pruned). */
  pruned: Json;
}

type Special = 'quantity' | 'int-or-string' | 'preserve' | 'string';

function special(name: string | undefined, root: boolean): Special | undefined {
  if (!name) return undefined;
  if (name.endsWith('.Quantity')) return 'quantity';
  if (name.endsWith('.IntOrString')) return 'int-or-string';
  if (name.endsWith('.RawExtension') || name.endsWith('.FieldsV1')) return 'preserve';
  if (name.endsWith('.ObjectMeta') && !root) return 'preserve';
  if (name.endsWith('.Time') || name.endsWith('.MicroTime') || name.endsWith('.Duration')) return 'string';
  return undefined;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

class Walker {
  readonly unknown: string[] = [];
  readonly errors: FieldError[] = [];
  constructor(private readonly source: Source) {}

  private typeError(path: string, v: unknown, want: string): void {
    const got = jsonType(v);
    this.errors.push({
      type: 'Invalid',
      field: path,
      value: got,
      detail: `${path} in body must be of type ${want}: "${got}"`,
    });
  }

  /** Returns the value with unknown fields removed (the same reference when nothing changed). */
  walk(value: unknown, schemaIn: Schema, path: string, depth: number): unknown {
    if (value === null || value === undefined) return value;
    const sp = special(refName(schemaIn), depth === 0);
    if (sp) return this.special(sp, value, path);
    const schema = resolve(this.source, schemaIn);
    if (schema['x-kubernetes-preserve-unknown-fields']) return value;
    const type = schema.type ?? (schema.properties || schema.additionalProperties ? 'object' : undefined);
    switch (type) {
      case 'object':
        return this.object(value, schema, path, depth);
      case 'array': {
        if (!Array.isArray(value)) return (this.typeError(path, value, 'array'), value);
        if (!schema.items) return value;
        let out: unknown[] | undefined;
        value.forEach((item, i) => {
          const next = this.walk(item, schema.items!, `${path}[${i}]`, depth + 1);
          if (next !== item) (out ??= [...value])[i] = next;
        });
        return out ?? value;
      }
      case 'string':
        if (typeof value !== 'string') this.typeError(path, value, 'string');
        return value;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) this.typeError(path, value, 'integer');
        return value;
      case 'number':
        if (typeof value !== 'number') this.typeError(path, value, 'number');
        return value;
      case 'boolean':
        if (typeof value !== 'boolean') this.typeError(path, value, 'boolean');
        return value;
      default:
        return value;
    }
  }

  private special(sp: Special, value: unknown, path: string): unknown {
    if (sp === 'preserve') return value;
    if (sp === 'string') {
      if (typeof value !== 'string') this.typeError(path, value, 'string');
    } else if (typeof value === 'number') {
      if (!Number.isInteger(value)) this.typeError(path, value, 'integer,string');
    } else if (typeof value !== 'string') {
      this.typeError(path, value, 'integer,string');
    } else if (sp === 'quantity' && !isQuantityText(value)) {
      this.errors.push({
        type: 'Invalid',
        field: path,
        value,
        detail: `${path} in body should match '${QUANTITY_PATTERN}'`,
      });
    }
    return value;
  }

  private object(value: unknown, schema: Schema, path: string, depth: number): unknown {
    if (!isObject(value)) return (this.typeError(path, value, 'object'), value);
    for (const key of schema.required ?? []) {
      if (value[key] === undefined || value[key] === null)
        this.errors.push({ type: 'Required', field: join(path, key) });
    }
    const props = schema.properties ?? {};
    const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    const anyExtra = schema.additionalProperties === true;
    let out: Json | undefined;
    for (const key of Object.keys(value).sort()) {
      const child = props[key] ?? extra;
      if (!child && !anyExtra) {
        if (depth === 0 && (key === 'apiVersion' || key === 'kind')) continue;
        this.unknown.push(join(path, key));
        out ??= { ...value };
        delete out[key];
        continue;
      }
      if (!child) continue;
      const next = this.walk(value[key], child, join(path, key), depth + 1);
      if (next !== value[key]) (out ??= { ...value })[key] = next;
    }
    return out ?? value;
  }
}

/** Checks `obj` against the definition `definition` of a document (the kind's schema). */
export function checkStructural(obj: Json, source: Source, definition: string): StructuralResult {
  const w = new Walker(source);
  const pruned = w.walk(obj, { $ref: `#/definitions/${definition}` }, '', 0) as Json;
  // metadata first, as the API server prunes ObjectMeta before the rest of the object
  const unknown = [
    ...w.unknown.filter((p) => p.startsWith('metadata.')),
    ...w.unknown.filter((p) => !p.startsWith('metadata.')),
  ];
  return { unknown, errors: w.errors, pruned };
}
