/**
 * Status builders that reproduce kube-apiserver's wording: field errors as apimachinery's
 * field.Error prints them, errors.NewInvalid / NewBadRequest, and the way the API server wraps
 * a validating webhook's denial ("admission webhook %q denied the request: ...").
 */

import type { StatusCause, V1Status } from '../store/status.js';

export type { StatusCause, V1Status };

export type FieldErrorType = 'Invalid' | 'Required' | 'NotSupported' | 'Duplicate' | 'TooLong' | 'Forbidden';

/** One apimachinery field.Error. `value` is the bad value (omitted for Required/Forbidden). */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  value?: unknown;
  detail?: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Invalid: 'Invalid value',
  Required: 'Required value',
  NotSupported: 'Unsupported value',
  Duplicate: 'Duplicate value',
  TooLong: 'Too long',
  Forbidden: 'Forbidden',
};

const CAUSE_TYPE: Record<FieldErrorType, string> = {
  Invalid: 'FieldValueInvalid',
  Required: 'FieldValueRequired',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  TooLong: 'FieldValueTooLong',
  Forbidden: 'FieldValueForbidden',
};

/** Go's %v / %q of a bad value, as field.Error.ErrorBody prints it. */
function printValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** field.Error.ErrorBody(): the text without the field path. */
export function errorBody(e: FieldError): string {
  let s: string;
  if (e.type === 'Required' || e.type === 'Forbidden' || e.type === 'TooLong') s = TYPE_TEXT[e.type];
  else s = `${TYPE_TEXT[e.type]}: ${printValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** field.Error.Error(): "<field>: <body>". */
export function errorText(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

function baseStatus(code: number, reason: string | undefined, message: string): V1Status {
  const status: V1Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code };
  if (reason) status.reason = reason;
  return status;
}

/** errors.NewInvalid: 422 `<Kind>.<group> "<name>" is invalid: <errors>`. */
export function invalidStatus(group: string, kind: string, name: string, errs: FieldError[]): V1Status {
  const qualified = group ? `${kind}.${group}` : kind;
  const list = errs.map(errorText);
  const aggregate = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  const message =
    list.length === 0
      ? `${qualified} ${JSON.stringify(name)} is invalid`
      : `${qualified} ${JSON.stringify(name)} is invalid: ${aggregate}`;
  const status = baseStatus(422, 'Invalid', message);
  const details: NonNullable<V1Status['details']> = {};
  if (name) details.name = name;
  if (group) details.group = group;
  details.kind = kind;
  details.causes = errs.map((e) => ({ reason: CAUSE_TYPE[e.type], message: errorBody(e), field: e.field }));
  status.details = details;
  return status;
}

/** A plain Go error (not an API status): 500 without a reason (apierrors.ErrorToAPIStatus). */
export function internalStatus(message: string): V1Status {
  return baseStatus(500, undefined, message);
}

/** errors.NewBadRequest: 400 with reason BadRequest. */
export function badRequestStatus(message: string): V1Status {
  return baseStatus(400, 'BadRequest', message);
}

/** A webhook's own cause (metav1.StatusCause as KubeVirt and CDI build them). */
export interface WebhookCause {
  reason: string;
  message: string;
  field?: string;
}

/** KubeVirt's webhookutils.ToAdmissionResponse joins at most 10 messages with ", ". */
function kubevirtMessage(causes: WebhookCause[]): string {
  const shown = causes
    .slice(0, 10)
    .map((c) => c.message)
    .join(', ');
  const more = causes.length - 10;
  return more > 0 ? `${shown}, and ${more} more validation errors` : shown;
}

/** CDI's toRejectedAdmissionResponse prefixes every message with a space (so the text has two). */
function cdiMessage(causes: WebhookCause[]): string {
  return causes.map((c) => ` ${c.message}`).join('');
}

function withDenial(webhook: string, status: V1Status): V1Status {
  status.message = `admission webhook ${JSON.stringify(webhook)} denied the request: ${status.message ?? ''}`;
  return status;
}

/** A KubeVirt virt-api webhook denial: 422 Invalid with causes and no name/kind details. */
export function kubevirtDenied(webhook: string, causes: WebhookCause[]): V1Status {
  const status = baseStatus(422, 'Invalid', kubevirtMessage(causes));
  status.details = { causes: causes.map((c) => ({ ...c })) };
  return withDenial(webhook, status);
}

/** A CDI webhook denial: 422 with causes; CDI sets no reason. */
export function cdiDenied(webhook: string, causes: WebhookCause[]): V1Status {
  const status = baseStatus(422, undefined, cdiMessage(causes));
  status.details = { causes: causes.map((c) => ({ ...c })) };
  return withDenial(webhook, status);
}
