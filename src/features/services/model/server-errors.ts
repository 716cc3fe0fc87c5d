/**
 * A failed dry run or create, put on the Expose form: 409 AlreadyExists on the name (or on the
 * Route choice when the Route's name is taken), a 422's causes on the fields their paths name,
 * the rest on the form as a whole.
 */
import type { FieldErrors, FieldId } from './expose-form';

export interface StatusLike {
  code?: number;
  reason?: string;
  message?: string;
  details?: { kind?: string; causes?: Array<{ field?: string; message?: string; reason?: string }> };
}

export type ExposedKind = 'Service' | 'Route';

const SERVICE_FIELDS: Array<[RegExp, FieldId]> = [
  [/^metadata\.name\b/, 'name'],
  [/^spec\.ports\[\d+\]\.port\b/, 'port'],
  [/^spec\.ports\[\d+\]\.targetPort\b/, 'targetPort'],
  [/^spec\.ports\[\d+\]\.name\b/, 'portName'],
  [/^spec\.ports\[\d+\]\.protocol\b/, 'protocol'],
  [/^spec\.ports\[\d+\]\.nodePort\b/, 'type'],
  [/^spec\.(type|externalTrafficPolicy|loadBalancer)/, 'type'],
  [/^spec\.selector\b/, 'selectorLabel'],
];

/** The field a cause's path points at, for the kind whose request failed. */
export function fieldForCause(kind: ExposedKind, path: string | undefined): FieldId | undefined {
  if (!path) return undefined;
  if (kind === 'Route') return 'route';
  return SERVICE_FIELDS.find(([re]) => re.test(path))?.[1];
}

export interface MappedError {
  fields: FieldErrors;
  /** What fits no field. */
  general?: string;
}

export function mapServerError(kind: ExposedKind, status: StatusLike, name: string, namespace: string): MappedError {
  if (status.code === 409 && status.reason === 'AlreadyExists') {
    const text = `A ${kind === 'Service' ? 'service' : 'route'} named "${name}" already exists in namespace ${namespace}`;
    return { fields: kind === 'Service' ? { name: text } : { route: text } };
  }
  const fields: FieldErrors = {};
  const leftover: string[] = [];
  for (const c of status.details?.causes ?? []) {
    const text = c.message || `${c.field ?? 'value'} is invalid`;
    const field = fieldForCause(kind, c.field);
    if (field) fields[field] = fields[field] ? `${fields[field]}; ${text}` : text;
    else leftover.push(c.field ? `${c.field}: ${text}` : text);
  }
  const placed = Object.keys(fields).length > 0;
  const general = leftover.length ? leftover.join('; ') : placed ? undefined : status.message || 'The request failed';
  return { fields, general: general ? `${kind}: ${general}` : undefined };
}
