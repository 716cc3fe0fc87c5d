/** Label and field selectors with kube-apiserver's syntax, semantics and error messages. */
import { isQualifiedName, isValidLabelValue } from '../apimachinery/validation.js';
import type { ResourceInfo } from './resources.js';
import { errors } from './status.js';
import type { KObject } from './types.js';

export type LabelRequirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'eq' | 'neq'; value: string };

export type LabelSelector = LabelRequirement[];

function checkKey(key: string): void {
  const errs = isQualifiedName(key);
  if (errs.length)
    throw errors.badRequest(`unable to parse requirement: key: Invalid value: "${key}": ${errs.join('; ')}`);
}

function checkValue(value: string): void {
  const errs = isValidLabelValue(value);
  if (errs.length) {
    throw errors.badRequest(
      `unable to parse requirement: values[0][value]: Invalid value: "${value}": ${errs.join('; ')}`,
    );
  }
}

/** Splits on commas that are not inside parentheses. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseLabelSelector(input: string | undefined): LabelSelector {
  if (!input || !input.trim()) return [];
  const reqs: LabelSelector = [];
  for (const raw of splitTop(input)) {
    const part = raw.trim();
    if (!part) throw errors.badRequest(`unable to parse requirement: found '', expected: identifier`);
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^!\s*([^\s!=(),]+)$/))) {
      checkKey(m[1]);
      reqs.push({ key: m[1], op: 'notexists' });
    } else if ((m = part.match(/^([^\s!=(),]+)\s+(in|notin)\s*\(([^()]*)\)$/))) {
      checkKey(m[1]);
      const values = m[3].split(',').map((v) => v.trim());
      values.forEach(checkValue);
      reqs.push({ key: m[1], op: m[2] as 'in' | 'notin', values });
    } else if ((m = part.match(/^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/))) {
      checkKey(m[1]);
      checkValue(m[3]);
      reqs.push({ key: m[1], op: m[2] === '!=' ? 'neq' : 'eq', value: m[3] });
    } else if ((m = part.match(/^([^\s!=(),]+)$/))) {
      checkKey(m[1]);
      reqs.push({ key: m[1], op: 'exists' });
    } else {
      throw errors.badRequest(`unable to parse requirement: found '${part}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }
  return reqs;
}

/** Converts a metav1.LabelSelector ({matchLabels, matchExpressions}) to requirements. */
export function labelSelectorFromObject(sel: {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}): LabelSelector {
  const reqs: LabelSelector = Object.entries(sel.matchLabels ?? {}).map(([key, value]) => ({
    key,
    op: 'eq' as const,
    value,
  }));
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator.toLowerCase();
    if (op === 'in' || op === 'notin') reqs.push({ key: e.key, op, values: e.values ?? [] });
    else if (op === 'exists') reqs.push({ key: e.key, op: 'exists' });
    else if (op === 'doesnotexist') reqs.push({ key: e.key, op: 'notexists' });
  }
  return reqs;
}

export function matchLabels(sel: LabelSelector, labels: Record<string, string> | null | undefined): boolean {
  for (const r of sel) {
    const has =
      labels !== undefined &&
      labels !== null &&
      typeof labels === 'object' &&
      Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = has ? labels![r.key] : undefined;
    switch (r.op) {
      case 'exists':
        if (!has) return false;
        break;
      case 'notexists':
        if (has) return false;
        break;
      case 'eq':
        if (v !== r.value) return false;
        break;
      case 'neq':
        if (v === r.value) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(v!)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(v!)) return false;
        break;
    }
  }
  return true;
}

export interface FieldRequirement {
  field: string;
  op: 'eq' | 'neq';
  value: string;
}
export type FieldSelector = FieldRequirement[];

function unescapeField(v: string): string {
  return v.replace(/\\(.)/g, '$1');
}

/**
 * Kinds for which kube-apiserver registers a field label conversion of their own (besides those with
 * extra field selectors here): an unknown field is "field label not supported" for them, as for
 * custom resources; the others fall back to DefaultMetaV1FieldSelectorConversion's message.
 */
const FIELD_LABEL_CONVERSION_KINDS = new Set(['Service', 'ReplicationController', 'Job', 'CertificateSigningRequest']);

/** The wording kube-apiserver uses for an unsupported field label of this resource. */
export function unsupportedFieldLabel(
  info: Pick<ResourceInfo, 'custom' | 'kind' | 'fieldSelectors'>,
): (f: string) => string {
  return info.custom || info.fieldSelectors?.length || FIELD_LABEL_CONVERSION_KINDS.has(info.kind)
    ? (f) => `field label not supported: ${f}`
    : (f) => `${JSON.stringify(f)} is not a known field selector: only "metadata.name", "metadata.namespace"`;
}

/** Parses a field selector; `allowed` lists the fields this resource supports beyond metadata.name/namespace. */
export function parseFieldSelector(
  input: string | undefined,
  allowed: string[] = [],
  unsupported: (field: string) => string = (f) => `field label not supported: ${f}`,
): FieldSelector {
  if (!input || !input.trim()) return [];
  const parts = input.split(/(?<!\\),/);
  const out: FieldSelector = [];
  for (const p of parts) {
    const m = p.match(/^\s*([^=!\s]+)\s*(==|=|!=)(.*)$/);
    if (!m) throw errors.badRequest(`invalid selector: '${input}'; can't understand '${p}'`);
    const field = m[1];
    if (field !== 'metadata.name' && field !== 'metadata.namespace' && !allowed.includes(field)) {
      throw errors.badRequest(unsupported(field));
    }
    out.push({ field, op: m[2] === '!=' ? 'neq' : 'eq', value: unescapeField(m[3].trim()) });
  }
  return out;
}

function fieldValue(obj: KObject, field: string): string {
  if (field === 'source') field = 'source.component';
  let cur: unknown = obj;
  for (const part of field.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return '';
  return String(cur);
}

export function matchFields(sel: FieldSelector, obj: KObject): boolean {
  for (const r of sel) {
    const v = fieldValue(obj, r.field);
    if (r.op === 'eq' ? v !== r.value : v === r.value) return false;
  }
  return true;
}

/** A compiled filter for list and watch. */
export interface Filter {
  namespace?: string;
  labels: LabelSelector;
  fields: FieldSelector;
}

/** The filter of a list or watch request: its namespace (namespaced resources only) and selectors. */
export function compileFilter(
  info: ResourceInfo,
  o: { namespace?: string; labelSelector?: string; fieldSelector?: string },
): Filter {
  return {
    namespace: info.namespaced && o.namespace ? o.namespace : undefined,
    labels: parseLabelSelector(o.labelSelector),
    fields: parseFieldSelector(o.fieldSelector, info.fieldSelectors, unsupportedFieldLabel(info)),
  };
}

export function matches(f: Filter, obj: KObject): boolean {
  if (f.namespace !== undefined && obj.metadata.namespace !== f.namespace) return false;
  if (f.labels.length && !matchLabels(f.labels, obj.metadata.labels)) return false;
  if (f.fields.length && !matchFields(f.fields, obj)) return false;
  return true;
}
