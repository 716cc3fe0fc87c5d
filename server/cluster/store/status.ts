/** The v1 Status object and the errors kube-apiserver sends, worded as it words them. */

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface V1Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: StatusCause[];
    retryAfterSeconds?: number;
  };
  code: number;
}

/** An error carrying the complete v1 Status to send back. Thrown by the store and the API layer. */
export class StatusError extends Error {
  readonly status: V1Status;
  constructor(status: V1Status) {
    super(status.message ?? status.reason ?? `HTTP ${status.code}`);
    this.name = 'StatusError';
    this.status = status;
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string | undefined {
    return this.status.reason;
  }
}

/**
 * A 404 that kube-apiserver answers as plain text ("404 page not found"), not as a Status: a path
 * under a group it does not serve, or under a CRD's group (apiextensions-apiserver's NotFound
 * handler). In process it is a NotFound StatusError like any other.
 */
export class PageNotFoundError extends StatusError {
  readonly text = '404 page not found';
  constructor() {
    super(failure(404, 'NotFound', 'the server could not find the requested resource', {}));
  }
}

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError;
}

export function failure(code: number, reason: string, message: string, details?: V1Status['details']): V1Status {
  const s: V1Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return s;
}

export function success(details?: V1Status['details']): V1Status {
  const s: V1Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (details) s.details = details;
  return s;
}

/** "virtualmachines.kubevirt.io" or "pods" for the core group. */
export function qualifiedResource(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

/** "VirtualMachine.kubevirt.io" or "Pod" for the core group. */
export function qualifiedKind(group: string, kind: string): string {
  return group ? `${kind}.${group}` : kind;
}

export const errors = {
  notFound(group: string, resource: string, name: string): StatusError {
    return new StatusError(
      failure(404, 'NotFound', `${qualifiedResource(group, resource)} "${name}" not found`, {
        name,
        group: group || undefined,
        kind: resource,
      }),
    );
  },
  alreadyExists(group: string, resource: string, name: string): StatusError {
    return new StatusError(
      failure(409, 'AlreadyExists', `${qualifiedResource(group, resource)} "${name}" already exists`, {
        name,
        group: group || undefined,
        kind: resource,
      }),
    );
  },
  conflict(
    group: string,
    resource: string,
    name: string,
    why = 'the object has been modified; please apply your changes to the latest version and try again',
  ): StatusError {
    return new StatusError(
      failure(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${qualifiedResource(group, resource)} "${name}": ${why}`,
        {
          name,
          group: group || undefined,
          kind: resource,
        },
      ),
    );
  },
  /** 422 Invalid with one cause per field error, message like kube's `field.ErrorList.ToAggregate()`. */
  invalid(group: string, kind: string, name: string, causes: StatusCause[]): StatusError {
    const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : (c.message ?? '')));
    const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
    return new StatusError(
      failure(422, 'Invalid', `${qualifiedKind(group, kind)} "${name}" is invalid: ${joined}`, {
        name,
        group: group || undefined,
        kind,
        causes,
      }),
    );
  },
  badRequest(message: string): StatusError {
    return new StatusError(failure(400, 'BadRequest', message));
  },
  forbidden(message: string, details?: V1Status['details']): StatusError {
    return new StatusError(failure(403, 'Forbidden', message, details));
  },
  gone(message: string): StatusError {
    return new StatusError(failure(410, 'Expired', message));
  },
  methodNotAllowed(): StatusError {
    return new StatusError(
      failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'),
    );
  },
  notFoundPath(): StatusError {
    return new StatusError(failure(404, 'NotFound', 'the server could not find the requested resource', {}));
  },

  unsupportedMediaType(contentType: string, accepted: string[]): StatusError {
    return new StatusError(
      failure(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
        {
          causes: [{ reason: 'UnexpectedServerResponse', message: contentType }],
        },
      ),
    );
  },
  notAcceptable(accepted: string[]): StatusError {
    return new StatusError(
      failure(406, 'NotAcceptable', `only the following media types are accepted: ${accepted.join(', ')}`),
    );
  },
  tooLarge(limit: number): StatusError {
    return new StatusError(failure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`));
  },
  internal(message: string): StatusError {
    return new StatusError(
      failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] }),
    );
  },
  timeout(message: string): StatusError {
    return new StatusError(failure(504, 'Timeout', message));
  },
};

/** Field error causes with kube's reasons (k8s.io/apimachinery/pkg/util/validation/field). */
export const causes = {
  required(field: string, detail = ''): StatusCause {
    return { reason: 'FieldValueRequired', message: detail ? `Required value: ${detail}` : 'Required value', field };
  },
  invalid(field: string, value: unknown, detail: string): StatusCause {
    return { reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(value)}: ${detail}`, field };
  },
  forbidden(field: string, detail: string): StatusCause {
    return { reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`, field };
  },
  notSupported(field: string, value: unknown, valid: string[]): StatusCause {
    return {
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${valid.map((v) => `"${v}"`).join(', ')}`,
      field,
    };
  },
  duplicate(field: string, value: unknown): StatusCause {
    return { reason: 'FieldValueDuplicate', message: `Duplicate value: ${JSON.stringify(value)}`, field };
  },
};
