/**
 * Where the console's upload route finds CDI's upload proxy, per mode (README, flags):
 * an explicit --cdi-uploadproxy-url; in a cluster, CDI's service; with the embedded cluster, its
 * own upload proxy. With a kubeconfig there is no default: the API server's service proxy cannot
 * carry CDI's token (kube-apiserver drops the Authorization header once it has authenticated a
 * request), so uploads answer 503 until the flag names a reachable upload proxy.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { SERVICE_ACCOUNT_DIR } from './in-cluster.js';
import type { UploadProxyTarget } from './upload-route.js';

export const IN_CLUSTER_UPLOAD_PROXY = 'https://cdi-uploadproxy.cdi.svc';

export interface UploadTargetOptions {
  mode: 'embedded' | 'in-cluster' | 'kubeconfig';
  /** --cdi-uploadproxy-url */
  url?: URL;
  /** --cdi-uploadproxy-ca */
  caFile?: string;
  /** The embedded cluster's upload proxy. */
  embeddedUrl?: string;
  /** The pod's service account folder (its service-ca.crt on OpenShift). */
  accountDir?: string;
}

export function uploadProxyTarget(opts: UploadTargetOptions): UploadProxyTarget {
  const url =
    opts.url ??
    (opts.mode === 'in-cluster'
      ? new URL(IN_CLUSTER_UPLOAD_PROXY)
      : opts.mode === 'embedded' && opts.embeddedUrl
        ? new URL(opts.embeddedUrl)
        : undefined);
  if (!url) {
    return {
      unavailable:
        'no CDI upload proxy is configured for this cluster: start the console with --cdi-uploadproxy-url ' +
        '(for example after `kubectl -n cdi port-forward service/cdi-uploadproxy 8443:443`)',
    };
  }
  if (url.protocol !== 'https:') return { url, description: `CDI upload proxy at ${url.origin}` };
  const extra: string[] = [];
  if (opts.caFile) extra.push(readFileSync(opts.caFile, 'utf8'));
  const serviceCa = path.join(opts.accountDir ?? SERVICE_ACCOUNT_DIR, 'service-ca.crt');
  if (opts.mode === 'in-cluster' && existsSync(serviceCa)) extra.push(readFileSync(serviceCa, 'utf8'));
  return {
    url,
    tls: {
      ca: extra.length ? Buffer.from([...rootCertificates, ...extra].join('\n')) : undefined,
      rejectUnauthorized: true,
    },
    description: `CDI upload proxy at ${url.origin}`,
  };
}
