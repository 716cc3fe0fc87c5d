/**
 * Bound service account tokens as kube-apiserver issues them for TokenRequest
 * (pkg/serviceaccount/claims.go): an RS256 JWT from issuer https://kubernetes.default.svc.cluster.local
 * naming `system:serviceaccount:<ns>:<name>` with the account's uid, the audiences, and an optional
 * bound object. The authenticator accepts it while it has not expired, one of its audiences is the
 * API server's, and the service account (and bound object) still exist with the same uids.
 * One key pair per store: a restart invalidates the tokens.
 */
import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Store } from '../store/index.js';

export const SA_TOKEN_ISSUER = 'https://kubernetes.default.svc.cluster.local';
export const API_AUDIENCES = [SA_TOKEN_ISSUER];
const LEEWAY_S = 60;
const MAX_TOKEN_CHARS = 16 * 1024;

export interface BoundRef {
  kind: string;
  name: string;
  uid: string;
}

interface Claims {
  aud: string[];
  exp: number;
  iat: number;
  nbf: number;
  iss: string;
  sub: string;
  'kubernetes.io': {
    namespace: string;
    serviceaccount: { name: string; uid: string };
    pod?: { name: string; uid: string };
    secret?: { name: string; uid: string };
  };
}

const keys = new WeakMap<object, { privateKey: KeyObject; publicKey: KeyObject }>();
function keyPairOf(owner: object) {
  let pair = keys.get(owner);
  if (!pair) {
    pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keys.set(owner, pair);
  }
  return pair;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function issueServiceAccountToken(
  store: Store,
  sa: { namespace: string; name: string; uid: string },
  opts: { audiences: string[]; expirationSeconds: number; bound?: BoundRef; nowMs?: number },
): { token: string; expiresAtS: number } {
  const iat = Math.floor((opts.nowMs ?? Date.now()) / 1000);
  const exp = iat + opts.expirationSeconds;
  const k8s: Claims['kubernetes.io'] = {
    namespace: sa.namespace,
    serviceaccount: { name: sa.name, uid: sa.uid },
  };
  if (opts.bound?.kind === 'Pod') k8s.pod = { name: opts.bound.name, uid: opts.bound.uid };
  if (opts.bound?.kind === 'Secret') k8s.secret = { name: opts.bound.name, uid: opts.bound.uid };
  const claims: Claims = {
    aud: opts.audiences,
    exp,
    iat,
    nbf: iat,
    iss: SA_TOKEN_ISSUER,
    sub: `system:serviceaccount:${sa.namespace}:${sa.name}`,
    'kubernetes.io': k8s,
  };
  const signed = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}`;
  const signature = sign('sha256', Buffer.from(signed), keyPairOf(store).privateKey).toString('base64url');
  return { token: `${signed}.${signature}`, expiresAtS: exp };
}

function parseClaims(store: Store, token: string): Claims | undefined {
  if (token.length > MAX_TOKEN_CHARS) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const ok = verify(
    'sha256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    keyPairOf(store).publicKey,
    Buffer.from(parts[2], 'base64url'),
  );
  if (!ok) return undefined;
  try {
    const c = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Claims;
    return c && typeof c === 'object' && c.iss === SA_TOKEN_ISSUER ? c : undefined;
  } catch {
    return undefined;
  }
}

const uidOf = (store: Store, res: string, ns: string, name: string) => store.tryGet(res, ns, name)?.metadata.uid;

/**
 * The user a service account token stands for, or undefined when it is not one of this store's
 * tokens; null when it is one but no longer valid (expired, wrong audience, account or bound object gone).
 */
export function authenticateServiceAccountToken(
  store: Store,
  token: string,
  nowMs = Date.now(),
): { name: string; groups: string[] } | undefined | null {
  const c = parseClaims(store, token);
  if (!c) return undefined;
  const now = Math.floor(nowMs / 1000);
  if (now > c.exp + LEEWAY_S || now + LEEWAY_S < c.nbf) return null;
  if (!Array.isArray(c.aud) || !c.aud.some((a) => API_AUDIENCES.includes(a))) return null;
  const k = c['kubernetes.io'];
  const ns = k?.namespace;
  const sa = k?.serviceaccount;
  if (!ns || !sa?.name || uidOf(store, 'serviceaccounts', ns, sa.name) !== sa.uid) return null;
  if (k.pod && uidOf(store, 'pods', ns, k.pod.name) !== k.pod.uid) return null;
  if (k.secret && uidOf(store, 'secrets', ns, k.secret.name) !== k.secret.uid) return null;
  return {
    name: `system:serviceaccount:${ns}:${sa.name}`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
  };
}
