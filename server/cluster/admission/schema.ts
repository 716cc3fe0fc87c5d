/**
 * The part of a CRD's structural schema check that admission relies on: the types of the fields
 * the webhooks read, required fields, and the Quantity pattern. Errors are worded as
 * kube-apiserver words them (k8s.io/kube-openapi validate errors wrapped in field.Invalid).
 */
import type { FieldError } from './status.js';
import { QUANTITY_PATTERN, isQuantityText } from '../apimachinery/quantity.js';

export type Json = Record<string, unknown>;

/** The JSON type name kube-openapi reports for a value. */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Collects schema errors while walking an object. Every accessor tolerates any input. A null is
 * treated as absent: the API server prunes nulls of non-nullable fields before validating.
 */
export class SchemaCheck {
  readonly errors: FieldError[] = [];

  private typeError(path: string, v: unknown, want: string): void {
    const got = jsonType(v);
    this.errors.push({
      type: 'Invalid',
      field: path,
      value: got,
      detail: `${path} in body must be of type ${want}: "${got}"`,
    });
  }

  required(parent: Json | undefined, key: string, path: string): void {
    if (parent && (parent[key] === undefined || parent[key] === null))
      this.errors.push({ type: 'Required', field: `${path}.${key}` });
  }

  obj(v: unknown, path: string): Json | undefined {
    if (v === undefined || v === null) return undefined;
    if (isObject(v)) return v;
    this.typeError(path, v, 'object');
    return undefined;
  }

  arr(v: unknown, path: string): unknown[] | undefined {
    if (v === undefined || v === null) return undefined;
    if (Array.isArray(v)) return v;
    this.typeError(path, v, 'array');
    return undefined;
  }

  /** An array of objects, each checked by `each`; non-object items are reported. */
  items(v: unknown, path: string, each?: (item: Json, itemPath: string) => void): Json[] {
    const list = this.arr(v, path) ?? [];
    const out: Json[] = [];
    list.forEach((item, i) => {
      // nulls are pruned from object fields only: a null list item is a type error (prunenulls.go)
      if (item === null) return this.typeError(`${path}[${i}]`, item, 'object');
      const o = this.obj(item, `${path}[${i}]`);
      if (o) {
        out.push(o);
        each?.(o, `${path}[${i}]`);
      }
    });
    return out;
  }

  str(v: unknown, path: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    this.typeError(path, v, 'string');
    return undefined;
  }

  bool(v: unknown, path: string): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    this.typeError(path, v, 'boolean');
    return undefined;
  }

  int(v: unknown, path: string): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    this.typeError(path, v, 'integer');
    return undefined;
  }

  /** An int-or-string Quantity: integers pass, strings must match the pattern. */
  quantity(v: unknown, path: string): void {
    if (v === undefined || v === null) return;
    if (typeof v === 'number' && Number.isInteger(v)) return;
    if (typeof v !== 'string') {
      this.typeError(path, v, 'integer,string');
      return;
    }
    if (!isQuantityText(v)) {
      this.errors.push({
        type: 'Invalid',
        field: path,
        value: v,
        detail: `${path} in body should match '${QUANTITY_PATTERN}'`,
      });
    }
  }

  /** A map of quantities (resources.requests / limits). */
  quantities(v: unknown, path: string): void {
    const o = this.obj(v, path);
    if (!o) return;
    for (const [k, q] of Object.entries(o)) this.quantity(q, `${path}.${k}`);
  }

  /** A map of strings (labels, annotations, nodeSelector). */
  strings(v: unknown, path: string): void {
    const o = this.obj(v, path);
    if (!o) return;
    for (const [k, s] of Object.entries(o)) this.str(s, `${path}.${k}`);
  }
}

/** Lenient accessors for code that runs after the schema check (never throw). */
export const asObj = (v: unknown): Json => (isObject(v) ? v : {});
export const asArr = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
export const asStr = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Structural equality of JSON values (key order does not matter). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
