/** Name and metadata validation with kube-apiserver's messages (apimachinery validation). */
import { causes, type StatusCause } from './status.js';
import type { ObjectMeta } from './types.js';
import { isQualifiedName, isValidLabelValue, validateName, type NameRule } from '../apimachinery/validation.js';

export type { NameRule };

export function nameErrors(name: string, rule: NameRule, field = 'metadata.name'): StatusCause[] {
  return validateName(rule, name).map((msg) => causes.invalid(field, name, msg));
}

function keyErrors(key: string, field: string): StatusCause[] {
  return isQualifiedName(key).map((msg) => causes.invalid(field, key, msg));
}

/** Validates labels, annotations keys, finalizers and owner references like ValidateObjectMeta. */
export function metadataErrors(meta: ObjectMeta): StatusCause[] {
  const out: StatusCause[] = [];
  const labels = meta.labels as unknown;
  if (labels !== undefined && labels !== null) {
    if (typeof labels !== 'object' || Array.isArray(labels))
      out.push(causes.invalid('metadata.labels', labels, 'must be a map of strings'));
    else {
      for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
        out.push(...keyErrors(k, 'metadata.labels'));
        if (typeof v !== 'string') out.push(causes.invalid('metadata.labels', v, 'must be a string'));
        else for (const msg of isValidLabelValue(v)) out.push(causes.invalid('metadata.labels', v, msg));
      }
    }
  }
  const ann = meta.annotations as unknown;
  if (ann !== undefined && ann !== null) {
    if (typeof ann !== 'object' || Array.isArray(ann))
      out.push(causes.invalid('metadata.annotations', ann, 'must be a map of strings'));
    else {
      let size = 0;
      for (const [k, v] of Object.entries(ann as Record<string, unknown>)) {
        out.push(...keyErrors(k.toLowerCase(), 'metadata.annotations'));
        if (typeof v !== 'string') out.push(causes.invalid('metadata.annotations', v, 'must be a string'));
        else size += k.length + v.length;
      }
      if (size > 262144)
        out.push({
          reason: 'FieldValueTooLong',
          message: 'Too long: must have at most 262144 bytes',
          field: 'metadata.annotations',
        });
    }
  }
  const fin = meta.finalizers as unknown;
  if (fin !== undefined && fin !== null && (!Array.isArray(fin) || fin.some((f) => typeof f !== 'string'))) {
    out.push(causes.invalid('metadata.finalizers', fin, 'must be a list of strings'));
  }
  const owners = meta.ownerReferences as unknown;
  if (owners !== undefined && owners !== null) {
    if (!Array.isArray(owners)) out.push(causes.invalid('metadata.ownerReferences', owners, 'must be a list'));
    else {
      owners.forEach((o: unknown, i) => {
        const r = (o ?? {}) as Record<string, unknown>;
        for (const f of ['apiVersion', 'kind', 'name', 'uid']) {
          if (typeof r[f] !== 'string' || !r[f]) out.push(causes.required(`metadata.ownerReferences[${i}].${f}`, ''));
        }
      });
      if (owners.filter((o: { controller?: boolean }) => o?.controller === true).length > 1) {
        out.push(
          causes.invalid('metadata.ownerReferences', owners, 'Only one reference can have Controller set to true'),
        );
      }
    }
  }
  return out;
}
