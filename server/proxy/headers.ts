import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/**
 * Request headers the API server needs from the browser; no other header is forwarded. What is
 * left out on purpose: every identity header (Authorization, Impersonate-*, X-Remote-*,
 * X-Forwarded-*: the upstream's identity is the configured one or the OAuth proxy's user token,
 * added by Upstream.credentials), the browser's cookies and CSRF header, and every header that
 * frames the request (Content-Length, Transfer-Encoding, Connection, Upgrade, Expect: the proxy
 * frames what it forwards itself).
 */
const FORWARDED_REQUEST = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'cache-control',
  'content-type',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-unmodified-since',
  'pragma',
  'user-agent',
]);

/**
 * Response headers passed back from the API server. The console's own headers (CSP, frame
 * options, CORS, cookies, referrer policy...) are never among them, so an upstream answer cannot
 * replace or add to them; neither can it redirect the browser (Location), open a login dialog
 * (WWW-Authenticate) or clear the console's storage (Clear-Site-Data).
 */
const FORWARDED_RESPONSE = new Set([
  'audit-id',
  'cache-control',
  'content-encoding',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'last-modified',
  'retry-after',
  'vary',
  'warning',
  'x-kubernetes-pf-flowschema-uid',
  'x-kubernetes-pf-prioritylevel-uid',
]);

/** The allow-listed request headers plus the upstream's credentials. */
export function forwardHeaders(
  incoming: IncomingHttpHeaders,
  credentials: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || !FORWARDED_REQUEST.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { ...out, ...credentials };
}

/** The allow-listed headers of an upstream answer. */
export function responseHeaders(upstream: Record<string, string | string[] | undefined>): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream)) {
    const key = name.toLowerCase();
    if (value !== undefined && FORWARDED_RESPONSE.has(key)) out[key] = value;
  }
  return out;
}

/** kube-apiserver reads a bearer token from this websocket subprotocol: never forwarded nor echoed. */
const BEARER_SUBPROTOCOL = 'base64url.bearer.authorization.k8s.io.';
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The websocket subprotocols a browser offers, without the ones that carry a token; null when the
 * header is not a list of distinct tokens (RFC 6455 4.1): such a handshake is refused with 400, as
 * ws's own server would refuse it, before any upstream connection is made.
 */
export function offeredSubprotocols(header: string | undefined): string[] | null {
  if (header === undefined) return [];
  const offered = header.split(',').map((p) => p.trim());
  if (offered.some((p) => !TOKEN.test(p)) || new Set(offered).size !== offered.length) return null;
  return offered.filter((p) => !p.toLowerCase().startsWith(BEARER_SUBPROTOCOL));
}
