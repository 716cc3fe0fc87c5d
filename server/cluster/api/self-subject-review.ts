/**
 * SelfSubjectReview (authentication.k8s.io/v1): who the request's credentials are, as
 * kube-apiserver answers it (pkg/registry/authentication/selfsubjectreview/rest.go): 201 with the
 * status's userInfo, the body's metadata kept. `kubectl auth whoami` prints it.
 */
import { errors } from '../store/index.js';
import type { Ctx } from './context.js';
import { mediaType, parseBody, readBody, sendJson } from './http-util.js';

export async function selfSubjectReview(c: Ctx): Promise<void> {
  const raw = await readBody(c.req);
  const body = raw.length ? parseBody(raw, mediaType(c.req.headers['content-type']), true) : {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the body must be an object');
  const b = body as Record<string, unknown>;
  if (b.kind !== undefined && b.kind !== 'SelfSubjectReview')
    throw errors.badRequest(
      `the kind in the data (${String(b.kind)}) does not match the expected kind (SelfSubjectReview)`,
    );
  const meta = b.metadata && typeof b.metadata === 'object' ? (b.metadata as Record<string, unknown>) : {};
  sendJson(c.res, 201, {
    kind: 'SelfSubjectReview',
    apiVersion: `authentication.k8s.io/${c.ri.version}`,
    metadata: { ...meta, creationTimestamp: null },
    status: { userInfo: { username: c.user.name, groups: c.user.groups } },
  });
}
