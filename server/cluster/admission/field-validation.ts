/**
 * Strict decoding as kube-apiserver applies `fieldValidation` to a request body
 * (k8s.io/apiserver/pkg/endpoints/handlers/create.go and update.go, patch.go for patches; messages as
 * k8s.io/kubernetes test/integration/apiserver/field_validation_test.go expects them):
 * - Strict: duplicate and unknown fields fail the request, `strict decoding error: duplicate field
 *   "spec.a", unknown field "spec.b"` (400 "X in version "v" cannot be handled as a X: ..." for a
 *   create or update, 422 Invalid on `patch` for a patch);
 * - Warn (the default): each one is a `Warning` header, and unknown fields are dropped;
 * - Ignore: unknown fields are dropped silently.
 * Custom resources are checked against their kind's OpenAPI schema (types and required fields too);
 * built-in kinds have no schema here, so only their duplicate fields are found. A server-side apply
 * with unknown fields fails (`failed to create typed patch object (...): .spec.x: field not declared
 * in schema`, k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager).
 */
import { kindSchema } from '../openapi-data/catalog.js';
import { BUILTIN_GROUPS } from './builtin-groups.js';
import type { AdmissionRequest, V1Status } from './types.js';
import type { FieldError } from './status.js';
import { badRequestStatus, invalidStatus } from './status.js';
import { checkStructural } from './structural.js';
import type { Json } from './schema.js';

export interface DecodeResult {
  /** A strict decoding failure to send instead of going on. */
  status?: V1Status;
  object: Json;
  warnings: string[];
  /** Schema (type, required) errors, reported with the other validation errors as a 422. */
  errors: FieldError[];
}

/** Custom resources are checked against their kind's schema; built-in kinds have none here. */
export function schemaOf(req: AdmissionRequest) {
  return BUILTIN_GROUPS.has(req.group) ? undefined : kindSchema(req.group, req.version, req.kind);
}

/** The type and required-field errors of an HTTP write of a custom resource (422 with the others). */
export function schemaErrors(req: AdmissionRequest, obj: Json): FieldError[] {
  const schema = req.decode ? schemaOf(req) : undefined;
  return schema ? checkStructural(obj, schema.source, schema.definition).errors : [];
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
  const schema = schemaOf(req);
  const checked = schema ? checkStructural(obj, schema.source, schema.definition) : undefined;
  const problems = [
    ...decode.duplicates.map((p) => `duplicate field "${p}"`),
    ...(checked?.unknown ?? []).map((p) => `unknown field "${p}"`),
  ];
  const object = checked?.pruned ?? obj;
  const errors = checked?.errors ?? [];
  if (decode.apply && checked?.unknown.length) {
    // server-side apply converts the patch to its typed form (structured-merge-diff): unknown fields fail it
    const gvk = `${req.group}/${req.version}, Kind=${req.kind}`;
    const notDeclared = checked.unknown.map((p) => `.${p}: field not declared in schema`).join('\n');
    return {
      status: badRequestStatus(`failed to create typed patch object (${gvk}): ${notDeclared}`),
      object,
      warnings: [],
      errors,
    };
  }
  if (!problems.length || decode.fieldValidation === 'Ignore') return { object, warnings: [], errors };
  if (decode.fieldValidation === 'Warn') return { object, warnings: problems, errors };
  const detail = `strict decoding error: ${problems.join(', ')}`;
  if (decode.patch !== undefined) {
    const status = invalidStatus('', '', '', [
      { type: 'Invalid', field: 'patch', value: goValue(decode.patch), detail },
    ]);
    return { status, object, warnings: [], errors };
  }
  const status = badRequestStatus(
    `${req.kind} in version "${req.version}" cannot be handled as a ${req.kind}: ${detail}`,
  );
  return { status, object, warnings: [], errors };
}
