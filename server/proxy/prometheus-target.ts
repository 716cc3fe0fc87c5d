/**
 * Where the console's /api/prometheus route sends queries, per mode (README, flags): an explicit
 * --prometheus-url; with the embedded cluster, its own Prometheus; in an OpenShift pod,
 * thanos-querier with the user's own token (as OpenShift's console does); otherwise none (503).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { SERVICE_ACCOUNT_DIR } from './in-cluster.js';
import { forwardedToken, type Upstream, type UpstreamTls } from './upstream.js';

export const THANOS_QUERIER = 'https://thanos-querier.openshift-monitoring.svc:9091';

/** A Prometheus-compatible endpoint and the credentials each request carries, or why there is none. */
export type PrometheusTarget =
  | {
      url: URL;
      tls?: UpstreamTls;
      description: string;
      /** Headers for one request (the user's token), or null: refuse with 401. */
      credentials(incoming: import('node:http').IncomingHttpHeaders): Record<string, string> | null;
    }
  | { unavailable: string };

export interface PrometheusTargetOptions {
  mode: 'embedded' | 'in-cluster' | 'kubeconfig';
  /** --prometheus-url */
  url?: URL;
  /** --prometheus-ca */
  caFile?: string;
  /** The embedded cluster's Prometheus. */
  embeddedUrl?: string;
  /** The Kubernetes API upstream (in a pod with --service-account, its token is used as for the API). */
  upstream?: Upstream;
  /** The pod's service account folder (its service-ca.crt on OpenShift). */
  accountDir?: string;
}

export const NO_PROMETHEUS =
  'no Prometheus is configured: start the console with --prometheus-url <url> (a Prometheus or Thanos query endpoint)';

export function prometheusTarget(opts: PrometheusTargetOptions): PrometheusTarget {
  const serviceCa = path.join(opts.accountDir ?? SERVICE_ACCOUNT_DIR, 'service-ca.crt');
  const onOpenShift = opts.mode === 'in-cluster' && existsSync(serviceCa);
  const url =
    opts.url ??
    (opts.mode === 'embedded' && opts.embeddedUrl
      ? new URL(opts.embeddedUrl)
      : onOpenShift
        ? new URL(THANOS_QUERIER)
        : undefined);
  if (!url) return { unavailable: NO_PROMETHEUS };
  const credentials = (incoming: import('node:http').IncomingHttpHeaders): Record<string, string> | null => {
    const token = forwardedToken(incoming);
    if (token) return { authorization: `Bearer ${token}` };
    // In a pod with --service-account, the pod's token (as for the API); behind an OAuth proxy the user's
    // own token is required. A kubeconfig's credentials are never sent to another endpoint.
    if (opts.mode === 'in-cluster')
      return opts.upstream?.requiresUserToken === false ? (opts.upstream.credentials(incoming) ?? null) : null;
    return {};
  };
  const description = `Prometheus at ${url.origin}${url.pathname.replace(/\/$/, '')}`;
  if (url.protocol !== 'https:') return { url, description, credentials };
  const extra: string[] = [];
  if (opts.caFile) extra.push(readFileSync(opts.caFile, 'utf8'));
  if (onOpenShift) extra.push(readFileSync(serviceCa, 'utf8'));
  return {
    url,
    tls: {
      ca: extra.length ? Buffer.from([...rootCertificates, ...extra].join('\n')) : undefined,
      rejectUnauthorized: true,
    },
    description,
    credentials,
  };
}
