/**
 * serviceaccounts/{name}/token (authentication.k8s.io/v1 TokenRequest), as kube-apiserver's
 * pkg/registry/core/serviceaccount/storage/token.go answers it: the body's name/namespace must match
 * the URL, expirationSeconds defaults to an hour and is at least ten minutes and at most 2^32
 * seconds, audiences default to the API server's, and a bound Pod or Secret must exist (with the
 * given uid). The token then authenticates as system:serviceaccount:<ns>:<name> (auth/sa-token.ts).
 */
import type { ClusterApi, SubresourceContext, SubresourceResponse } from '../api/subresources.js';
import { API_AUDIENCES, issueServiceAccountToken, type BoundRef } from '../auth/sa-token.js';
import { causes, errors, type StatusCause } from '../store/index.js';

const KIND = 'TokenRequest';
const GROUP = 'authentication.k8s.io';
const DEFAULT_EXPIRATION_S = 3600;
const MIN_EXPIRATION_S = 600;
const MAX_EXPIRATION_S = 2 ** 32;

interface TokenRequestBody {
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown } & Record<string, unknown>;
  spec?: {
    audiences?: unknown;
    expirationSeconds?: unknown;
    boundObjectRef?: { kind?: unknown; apiVersion?: unknown; name?: unknown; uid?: unknown } | null;
  };
}

const rfc3339 = (s: number) => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function boundRef(
  c: SubresourceContext,
  ns: string,
  spec: NonNullable<TokenRequestBody['spec']>,
): BoundRef | undefined {
  const ref = spec.boundObjectRef;
  if (!ref) return undefined;
  const apiVersion = typeof ref.apiVersion === 'string' ? ref.apiVersion : '';
  const kind = typeof ref.kind === 'string' ? ref.kind : '';
  const name = typeof ref.name === 'string' ? ref.name : '';
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const res = group === '' && kind === 'Pod' ? 'pods' : group === '' && kind === 'Secret' ? 'secrets' : undefined;
  if (!res) {
    const gvk = `${group}/${apiVersion.includes('/') ? apiVersion.split('/')[1] : apiVersion}, Kind=${kind}`;
    throw errors.badRequest(`cannot bind token for serviceaccount ${JSON.stringify(c.name)} to object of type ${gvk}`);
  }
  const obj = c.store.tryGet(res, ns, name);
  if (!obj) throw errors.notFound('', res, name);
  const uid = obj.metadata.uid ?? '';
  if (typeof ref.uid === 'string' && ref.uid !== '' && ref.uid !== uid)
    throw errors.conflict(
      '',
      kind,
      name,
      `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`,
    );
  return { kind, name, uid };
}

function createToken(c: SubresourceContext): SubresourceResponse {
  if (c.method !== 'POST') throw errors.methodNotAllowed();
  const ns = c.namespace ?? '';
  const body = (c.body ?? {}) as TokenRequestBody;
  if (typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the body must be an object');
  if (body.kind !== undefined && body.kind !== KIND)
    throw errors.badRequest(`the kind in the data (${String(body.kind)}) does not match the expected kind (${KIND})`);
  const meta = body.metadata && typeof body.metadata === 'object' ? body.metadata : {};
  const spec = body.spec && typeof body.spec === 'object' ? body.spec : {};
  const bad: StatusCause[] = [];
  if (typeof meta.name === 'string' && meta.name !== '' && meta.name !== c.name)
    bad.push(causes.invalid('metadata.name', meta.name, 'must match the service account name if specified'));
  if (typeof meta.namespace === 'string' && meta.namespace !== '' && meta.namespace !== ns)
    bad.push(
      causes.invalid('metadata.namespace', meta.namespace, 'must match the service account namespace if specified'),
    );
  if (bad.length) throw errors.invalid(GROUP, KIND, c.name, bad);
  const sa = c.store.tryGet('serviceaccounts', ns, c.name);
  if (!sa) throw errors.notFound('', 'serviceaccounts', c.name);
  const exp = spec.expirationSeconds ?? DEFAULT_EXPIRATION_S;
  if (typeof exp !== 'number' || !Number.isInteger(exp))
    throw errors.invalid(GROUP, KIND, c.name, [causes.invalid('spec.expirationSeconds', exp, 'must be an integer')]);
  if (exp < MIN_EXPIRATION_S)
    bad.push(causes.invalid('spec.expirationSeconds', exp, 'may not specify a duration less than 10 minutes'));
  if (exp > MAX_EXPIRATION_S)
    bad.push(causes.invalid('spec.expirationSeconds', exp, 'may not specify a duration larger than 2^32 seconds'));
  const auds = spec.audiences ?? [];
  if (!Array.isArray(auds) || auds.some((a) => typeof a !== 'string'))
    bad.push(causes.invalid('spec.audiences', auds, 'must be a list of strings'));
  if (bad.length) throw errors.invalid(GROUP, KIND, c.name, bad);
  const audiences = (auds as string[]).length ? (auds as string[]) : API_AUDIENCES;
  const bound = boundRef(c, ns, spec);
  const dryRun = c.query.getAll('dryRun').includes('All');
  const issued = issueServiceAccountToken(
    c.store,
    { namespace: ns, name: c.name, uid: sa.metadata.uid ?? '' },
    { audiences, expirationSeconds: exp, bound },
  );
  return {
    status: 201,
    body: {
      kind: KIND,
      apiVersion: `${GROUP}/v1`,
      metadata: { ...meta, name: c.name, namespace: ns, creationTimestamp: null },
      spec: { ...spec, audiences, expirationSeconds: exp },
      status: { token: dryRun ? '' : issued.token, expirationTimestamp: rfc3339(issued.expiresAtS) },
    },
  };
}

export function registerServiceAccountToken(api: ClusterApi): void {
  api.addSubresource({
    group: '',
    versions: ['v1'],
    resource: 'serviceaccounts',
    subresource: 'token',
    namespaced: true,
    kind: KIND,
    kindGroupVersion: { group: GROUP, version: 'v1' },
    verbs: ['create'],
    handle: createToken,
  });
}
