/** RFC 6902 JSON Patch and RFC 7386 JSON Merge Patch over plain JSON. */
import { errors, StatusError, failure } from '../status.js';
import {
  JSON_PATCH_MAX_COPY_BYTES,
  MAX_DEPTH,
  MAX_JSON_PATCH_OPERATIONS,
  jsonBytes,
  tooDeep,
  valueDepth,
} from '../limits.js';
import { clone, deepEqual, isPlainObject } from '../util.js';

type Json = unknown;

function invalid(message: string): StatusError {
  return new StatusError(failure(422, 'Invalid', message));
}

function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  if (!ptr.startsWith('/')) throw invalid(`jsonpatch: invalid pointer ${JSON.stringify(ptr)}`);
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function container(
  doc: Json,
  parts: string[],
  op: string,
  ptr: string,
): { parent: Record<string, Json> | Json[]; key: string } {
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(p) || Number(p) >= cur.length)
        throw invalid(`${op} operation does not apply: doc is missing path: "${ptr}": missing value`);
      cur = cur[Number(p)];
    } else if (isPlainObject(cur) && Object.prototype.hasOwnProperty.call(cur, p)) {
      cur = cur[p];
    } else {
      throw invalid(`${op} operation does not apply: doc is missing path: "${ptr}": missing value`);
    }
  }
  if (!Array.isArray(cur) && !isPlainObject(cur))
    throw invalid(`${op} operation does not apply: doc is missing path: "${ptr}": missing value`);
  return { parent: cur as Record<string, Json> | Json[], key: parts[parts.length - 1] };
}

function getAt(doc: Json, ptr: string, op: string): Json {
  const parts = parsePointer(ptr);
  if (!parts.length) return doc;
  const { parent, key } = container(doc, parts, op, ptr);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= parent.length)
      throw invalid(`${op} operation does not apply: doc is missing path: "${ptr}": missing value`);
    return parent[i];
  }
  if (!Object.prototype.hasOwnProperty.call(parent, key))
    throw invalid(`${op} operation does not apply: doc is missing path: "${ptr}": missing value`);
  return parent[key];
}

function remove(doc: Json, ptr: string, op: string): Json {
  const parts = parsePointer(ptr);
  if (!parts.length) throw invalid(`${op} operation does not apply: doc is missing path: "${ptr}": missing value`);
  const { parent, key } = container(doc, parts, op, ptr);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= parent.length)
      throw invalid(`Unable to remove nonexistent key: ${key}: missing value`);
    return parent.splice(i, 1)[0];
  }
  if (!Object.prototype.hasOwnProperty.call(parent, key))
    throw invalid(`Unable to remove nonexistent key: ${key}: missing value`);
  const v = parent[key];
  delete parent[key];
  return v;
}

function add(doc: Json, ptr: string, value: Json, op: string, replace = false): Json {
  const parts = parsePointer(ptr);
  // the document stays within the depth limit after every operation (a copy could double it)
  if (parts.length + valueDepth(value, MAX_DEPTH) > MAX_DEPTH) throw tooDeep(MAX_DEPTH);
  if (!parts.length) return value;
  const { parent, key } = container(doc, parts, op, ptr);
  if (Array.isArray(parent)) {
    if (key === '-' && !replace) parent.push(value);
    else {
      const i = Number(key);
      if (!/^\d+$/.test(key) || i > parent.length || (replace && i >= parent.length))
        throw invalid(`${op} operation does not apply: doc is missing path: "${ptr}": missing value`);
      if (replace) parent[i] = value;
      else parent.splice(i, 0, value);
    }
  } else {
    if (replace && !Object.prototype.hasOwnProperty.call(parent, key))
      throw invalid(`replace operation does not apply: doc is missing key: ${ptr}: missing value`);
    parent[key] = value;
  }
  return doc;
}

/** Applies a JSON Patch to `doc` (mutated and returned). Errors are 422 as kube-apiserver sends them. */
export function jsonPatch(doc: Json, patch: unknown): Json {
  if (!Array.isArray(patch))
    throw errors.badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  if (patch.length > MAX_JSON_PATCH_OPERATIONS) {
    throw new StatusError(
      failure(
        413,
        'RequestEntityTooLarge',
        `Request entity too large: The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${patch.length}`,
      ),
    );
  }
  let copied = 0;
  for (const raw of patch) {
    if (!isPlainObject(raw))
      throw errors.badRequest('json: cannot unmarshal into Go value of type jsonpatch.Operation');
    const op = raw.op;
    const path = raw.path;
    if (typeof path !== 'string')
      throw invalid(`${String(op)} operation does not apply: doc is missing path: "": missing value`);
    const value = clone(raw.value);
    switch (op) {
      case 'add':
        if (!('value' in raw)) throw invalid('add operation does not apply: doc is missing value');
        doc = add(doc, path, value, 'add');
        break;
      case 'remove':
        remove(doc, path, 'remove');
        break;
      case 'replace':
        if (!('value' in raw)) throw invalid('replace operation does not apply: doc is missing value');
        doc = add(doc, path, value, 'replace', true);
        break;
      case 'move': {
        if (typeof raw.from !== 'string') throw invalid('move operation does not apply: doc is missing from path');
        const v = remove(doc, raw.from, 'move');
        doc = add(doc, path, v, 'move');
        break;
      }
      case 'copy': {
        if (typeof raw.from !== 'string') throw invalid('copy operation does not apply: doc is missing from path');
        const v = getAt(doc, raw.from, 'copy');
        // json-patch's AccumulatedCopySizeLimit, set by kube-apiserver to JSONPatchMaxCopyBytes
        copied += jsonBytes(v);
        if (copied > JSON_PATCH_MAX_COPY_BYTES) {
          throw invalid(
            `Unable to complete the copy, the accumulated size increase of copy is ${copied}, exceeding the limit ${JSON_PATCH_MAX_COPY_BYTES}`,
          );
        }
        doc = add(doc, path, clone(v), 'copy');
        break;
      }
      case 'test':
        if (!deepEqual(getAt(doc, path, 'test'), raw.value)) throw invalid(`testing value ${path} failed: test failed`);
        break;
      default:
        throw errors.badRequest(`Unexpected kind: ${String(op)}`);
    }
  }
  return doc;
}

/** RFC 7386: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isPlainObject(patch)) return clone(patch);
  const out: Record<string, Json> = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
