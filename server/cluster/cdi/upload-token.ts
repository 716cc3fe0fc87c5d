/**
 * CDI's upload tokens (pkg/token): a JWT signed RS256 by cdi-apiserver's key, issuer
 * `cdi-apiserver`, five minutes of life, naming the operation (Upload), the PVC and its
 * resource; cdi-uploadproxy checks signature, issuer and expiry with 10 s of leeway. One key
 * pair per store (a restart issues new tokens; old ones die in minutes anyway).
 */
import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export const UPLOAD_TOKEN_ISSUER = 'cdi-apiserver';
export const UPLOAD_TOKEN_LIFETIME_S = 5 * 60;
const LEEWAY_S = 10;

export interface UploadTokenPayload {
  operation: 'Upload';
  name: string;
  namespace: string;
  resource: { group: string; version: string; resource: string };
}

interface Claims extends UploadTokenPayload {
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
}

interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const keys = new WeakMap<object, KeyPair>();

/** The signing key pair of one cluster (keyed by its store). */
function keyPairOf(owner: object): KeyPair {
  let pair = keys.get(owner);
  if (!pair) {
    pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keys.set(owner, pair);
  }
  return pair;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token for uploading into PVC namespace/name, valid from `nowMs` for five minutes. */
export function issueUploadToken(owner: object, namespace: string, name: string, nowMs = Date.now()): string {
  const iat = Math.floor(nowMs / 1000);
  const claims: Claims = {
    iss: UPLOAD_TOKEN_ISSUER,
    iat,
    nbf: iat,
    exp: iat + UPLOAD_TOKEN_LIFETIME_S,
    operation: 'Upload',
    name,
    namespace,
    resource: { group: '', version: 'v1', resource: 'persistentvolumeclaims' },
  };
  const signed = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}`;
  const signature = sign('sha256', Buffer.from(signed), keyPairOf(owner).privateKey).toString('base64url');
  return `${signed}.${signature}`;
}

/** The token's payload when its signature, issuer and times check out; otherwise undefined. */
export function validateUploadToken(owner: object, token: string, nowMs = Date.now()): UploadTokenPayload | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 16 * 1024) return undefined;
  const [header, body, signature] = parts;
  let claims: Partial<Claims>;
  try {
    const h = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string };
    if (h.alg !== 'RS256') return undefined;
    const ok = verify(
      'sha256',
      Buffer.from(`${header}.${body}`),
      keyPairOf(owner).publicKey,
      Buffer.from(signature, 'base64url'),
    );
    if (!ok) return undefined;
    claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Partial<Claims>;
  } catch {
    return undefined;
  }
  const now = nowMs / 1000;
  if (claims.iss !== UPLOAD_TOKEN_ISSUER) return undefined;
  if (typeof claims.exp !== 'number' || now > claims.exp + LEEWAY_S) return undefined;
  if (typeof claims.nbf === 'number' && now < claims.nbf - LEEWAY_S) return undefined;
  if (claims.operation !== 'Upload' || typeof claims.name !== 'string' || typeof claims.namespace !== 'string')
    return undefined;
  return {
    operation: 'Upload',
    name: claims.name,
    namespace: claims.namespace,
    resource: claims.resource ?? { group: '', version: '', resource: '' },
  };
}
