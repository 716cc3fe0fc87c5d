/** The browser reaches the API under this prefix, as with the OpenShift console. */
export const API_PREFIX = '/api/kubernetes';

/** Upstream paths the proxy may forward to; everything else is refused. */
const ALLOWED = [/^\/api(\/|$)/, /^\/apis(\/|$)/, /^\/version\/?$/, /^\/openapi(\/|$)/];

export type UpstreamTarget =
  | { ok: true; path: string }
  | { ok: false; code: 400 | 403 | 404; reason: 'BadRequest' | 'Forbidden' | 'NotFound'; message: string };

const refuse = (code: 400 | 403 | 404, message: string): UpstreamTarget => ({
  ok: false,
  code,
  reason: code === 400 ? 'BadRequest' : code === 403 ? 'Forbidden' : 'NotFound',
  message,
});

/** Characters a path segment may carry unescaped (RFC 3986 pchar) besides the unreserved ones. */
const KEEP_UNESCAPED = /%(3A|40|24|26|2B|2C|3B|3D)/g;
const encodeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(KEEP_UNESCAPED, (m) => decodeURIComponent(m));

/**
 * The `proxy` subresources of pods, services and nodes (and the old `/api/v1/proxy/...` form):
 * they answer with whatever the pod serves, HTML included, in the console's origin. The console
 * never uses them.
 */
function isProxySubresource(segments: string[]): boolean {
  if (segments[0] !== 'api' || segments[1] !== 'v1') return false;
  if (segments[2] === 'proxy') return true;
  if (segments[2] === 'nodes' && segments[4] === 'proxy') return true;
  return (
    segments[2] === 'namespaces' && (segments[4] === 'pods' || segments[4] === 'services') && segments[6] === 'proxy'
  );
}

/**
 * Maps a browser URL (`/api/kubernetes/apis/...?...`) to the upstream path and query. The path is
 * normalized once: every percent-escape is decoded, repeated slashes are collapsed, and the result
 * is checked and then re-encoded, so the upstream decodes exactly the path that was checked.
 * Ambiguous paths (dot segments, encoded slashes or backslashes, control characters, malformed
 * escapes) are refused with 400; paths outside the Kubernetes API with 404; proxy subresources
 * with 403.
 */
export function upstreamTarget(requestUrl: string): UpstreamTarget {
  if (!requestUrl.startsWith(API_PREFIX + '/'))
    return refuse(404, `the proxy does not forward ${requestUrl.split('?')[0]}`);
  const rest = requestUrl.slice(API_PREFIX.length);
  const q = rest.indexOf('?');
  const rawPath = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q);
  // The query goes upstream as sent: it cannot change the path, but it must be plain URL text.
  if (!/^[\x21-\x7e]*$/.test(query) || query.includes('#'))
    return refuse(400, 'the query string has characters a URL may not carry');
  const raw = rawPath.split('/').slice(1);
  const segments: string[] = [];
  for (const [i, part] of raw.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return refuse(400, 'the path has a malformed percent-escape');
    }
    // eslint-disable-next-line no-control-regex
    if (/[/\\\x00-\x1f\x7f]/.test(segment))
      return refuse(400, 'the path has an encoded slash, a backslash or a control character');
    if (segment === '.' || segment === '..') return refuse(400, 'the path has a dot segment');
    // Repeated slashes collapse; a single trailing slash is kept.
    if (segment !== '' || (i === raw.length - 1 && segments.length > 0)) segments.push(segment);
  }
  const path = '/' + segments.map(encodeSegment).join('/');
  if (!ALLOWED.some((re) => re.test(path))) return refuse(404, `the proxy does not forward ${path}`);
  if (isProxySubresource(segments))
    return refuse(403, 'the console does not forward the proxy subresources of pods, services and nodes');
  return { ok: true, path: path + query };
}
