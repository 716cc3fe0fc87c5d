/** Encoding objects and lists as JSON fast (cached per stored object), and Accept negotiation. */
import { apiVersionOf, errors, type KObject, type ResourceInfo } from '../store/index.js';
import { toTable, type IncludeObject } from './table.js';

const jsonCache = new WeakMap<object, string>();

/** JSON of a stored (frozen, immutable) object, converted to the requested version. */
export function objectJson(obj: KObject, info: ResourceInfo | undefined, version: string | undefined): string {
  if (info && version && version !== info.versions[0]) {
    return JSON.stringify({ ...obj, apiVersion: apiVersionOf(info, version) });
  }
  if (!Object.isFrozen(obj)) return JSON.stringify(obj);
  let s = jsonCache.get(obj);
  if (s === undefined) {
    s = JSON.stringify(obj);
    jsonCache.set(obj, s);
  }
  return s;
}

export type Output =
  | { kind: 'json' }
  | { kind: 'table'; version: 'v1' | 'v1beta1' }
  | { kind: 'partial'; version: 'v1' | 'v1beta1' };

interface MediaRange { type: string; params: Record<string, string> }

function parseAccept(accept: string | undefined): MediaRange[] {
  if (!accept) return [];
  return accept.split(',').map((part) => {
    const [type, ...ps] = part.split(';').map((x) => x.trim());
    const params: Record<string, string> = {};
    for (const p of ps) {
      const i = p.indexOf('=');
      if (i > 0) params[p.slice(0, i).trim()] = p.slice(i + 1).trim();
    }
    return { type: type.toLowerCase(), params };
  });
}

/** Picks the first Accept entry we can produce; 406 when there is none. */
export function negotiate(accept: string | undefined): Output {
  const ranges = parseAccept(accept);
  if (!ranges.length) return { kind: 'json' };
  for (const r of ranges) {
    if (r.type !== 'application/json' && r.type !== '*/*' && r.type !== 'application/*') continue;
    const as = r.params.as;
    if (!as) return { kind: 'json' };
    if (r.params.g !== 'meta.k8s.io') continue;
    const v = r.params.v === 'v1beta1' ? 'v1beta1' : r.params.v === 'v1' ? 'v1' : undefined;
    if (!v) continue;
    if (as === 'Table') return { kind: 'table', version: v };
    if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return { kind: 'partial', version: v };
  }
  if (ranges.some((r) => r.type === 'application/yaml')) return { kind: 'json' };
  throw errors.notAcceptable(['application/json', 'application/yaml']);
}

export function includeObjectParam(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

/** A single object in the negotiated output. */
export function encodeOne(obj: KObject, info: ResourceInfo, version: string, out: Output, q: URLSearchParams): string {
  if (out.kind === 'table') {
    const t = toTable(info, [obj], { resourceVersion: obj.metadata.resourceVersion }, includeObjectParam(q));
    if (out.version === 'v1beta1') t.apiVersion = 'meta.k8s.io/v1beta1';
    return JSON.stringify(t);
  }
  if (out.kind === 'partial') return JSON.stringify({ kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${out.version}`, metadata: obj.metadata });
  return objectJson(obj, info, version);
}

/** A list in the negotiated output; items are concatenated from cached JSON. */
export function encodeList(items: KObject[], info: ResourceInfo, version: string, meta: Record<string, unknown>, out: Output, q: URLSearchParams): string {
  if (out.kind === 'table') {
    const t = toTable(info, items, meta, includeObjectParam(q));
    if (out.version === 'v1beta1') t.apiVersion = 'meta.k8s.io/v1beta1';
    return JSON.stringify(t);
  }
  if (out.kind === 'partial') {
    return JSON.stringify({
      kind: 'PartialObjectMetadataList', apiVersion: `meta.k8s.io/${out.version}`, metadata: meta,
      items: items.map((o) => ({ kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${out.version}`, metadata: o.metadata })),
    });
  }
  const head = `{"kind":${JSON.stringify(`${info.kind}List`)},"apiVersion":${JSON.stringify(apiVersionOf(info, version))},"metadata":${JSON.stringify(meta)},"items":[`;
  const parts = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) parts[i] = objectJson(items[i], info, version);
  return `${head}${parts.join(',')}]}`;
}
