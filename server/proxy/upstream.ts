import type { IncomingHttpHeaders } from 'node:http';

/** How to reach an https upstream: its CA, the client certificate, the server name to verify. */
export interface UpstreamTls {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  rejectUnauthorized: boolean;
  servername?: string;
}

/**
 * Where the proxy sends Kubernetes API requests, and with which credentials.
 * The proxy never knows whether the cluster is embedded or remote: both are an Upstream.
 */
export interface Upstream {
  /** Base URL of the API server, e.g. http://127.0.0.1:41234 or https://api.example:6443 */
  readonly url: URL;
  /** TLS settings for https upstreams (CA, client certificates, verification). */
  readonly tls?: UpstreamTls;
  /** One line for the start banner; never contains a secret. */
  readonly description: string;
  /**
   * Credentials for one request, derived from the incoming request's headers (the user's own token
   * behind an OAuth proxy) or from the server's configuration (kubeconfig). Returns the headers to
   * add, or null when the request must be refused with 401.
   */
  credentials(incoming: IncomingHttpHeaders): Record<string, string> | null;
  /** True when every request needs the user's own token (behind an OAuth proxy). */
  readonly requiresUserToken?: boolean;
}

/** The user's token as an OAuth proxy forwards it, or as a client sent it. */
export function forwardedToken(incoming: IncomingHttpHeaders): string | undefined {
  const forwarded = incoming['x-forwarded-access-token'];
  if (typeof forwarded === 'string' && forwarded.trim() !== '') return forwarded.trim();
  const auth = incoming.authorization;
  if (typeof auth === 'string' && /^bearer\s+\S+/i.test(auth)) return auth.replace(/^bearer\s+/i, '').trim();
  return undefined;
}

/**
 * An upstream that passes the user's own token through when there is one, and otherwise sends
 * no credentials (the embedded cluster without a users file treats that as its local admin).
 */
export function passThroughUpstream(url: string, description: string): Upstream {
  return {
    url: new URL(url),
    description,
    credentials(incoming) {
      const token = forwardedToken(incoming);
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      return headers;
    },
  };
}
