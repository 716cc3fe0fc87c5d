/** The browser reaches the API under this prefix, as with the OpenShift console. */
export const API_PREFIX = '/api/kubernetes';

/** Upstream paths the proxy may forward to; everything else is refused. */
const ALLOWED = [/^\/api(\/|$)/, /^\/apis(\/|$)/, /^\/version\/?$/, /^\/openapi(\/|$)/];

/**
 * Maps a browser URL (`/api/kubernetes/apis/...?...`) to the upstream path and query, or returns
 * null when it is not a Kubernetes API path the proxy forwards. Dot segments and encoded slashes
 * are refused so that a request can never escape the allow-list.
 */
export function upstreamPath(requestUrl: string): string | null {
  if (!requestUrl.startsWith(API_PREFIX + '/')) return null;
  const rest = requestUrl.slice(API_PREFIX.length);
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  if (/%2f|%5c|\\/i.test(path)) return null;
  if (path.split('/').some((seg) => seg === '..' || seg === '.' || /^%2e/i.test(seg))) return null;
  if (!ALLOWED.some((re) => re.test(path))) return null;
  return rest;
}
