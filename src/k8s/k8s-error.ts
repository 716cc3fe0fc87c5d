import type { Status } from './types';

/** The reason Kubernetes gives for each HTTP status code (k8s.io/apimachinery StatusReason). */
const REASON_BY_CODE: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** A failed Kubernetes API call, carrying the server's v1 Status. */
export class K8sError extends Error {
  readonly status: Status;

  constructor(status: Status) {
    super(status.message || status.reason || `Request failed with status ${status.code ?? 'unknown'}`);
    this.name = 'K8sError';
    this.status = status;
  }

  /** HTTP status code; 0 when the request never got an answer. */
  get code(): number {
    return this.status.code ?? 0;
  }

  get reason(): string {
    return this.status.reason ?? '';
  }

  get causes(): StatusCause[] {
    return this.status.details?.causes ?? [];
  }
}

export const isK8sError = (e: unknown): e is K8sError => e instanceof K8sError;

const isStatus = (v: unknown): v is Status =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'Status';

/**
 * Builds the error for a non-2xx answer: the server's Status when the body is one, else a Status
 * made from the HTTP code and the body's text (a proxy or gateway error page, for example).
 */
export function errorFromResponse(code: number, statusText: string, body: string): K8sError {
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    parsed = undefined;
  }
  if (isStatus(parsed)) {
    return new K8sError({ ...parsed, code: parsed.code ?? code });
  }
  const text = body.trim().slice(0, 500);
  return new K8sError({
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    code,
    reason: REASON_BY_CODE[code] ?? (code >= 500 ? 'InternalError' : 'BadRequest'),
    message: text || `${code} ${statusText}`.trim(),
  });
}

/** The error for a request that never got an HTTP answer (server down, network gone). */
export function networkError(cause: unknown): K8sError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const err = new K8sError({
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    code: 0,
    reason: 'NetworkError',
    message: `Cannot reach the console's server: ${detail}`,
  });
  return err;
}

/** Whether retrying the same request may succeed (network, throttling, server errors). */
export function isRetriable(e: unknown): boolean {
  if (!isK8sError(e)) return false;
  return e.code === 0 || e.code === 429 || e.code >= 500;
}
