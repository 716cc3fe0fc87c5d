/**
 * A failed dry run or create, put on the Expose form: 409 AlreadyExists on the name (or on the
 * Route choice when the Route's name is taken), a 422's causes on the fields their paths name,
 * the rest on the form as a whole.
 */
import { isAlreadyExists, placeStatusCauses, type StatusLike } from '../../../components/form/status-causes';
import type { FieldErrors, FieldId } from './expose-form';

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
  if (isAlreadyExists(status)) {
    const text = `A ${kind === 'Service' ? 'service' : 'route'} named "${name}" already exists in namespace ${namespace}`;
    return { fields: kind === 'Service' ? { name: text } : { route: text } };
  }
  const { fields, leftover } = placeStatusCauses<FieldId>(status, (path) => fieldForCause(kind, path));
  const placed = Object.keys(fields).length > 0;
  const general = leftover.length ? leftover.join('; ') : placed ? undefined : status.message || 'The request failed';
  return { fields, general: general ? `${kind}: ${general}` : undefined };
}
