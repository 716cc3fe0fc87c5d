import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { forwardedToken, type Upstream } from './upstream.js';

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export class InClusterError extends Error {}

export interface InClusterOptions {
  /** Act with the pod's service account instead of each user's own token. */
  serviceAccount: boolean;
  /** Folder with token and ca.crt (the pod's mounted service account). */
  accountDir?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The API server of the cluster the console runs in. By default every request carries the user's
 * own token (from the OAuth proxy in front of the console) and a request without one is refused,
 * so each user acts with their own RBAC. With `serviceAccount`, the pod's token is used instead;
 * it is read on every request (it is rotated) and never sent to the browser.
 */
export function inClusterUpstream(opts: InClusterOptions): Upstream {
  const env = opts.env ?? process.env;
  const dir = opts.accountDir ?? SERVICE_ACCOUNT_DIR;
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT ?? '443';
  if (!host) throw new InClusterError('not running in a cluster: KUBERNETES_SERVICE_HOST is not set');
  const caFile = path.join(dir, 'ca.crt');
  if (!existsSync(caFile)) throw new InClusterError(`no cluster CA at ${caFile}`);
  const tokenFile = path.join(dir, 'token');
  if (opts.serviceAccount && !existsSync(tokenFile))
    throw new InClusterError(`no service account token at ${tokenFile}`);
  const url = new URL(`https://${host.includes(':') ? `[${host}]` : host}:${port}`);
  return {
    url,
    tls: { ca: readFileSync(caFile), rejectUnauthorized: true },
    requiresUserToken: !opts.serviceAccount,
    description: opts.serviceAccount
      ? `in-cluster API ${url.origin} with the pod's SERVICE ACCOUNT: every user acts with its rights`
      : `in-cluster API ${url.origin} with each user's own token (from the OAuth proxy)`,
    credentials(incoming) {
      if (opts.serviceAccount) return { authorization: `Bearer ${readFileSync(tokenFile, 'utf8').trim()}` };
      const token = forwardedToken(incoming);
      return token ? { authorization: `Bearer ${token}` } : null;
    },
  };
}
