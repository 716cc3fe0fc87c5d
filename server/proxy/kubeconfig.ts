import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Upstream } from './upstream.js';

interface NamedCluster {
  name: string;
  cluster: {
    server: string;
    'certificate-authority'?: string;
    'certificate-authority-data'?: string;
    'insecure-skip-tls-verify'?: boolean;
    'tls-server-name'?: string;
  };
}
interface NamedUser {
  name: string;
  user: {
    token?: string;
    tokenFile?: string;
    'client-certificate'?: string;
    'client-certificate-data'?: string;
    'client-key'?: string;
    'client-key-data'?: string;
    exec?: unknown;
  };
}
interface NamedContext {
  name: string;
  context: { cluster: string; user: string };
}
interface KubeConfig {
  clusters?: NamedCluster[];
  users?: NamedUser[];
  contexts?: NamedContext[];
  'current-context'?: string;
}

export class KubeconfigError extends Error {}

function readRef(dir: string, file: string | undefined, data: string | undefined): Buffer | undefined {
  if (data) return Buffer.from(data, 'base64');
  if (file) return readFileSync(path.resolve(dir, file));
  return undefined;
}

/**
 * An upstream from a kubeconfig file: the context's cluster, with its CA, and the user's bearer
 * token or client certificate. The browser never sees these credentials.
 */
export function kubeconfigUpstream(file: string, contextName?: string): Upstream {
  let config: KubeConfig;
  try {
    config = parse(readFileSync(file, 'utf8')) as KubeConfig;
  } catch (err) {
    throw new KubeconfigError(`cannot read kubeconfig ${file}: ${(err as Error).message}`);
  }
  const name = contextName ?? config['current-context'];
  const context = config.contexts?.find((c) => c.name === name);
  if (!context) throw new KubeconfigError(`kubeconfig ${file} has no context "${name ?? ''}"`);
  const cluster = config.clusters?.find((c) => c.name === context.context.cluster)?.cluster;
  if (!cluster) throw new KubeconfigError(`kubeconfig context "${name}" names a missing cluster`);
  const user = config.users?.find((u) => u.name === context.context.user)?.user ?? {};
  if (user.exec)
    throw new KubeconfigError(
      `kubeconfig user "${context.context.user}" uses an exec credential plugin, which is not supported yet`,
    );
  const dir = path.dirname(path.resolve(file));
  const token =
    user.token ?? (user.tokenFile ? readFileSync(path.resolve(dir, user.tokenFile), 'utf8').trim() : undefined);
  const url = new URL(cluster.server);
  const tls =
    url.protocol === 'https:'
      ? {
          ca: readRef(dir, cluster['certificate-authority'], cluster['certificate-authority-data']),
          cert: readRef(dir, user['client-certificate'], user['client-certificate-data']),
          key: readRef(dir, user['client-key'], user['client-key-data']),
          rejectUnauthorized: !cluster['insecure-skip-tls-verify'],
          servername: cluster['tls-server-name'],
        }
      : undefined;
  return {
    url,
    tls,
    description: `kubeconfig ${file}, context "${name}", server ${url.origin}`,
    credentials() {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      return headers;
    },
  };
}
