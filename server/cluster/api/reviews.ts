/** SelfSubjectAccessReview and SelfSubjectRulesReview, answered from the authorize hook. */
import { errors, type AuthHooks } from '../store/index.js';
import type { Ctx } from './context.js';
import { mediaType, parseBody, readBody, sendJson } from './http-util.js';

type R = Record<string, unknown>;

async function readReview(c: Ctx, kind: string): Promise<R> {
  const body = parseBody(await readBody(c.req), mediaType(c.req.headers['content-type']), true);
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw errors.badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
  const b = body as R;
  if (b.kind !== kind)
    throw errors.badRequest(`the kind in the data (${String(b.kind)}) does not match the expected kind (${kind})`);
  return b;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function selfSubjectAccessReview(c: Ctx, auth: AuthHooks): Promise<void> {
  const b = await readReview(c, 'SelfSubjectAccessReview');
  const spec = (b.spec ?? {}) as R;
  const ra = spec.resourceAttributes as R | undefined;
  const nra = spec.nonResourceAttributes as R | undefined;
  if (!ra && !nra) {
    throw errors.invalid('authorization.k8s.io', 'SelfSubjectAccessReview', '', [
      {
        reason: 'FieldValueRequired',
        message: 'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified',
        field: 'spec.resourceAttributes',
      },
    ]);
  }
  let status: { allowed: boolean; reason?: string; denied?: boolean };
  if (ra) {
    const d = auth.authorize(c.user, {
      verb: str(ra.verb),
      group: str(ra.group),
      resource: str(ra.resource),
      subresource: str(ra.subresource) || undefined,
      namespace: str(ra.namespace) || undefined,
      name: str(ra.name) || undefined,
    });
    status = d.reason ? { allowed: d.allowed, reason: d.reason } : { allowed: d.allowed };
  } else {
    status = { allowed: true };
  }
  sendJson(c.res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status,
  });
}

/**
 * kube-apiserver's SelfSubjectRulesReview (pkg/registry/authorization/selfsubjectrulesreview):
 * spec.namespace is required; the status is the authorizer's RulesFor the user in it.
 */
export async function selfSubjectRulesReview(c: Ctx, auth: AuthHooks): Promise<void> {
  const b = await readReview(c, 'SelfSubjectRulesReview');
  const spec = (b.spec ?? {}) as R;
  const ns = str(spec.namespace);
  if (!ns) throw errors.badRequest('no namespace on request');
  const rules = auth.rulesFor(c.user, ns);
  const status: R = {
    resourceRules: rules.resourceRules,
    nonResourceRules: rules.nonResourceRules,
    incomplete: rules.incomplete,
  };
  if (rules.evaluationError) status.evaluationError = rules.evaluationError;
  sendJson(c.res, 201, {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status,
  });
}
