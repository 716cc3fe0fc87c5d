/** Name and metadata validation with kube-apiserver's messages (apimachinery validation). */
import { causes, type StatusCause } from './status.js';
import type { ObjectMeta } from './types.js';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path';

/** path.ValidatePathSegmentName (RBAC objects: "system:basic-user" is a valid name). */
export function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

export function nameErrors(name: string, rule: NameRule, field = 'metadata.name'): StatusCause[] {
  const out: StatusCause[] = [];
  if (rule === 'path') {
    for (const msg of pathSegmentErrors(name)) out.push(causes.invalid(field, name, msg));
  } else if (rule === 'subdomain') {
    if (name.length > 253) out.push(causes.invalid(field, name, 'must be no more than 253 characters'));
    if (!DNS1123_SUBDOMAIN.test(name)) {
      out.push(
        causes.invalid(
          field,
          name,
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        ),
      );
    }
  } else if (rule === 'label') {
    if (name.length > 63) out.push(causes.invalid(field, name, 'must be no more than 63 characters'));
    if (!DNS1123_LABEL.test(name)) {
      out.push(
        causes.invalid(
          field,
          name,
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        ),
      );
    }
  } else {
    if (name.length > 63) out.push(causes.invalid(field, name, 'must be no more than 63 characters'));
    if (!DNS1035_LABEL.test(name)) {
      out.push(
        causes.invalid(
          field,
          name,
          "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
        ),
      );
    }
  }
  return out;
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function keyErrors(key: string, field: string): StatusCause[] {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const out: StatusCause[] = [];
  if (slash >= 0 && (!prefix || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) {
    out.push(
      causes.invalid(
        field,
        key,
        "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ),
    );
  }
  if (!name || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    out.push(
      causes.invalid(
        field,
        key,
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ),
    );
  }
  return out;
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
        else if (v.length > 63 || !LABEL_VALUE.test(v)) {
          out.push(
            causes.invalid(
              'metadata.labels',
              v,
              "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
            ),
          );
        }
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
