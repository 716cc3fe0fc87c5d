import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Double-submit CSRF protection as the OpenShift console's bridge does it: a random `csrf-token`
 * cookie (SameSite=Strict) is set with the index page; every state-changing request must echo it
 * in the `X-CSRFToken` header.
 */
export const CSRF_COOKIE = 'csrf-token';
export const CSRF_HEADER = 'x-csrftoken';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}

/** Makes sure the browser has a CSRF cookie; call when serving the index page. */
export function ensureCsrfCookie(req: IncomingMessage, res: ServerResponse, secure: boolean): void {
  if (parseCookies(req.headers.cookie).get(CSRF_COOKIE)) return;
  const token = randomBytes(32).toString('base64url');
  const attrs = ['Path=/', 'SameSite=Strict', secure ? 'Secure' : ''].filter(Boolean).join('; ');
  res.appendHeader('Set-Cookie', `${CSRF_COOKIE}=${token}; ${attrs}`);
}

/** True when the request is safe or carries a header that matches the cookie. */
export function csrfOk(req: IncomingMessage): boolean {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return true;
  const cookie = parseCookies(req.headers.cookie).get(CSRF_COOKIE);
  const header = req.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string') return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}
