/**
 * Strict decoding as kube-apiserver applies `fieldValidation` to a request body
 * (k8s.io/apiserver/pkg/endpoints/handlers/create.go and update.go, patch.go for patches; messages as
 * k8s.io/kubernetes test/integration/apiserver/field_validation_test.go expects them):
 * - Strict: duplicate and unknown fields fail the request, `strict decoding error: duplicate field
 *   "spec.a", unknown field "spec.b"` (400 "X in version "v" cannot be handled as a X: ..." for a
 *   create or update, 422 Invalid on `patch` for a patch);
 * - Warn (the default): each one is a `Warning` header, and unknown fields are dropped;
 * - Ignore: unknown fields are dropped silently.
 * Custom resources are checked against their kind's OpenAPI schema (types and required fields too,
 * unknown fields in sorted order as the CRD pruning finds them); built-in kinds are decoded into
 * their Go types as Kubernetes' own definitions describe them (go-decode.ts: unknown and duplicate
 * fields in document order; a field of the wrong type is a 400 before anything else). A server-side apply
 * with unknown fields fails (`failed to create typed patch object (...): .spec.x: field not declared
 * in schema`, k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager).
 */
import { builtinKindSchema, kindSchema } from '../openapi-data/catalog.js';
import { BUILTIN_GROUPS } from './builtin-groups.js';
import type { AdmissionRequest, V1Status } from './types.js';
import type { DecodeInfo } from '../store/hooks.js';
import type { FieldError } from './status.js';
import { badRequestStatus, internalStatus, invalidStatus } from './status.js';
import { checkStructural } from './structural.js';
import { asStr, isObject, type Json } from './schema.js';
import { comparePositions, goDecode, positionOf, type GoDecodeResult } from './go-decode.js';

export interface DecodeResult {
  /** A strict decoding failure to send instead of going on. */
  status?: V1Status;
  object: Json;
  warnings: string[];
  /** Schema (type, required) errors, reported with the other validation errors as a 422. */
  errors: FieldError[];
}

/** Custom resources are checked against their kind's schema; built-in kinds are decoded (goDecodeOf). */
export function schemaOf(req: AdmissionRequest) {
  return BUILTIN_GROUPS.has(req.group) ? undefined : kindSchema(req.group, req.version, req.kind);
}

const decoded = new WeakMap<Json, GoDecodeResult>();

/**
 * How an HTTP body of a built-in kind decodes into its Go type, or undefined (a custom resource, a
 * kind without a definition, or an in-process write, which is typed as client-go's are).
 */
export function goDecodeOf(req: AdmissionRequest, obj: Json): GoDecodeResult | undefined {
  if (!req.decode || !BUILTIN_GROUPS.has(req.group)) return undefined;
  const schema = builtinKindSchema(req.group, req.version, req.kind);
  if (!schema) return undefined;
  let d = decoded.get(obj);
  if (!d) {
    d = goDecode(obj, schema.definition);
    decoded.set(obj, d);
  }
  return d;
}

/** The strict decoding problems of a built-in kind's body, in document order. */
function builtinProblems(obj: Json, decode: DecodeInfo, d: GoDecodeResult): string[] {
  const all = [
    // a field the type does not have is unknown, never duplicate
    ...decode.duplicates
      .filter((p) => !d.unknown.some((u) => u.path === p))
      .map((p) => ({ text: `duplicate field "${p}"`, at: positionOf(obj, p) })),
    ...[...(decode.unknownMetadata ?? []), ...d.unknown].map((u) => ({ text: `unknown field "${u.path}"`, at: u.at })),
  ];
  // a YAML body reaches the decoder as JSON with sorted keys (field_validation_test.go, invalidBodyYAML)
  if (decode.yaml) return all.map((p) => p.text).sort();
  return all.sort((a, b) => comparePositions(a.at, b.at)).map((p) => p.text);
}

/** The type and required-field errors of an HTTP write of a custom resource (422 with the others). */
export function schemaErrors(req: AdmissionRequest, obj: Json): FieldError[] {
  const schema = req.decode ? schemaOf(req) : undefined;
  return schema ? checkStructural(obj, schema.source, schema.definition).errors : [];
}

/** The JSON text of a patched object, top-level keys sorted as json-patch's merge writes them. */
function patchedJson(obj: Json): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, obj[k]]),
    ),
  );
}

/** Go's %+v of a decoded JSON value, as field.Invalid shows a patch. */
function goValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (v && typeof v === 'object') {
    const o = v as Json;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${goValue(o[k])}`)
      .join(' ')}]`;
  }
  if (v === null) return '<nil>';
  return String(v);
}

export function decodeFields(req: AdmissionRequest, obj: Json): DecodeResult {
  const decode = req.decode;
  if (!decode || req.operation === 'DELETE') return { object: obj, warnings: [], errors: [] };
  const builtin = goDecodeOf(req, obj);
  // a field of the wrong type fails the decoding before strict errors count (builtinKindsDecode)
  if (builtin?.error) return { object: obj, warnings: [], errors: [] };
  const schema = schemaOf(req);
  const structural = schema ? checkStructural(obj, schema.source, schema.definition) : undefined;
  const metadata = (decode.unknownMetadata ?? []).map((u) => u.path).sort();
  const checked = builtin
    ? { unknown: [...metadata, ...builtin.unknown.map((u) => u.path)], pruned: builtin.pruned, errors: [] }
    : structural && { ...structural, unknown: [...metadata, ...structural.unknown] };
  const problems = builtin
    ? builtinProblems(obj, decode, builtin)
    : [
        ...decode.duplicates.map((p) => `duplicate field "${p}"`),
        ...(checked?.unknown ?? metadata).map((p) => `unknown field "${p}"`),
      ];
  const object = checked?.pruned ?? obj;
  const errors = checked?.errors ?? [];
  if (decode.apply && checked?.unknown.length) {
    // server-side apply converts the patch to its typed form (structured-merge-diff): unknown fields
    // fail it with a plain error, a 500 (fieldmanager/internal/structuredmerge.go, objectGVKNN)
    const meta = isObject(decode.patch) && isObject(decode.patch.metadata) ? decode.patch.metadata : {};
    const nn = `${asStr(meta.namespace)}/${asStr(meta.name)}`;
    const gvk = `${req.group}/${req.version}, Kind=${req.kind}`;
    const notDeclared = checked.unknown.map((p) => `.${p}: field not declared in schema`).join('\n');
    const message = `failed to create typed patch object (${nn}; ${gvk}): ${notDeclared}`;
    return { status: internalStatus(message), object, warnings: [], errors };
  }
  if (!problems.length || decode.fieldValidation === 'Ignore') return { object, warnings: [], errors };
  if (decode.fieldValidation === 'Warn') return { object, warnings: problems, errors };
  const detail = `strict decoding error: ${problems.join(', ')}`;
  if (decode.patch !== undefined) {
    const status = invalidStatus('', '', '', [
      // a built-in kind's patched object is JSON text; a custom resource's is a map (unstructured)
      { type: 'Invalid', field: 'patch', value: builtin ? patchedJson(obj) : goValue(decode.patch), detail },
    ]);
    return { status, object, warnings: [], errors };
  }
  const status = badRequestStatus(
    `${req.kind} in version "${req.version}" cannot be handled as a ${req.kind}: ${detail}`,
  );
  return { status, object, warnings: [], errors };
}
