/**
 * The embedded cluster's port serves API clients (kubectl, client libraries, the console's server-side
 * proxy), never web pages. Without a users file it asks for no credentials, so a page in the user's
 * browser that finds the port must not be able to use it:
 *
 * - a request a browser sends on a page's behalf carries `Origin` (every cross-origin request, every
 *   POST/PUT/PATCH/DELETE, every websocket) or `Sec-Fetch-Site` (every request of current browsers);
 *   those are refused, except `Sec-Fetch-Site: same-origin` (a page served by this port, which serves
 *   none) and `none` (the user typed the URL);
 * - DNS rebinding (a page whose own name the attacker points at 127.0.0.1) sends its own name as
 *   `Host`: only loopback names, IP addresses and the names the cluster was told to serve are accepted.
 *
 * kubectl and client-node send neither header, and the console's proxy forwards neither `Origin`
 * nor `Host` (it sends the cluster's address), so they are unaffected.
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
  if (headers.origin !== undefined || (site !== undefined && !SAME_ORIGIN_OR_USER.has(site))) {
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
