/**
 * The embedded cluster's port serves API clients (kubectl, client libraries, the console's server-side
 * proxy), never web pages. Without a users file it asks for no credentials, so a page in the user's
 * browser that finds the port must not be able to use it:
 *
 * - a request a browser sends on a page's behalf carries `Origin` (every cross-origin request, every
 *   POST/PUT/PATCH/DELETE, every websocket) or `Sec-Fetch-Site` (every request of current browsers);
 *   those are refused, except `Sec-Fetch-Site: same-origin` (a page served by this port, which serves
 *   none), `none` (the user typed the URL) and an `Origin` that is this port's own (no page has it);
 * - DNS rebinding (a page whose own name the attacker points at 127.0.0.1) sends its own name as
 *   `Host`: only loopback names, IP addresses and the names the cluster was told to serve are accepted.
 *
 * kubectl and client-node send neither header; the console's proxy forwards neither the browser's
 * `Origin` nor its `Host` (it sends the cluster's address, and on websockets the cluster's own origin).
 */
import { isIP } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';
import { errors, type V1Status } from '../store/index.js';

/** The host name of a Host header (no port, no IPv6 brackets, lower case); undefined when malformed. */
export function hostName(host: string): string | undefined {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+))(?::\d{1,5})?$/.exec(host.trim());
  if (!m) return undefined;
  return (m[1] ?? m[2]).toLowerCase().replace(/\.$/, '');
}

export function isLoopbackOrAddress(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0;
}

const SAME_ORIGIN_OR_USER = new Set(['same-origin', 'none']);

/**
 * A 400 Status for an absolute-form or `*` request target (its host is not the Host that was
 * checked) or more than one Host header (RFC 9112 section 3.2); undefined otherwise.
 */
export function targetRefusal(req: { url?: string; rawHeaders: string[] }): V1Status | undefined {
  const hosts = req.rawHeaders.filter((value, i) => i % 2 === 0 && value.toLowerCase() === 'host').length;
  if ((req.url ?? '').startsWith('/') && hosts <= 1) return undefined;
  return errors.badRequest('the request target must be a path, with one Host header').status;
}

/**
 * Whether `origin` is this port's own origin (the Host the request was sent to): what a
 * same-origin client sends, e.g. the console's proxy, which gives websocket upgrades the API
 * server's own Origin because kube-apiserver refuses a websocket without one. A page elsewhere
 * (another port, another name, `null`) has another origin; a DNS-rebound name fails the Host check.
 */
function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return url.host === new URL(`${url.protocol}//${host.trim()}`).host;
  } catch {
    return false; // not a URL, or a Host no URL has (a port above 65535)
  }
}

/** Why this request is refused (a 403 Status), or undefined when it may proceed. */
export function browserRefusal(headers: IncomingHttpHeaders, allowedHosts: ReadonlySet<string>): V1Status | undefined {
  const host = headers.host;
  if (host !== undefined) {
    const name = hostName(host);
    if (name === undefined || !(isLoopbackOrAddress(name) || allowedHosts.has(name))) {
      return errors.forbidden(
        `host ${JSON.stringify(host.slice(0, 100))} is not served: the embedded cluster answers loopback names and IP addresses` +
          ' (and the names given with --allowed-hosts)',
      ).status;
    }
  }
  const site = headers['sec-fetch-site'];
  const foreignOrigin = headers.origin !== undefined && !isOwnOrigin(headers.origin, host);
  if (foreignOrigin || (site !== undefined && !SAME_ORIGIN_OR_USER.has(site))) {
    return errors.forbidden(
      "requests from web pages are refused: the embedded cluster serves API clients (kubectl, the console's server), not browsers",
    ).status;
  }
  return undefined;
}

/** The names a cluster bound to `bindHost` serves besides loopback names and addresses. */
export function allowedHostSet(bindHost: string, extra: readonly string[] = []): Set<string> {
  const out = new Set<string>();
  for (const h of [bindHost, ...extra]) {
    const name = hostName(h) ?? h.toLowerCase();
    if (name) out.add(name);
  }
  return out;
}
