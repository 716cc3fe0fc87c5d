import { isIP } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Which Host headers the console answers, against DNS rebinding: a page on attacker.example whose
 * name is made to resolve to the console's address reaches the console with
 * `Host: attacker.example`. IP literals cannot be rebound (the browser's origin is the address
 * itself) and `localhost` is the loopback, so they are always accepted; other names only when
 * configured (`--allowed-hosts`, `--public-url`, a `--host` name).
 */
export interface HostPolicy {
  /** Host names (`console.example.com`), subdomain patterns (`*.apps.example.com`) or `*` (any). */
  allowedHosts: string[];
  /** Trust X-Forwarded-Host and X-Forwarded-Proto: a proxy in front sets them (and drops the client's). */
  trustForwardedHeaders: boolean;
  /** Origins besides the request's own that may open websockets (the public URL's, Vite's). */
  allowedOrigins: string[];
}

export const DEFAULT_HOST_POLICY: HostPolicy = { allowedHosts: [], trustForwardedHeaders: false, allowedOrigins: [] };

/** The host name of a Host header value (`name`, `name:port`, `[v6]:port`), lower case, or null if malformed. */
export function hostName(value: string): string | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]/\\@\s]+)(?::\d{1,5})?$/.exec(value.trim());
  if (!m) return null;
  return m[1].toLowerCase().replace(/\.$/, '');
}

function isIpLiteral(name: string): boolean {
  if (name.startsWith('[')) return isIP(name.slice(1, -1)) === 6;
  return isIP(name) === 4;
}

function matches(name: string, pattern: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  if (p === '*') return true;
  if (p.startsWith('*.')) return name.endsWith(p.slice(1)) && name.length > p.length - 1;
  return name === p;
}

export function nameAllowed(name: string, policy: HostPolicy): boolean {
  return name === 'localhost' || isIpLiteral(name) || policy.allowedHosts.some((p) => matches(name, p));
}

const first = (value: string | string[] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;

/** The host the browser addressed: the Host header, or X-Forwarded-Host when a trusted proxy sets it. */
function addressedHost(headers: IncomingHttpHeaders, policy: HostPolicy): string | undefined {
  return (policy.trustForwardedHeaders ? first(headers['x-forwarded-host']) : undefined) ?? headers.host;
}

/**
 * True when the request is addressed to a host the console is served under. A request without a
 * Host header (HTTP/1.0) is not a browser's. Behind a trusted proxy, X-Forwarded-Host is checked
 * as well as Host.
 */
export function hostAllowed(headers: IncomingHttpHeaders, policy: HostPolicy): boolean {
  const values = [headers.host];
  if (policy.trustForwardedHeaders) values.push(first(headers['x-forwarded-host']));
  return values.every((value) => {
    if (value === undefined) return true;
    const name = hostName(value);
    return name !== null && nameAllowed(name, policy);
  });
}

/**
 * True when a websocket's Origin is the console's own: the addressed host (with http or https),
 * or a configured origin. Clients without an Origin are not browsers. Client-sent X-Forwarded-*
 * headers are ignored unless a trusted proxy sets them.
 */
export function originAllowed(headers: IncomingHttpHeaders, policy: HostPolicy): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (policy.allowedOrigins.includes(origin)) return true;
  const host = addressedHost(headers, policy);
  if (!host) return false;
  const proto = policy.trustForwardedHeaders ? first(headers['x-forwarded-proto']) : undefined;
  const schemes = proto === 'http' || proto === 'https' ? [proto] : ['http', 'https'];
  return schemes.some((scheme) => origin === `${scheme}://${host}`);
}

/**
 * True when the request's target or Host is ambiguous: an absolute-form or `*` target (whose host
 * could differ from the Host that was checked) or more than one Host header (RFC 9112 section 3.2:
 * answer 400). Browsers send neither.
 */
export function ambiguousTarget(req: { url?: string; rawHeaders: string[] }): boolean {
  const hosts = req.rawHeaders.filter((value, i) => i % 2 === 0 && value.toLowerCase() === 'host').length;
  return !(req.url ?? '').startsWith('/') || hosts > 1;
}
