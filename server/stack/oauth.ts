/**
 * The login chain of the real-stack tier (issue 20 item 4, docs/real-stack.md): mockoidc, an
 * OpenID Connect provider, over HTTPS with a CA of its own made at start, whose ID tokens
 * kube-apiserver accepts (StackOptions.oidc); and oauth2-proxy in front of the console in its
 * `--in-cluster` mode, passing each logged-in user's ID token on as `Authorization: Bearer`, with
 * the flags of deploy/kubernetes/oauth2-proxy-sidecar.yaml. Both are built by `npm run stack:build`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { issueCert, makeCa } from './certs.js';
import { apiRequest } from './client.js';
import { startProc, stopProc, waitFor, type Proc } from './processes.js';

export interface OidcUser {
  email: string;
  groups?: string[];
}

export interface OidcProvider {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** The CA of the provider's serving certificate (kube-apiserver's --oidc-ca-file). */
  caFile: string;
  /** mockoidc logs in whoever is queued: POST `${adminUrl}/queue?email=` queues one of the users. */
  adminUrl: string;
  close(): Promise<void>;
}

export const OIDC_CLIENT_ID = 'kubevirt-console';

/** mockoidc's log line with its addresses (stack/oauth/mockoidc/main.go). */
const READY = /^issuer (https:\/\/\S+) admin (http:\/\/\S+)$/m;

export async function startOidcProvider(opts: {
  bin: string;
  dir: string;
  users: OidcUser[];
  timeoutMs?: number;
}): Promise<OidcProvider> {
  const dir = path.join(opts.dir, 'oidc');
  mkdirSync(dir, { recursive: true });
  makeCa(dir, 'oidc-ca', 'mockoidc-ca');
  issueCert(dir, 'oidc-ca', 'oidc', 'mockoidc', ['IP:127.0.0.1', 'DNS:localhost']);
  const users = opts.users.map((u) => ({
    Subject: u.email,
    Email: u.email,
    EmailVerified: true,
    PreferredUsername: u.email.split('@')[0],
    Groups: u.groups ?? [],
  }));
  writeFileSync(path.join(dir, 'users.json'), JSON.stringify(users, null, 2));
  const clientSecret = randomBytes(24).toString('hex');
  const logFile = path.join(dir, 'mockoidc.log');
  const proc = startProc(
    'mockoidc',
    opts.bin,
    [
      `--tls-cert=${path.join(dir, 'oidc.crt')}`,
      `--tls-key=${path.join(dir, 'oidc.key')}`,
      `--client-id=${OIDC_CLIENT_ID}`,
      `--client-secret=${clientSecret}`,
      `--users=${path.join(dir, 'users.json')}`,
    ],
    logFile,
  );
  const close = () => stopProc(proc);
  try {
    const timeout = opts.timeoutMs ?? 60_000;
    let m: RegExpExecArray | null = null;
    await waitFor(
      'mockoidc prints its addresses',
      async () => Boolean((m = READY.exec(readLog(logFile)))),
      proc,
      timeout,
    );
    const [, issuerUrl, adminUrl] = m as unknown as RegExpExecArray;
    const caFile = path.join(dir, 'oidc-ca.crt');
    const ca = readFileSync(caFile, 'utf8');
    await waitFor(
      'mockoidc serves its discovery document',
      async () => (await apiRequest({ url: issuerUrl, token: '', ca }, 'GET', discoveryPath(issuerUrl))).status === 200,
      proc,
      timeout,
    );
    return { issuerUrl, clientId: OIDC_CLIENT_ID, clientSecret, caFile, adminUrl, close };
  } catch (e) {
    await close();
    throw e;
  }
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function discoveryPath(issuerUrl: string): string {
  return `${new URL(issuerUrl).pathname.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

export interface OauthProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * oauth2-proxy on loopback in front of `upstreamUrl`, logging users in with `provider`. Plain HTTP
 * (so cookies are not Secure) because the tests open it on 127.0.0.1; everything else as deployed.
 */
export async function startOauthProxy(opts: {
  bin: string;
  dir: string;
  port: number;
  upstreamUrl: string;
  provider: OidcProvider;
  timeoutMs?: number;
}): Promise<OauthProxy> {
  const url = `http://127.0.0.1:${opts.port}`;
  const proc: Proc = startProc(
    'oauth2-proxy',
    opts.bin,
    [
      `--http-address=127.0.0.1:${opts.port}`,
      `--upstream=${opts.upstreamUrl}`,
      '--provider=oidc',
      `--oidc-issuer-url=${opts.provider.issuerUrl}`,
      `--provider-ca-file=${opts.provider.caFile}`,
      `--client-id=${opts.provider.clientId}`,
      `--client-secret=${opts.provider.clientSecret}`,
      `--redirect-url=${url}/oauth2/callback`,
      '--scope=openid email profile groups',
      '--code-challenge-method=S256',
      '--email-domain=*',
      `--cookie-secret=${randomBytes(16).toString('hex')}`,
      '--cookie-secure=false',
      '--cookie-samesite=lax',
      // as deploy/kubernetes: a session (and any copy of its cookie) lasts 12 h, not 7 days, and
      // after a minute oauth2-proxy renews it with the provider's refresh token, or, without one,
      // checks the ID token again: a refresh the provider refuses ends the session
      '--cookie-expire=12h',
      '--cookie-refresh=1m',
      // as deploy/kubernetes/oauth2-proxy-sidecar.yaml: the ID token to the console, nothing to the browser
      '--pass-authorization-header=true',
      '--pass-access-token=false',
      '--skip-auth-route=^/(healthz|readyz)$',
    ],
    path.join(opts.dir, 'oauth2-proxy.log'),
  );
  try {
    await waitFor(
      'oauth2-proxy answers /ping',
      async () => (await fetch(`${url}/ping`)).ok,
      proc,
      opts.timeoutMs ?? 60_000,
    );
  } catch (e) {
    await stopProc(proc);
    throw e;
  }
  return { url, close: () => stopProc(proc) };
}
