/**
 * Limits on what is written, checked without recursion so that no input can overflow the stack
 * before it is refused. kube-apiserver's values where it has them:
 * - request bodies of at most 3 MiB (MaxRequestBodyBytes, api/http-util.ts);
 * - at most 10,000 JSON-patch operations and 3 MiB of accumulated `copy` growth
 *   (maxJSONPatchOperations, JSONPatchMaxCopyBytes);
 * - objects of at most 1.5 MiB, what etcd stores by default (--max-request-bytes);
 * - nesting: kube-apiserver's JSON decoder stops at 10,000 levels, but this server runs inside the
 *   console's process, where V8's own JSON.stringify, structuredClone and the YAML composer
 *   overflow the stack after 2,000-4,000 (JSON) and 800 (YAML) levels. Objects here may nest
 *   MAX_DEPTH levels (real manifests use fewer than 30), bodies MAX_DOCUMENT_DEPTH (room for the
 *   managedFields of a stored object sent back).
 */
import { errors, failure, StatusError } from './status.js';

export const MAX_DEPTH = 100;
export const MAX_DOCUMENT_DEPTH = MAX_DEPTH + 16;
export const MAX_OBJECT_BYTES = 1.5 * 1024 * 1024;
export const MAX_JSON_PATCH_OPERATIONS = 10_000;
export const JSON_PATCH_MAX_COPY_BYTES = 3 * 1024 * 1024;

export function tooDeep(limit: number): StatusError {
  return errors.badRequest(`the object is nested too deeply: more than ${limit} levels of objects and arrays`);
}

/**
 * The nesting depth of JSON text (objects and arrays), in one pass over the characters; stops
 * counting past `limit`. Not a validator: invalid JSON gives some number and fails to parse later.
 */
export function jsonTextDepth(text: string, limit = MAX_DOCUMENT_DEPTH): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: skip to its closing quote
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return max;
}

/** The nesting depth of a JSON value (a scalar is 0, `{}` is 1), walked with an explicit stack. */
export function valueDepth(value: unknown, limit = MAX_DOCUMENT_DEPTH): number {
  if (value === null || typeof value !== 'object') return 0;
  let max = 0;
  // two parallel stacks (containers, their depths): no allocation per node
  const values: object[] = [value];
  const depths: number[] = [1];
  while (values.length) {
    const v = values.pop() as Record<string, unknown>;
    const d = depths.pop()!;
    if (d > max) {
      max = d;
      if (max > limit) return max;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c: unknown = v[i];
        if (c !== null && typeof c === 'object') {
          values.push(c);
          depths.push(d + 1);
        }
      }
    } else {
      for (const k in v) {
        const c = v[k];
        if (c !== null && typeof c === 'object') {
          values.push(c);
          depths.push(d + 1);
        }
      }
    }
  }
  return max;
}

/** Throws 400 when `value` nests deeper than `limit`. */
export function checkDepth(value: unknown, limit = MAX_DOCUMENT_DEPTH): void {
  if (valueDepth(value, limit) > limit) throw tooDeep(limit);
}

/** An object's depth without its managedFields (their fieldsV1 mirror the fields, a few levels down). */
function fieldsDepth(obj: Record<string, unknown>): number {
  let max = 0;
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'metadata' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const { managedFields: _ignored, ...rest } = v as Record<string, unknown>;
      max = Math.max(max, valueDepth(rest, MAX_DEPTH));
    } else {
      max = Math.max(max, valueDepth(v, MAX_DEPTH));
    }
    if (max >= MAX_DEPTH) break;
  }
  return max + 1;
}

/** The serialized size of a value in bytes (JSON, as stored). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '');
}

/** What etcd and the decoder would refuse about an object to be written: too deep (400) or too large (413). */
export function checkWritable(obj: Record<string, unknown>): void {
  if (fieldsDepth(obj) > MAX_DEPTH) throw tooDeep(MAX_DEPTH);
  if (jsonBytes(obj) > MAX_OBJECT_BYTES) {
    throw new StatusError(
      failure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_OBJECT_BYTES}`),
    );
  }
}
