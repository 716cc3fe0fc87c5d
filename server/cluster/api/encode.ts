/**
 * Encoding objects and lists as JSON fast, and Accept negotiation. Stored objects are immutable
 * (a new resourceVersion is a new object), so each one's JSON is serialised once, kept as bytes
 * (a Buffer) next to it, and lists and watch events are assembled from those bytes.
 */
import { apiVersionOf, errors, type KObject, type ResourceInfo } from '../store/index.js';
import { toTable, type IncludeObject } from './table.js';

const bytesCache = new WeakMap<object, Buffer>();

function converted(info: ResourceInfo | undefined, version: string | undefined): boolean {
  return !!(info && version && version !== info.versions[0]);
}

/** The JSON bytes of an object in the requested version; cached for stored (frozen) objects in the storage version. */
export { converted as isConverted };

export function objectBytes(obj: KObject, info: ResourceInfo | undefined, version: string | undefined): Buffer {
  if (converted(info, version))
    return Buffer.from(JSON.stringify({ ...obj, apiVersion: apiVersionOf(info!, version) }));
  if (!Object.isFrozen(obj)) return Buffer.from(JSON.stringify(obj));
  let b = bytesCache.get(obj);
  if (b === undefined) {
    b = Buffer.from(JSON.stringify(obj));
    bytesCache.set(obj, b);
  }
  return b;
}

/** JSON of an object, converted to the requested version. */
export function objectJson(obj: KObject, info: ResourceInfo | undefined, version: string | undefined): string {
  if (converted(info, version)) return JSON.stringify({ ...obj, apiVersion: apiVersionOf(info!, version) });
  return Object.isFrozen(obj) ? objectBytes(obj, info, version).toString() : JSON.stringify(obj);
}

export type Output =
  { kind: 'json' } | { kind: 'table'; version: 'v1' | 'v1beta1' } | { kind: 'partial'; version: 'v1' | 'v1beta1' };

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

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
export function encodeOne(
  obj: KObject,
  info: ResourceInfo,
  version: string,
  out: Output,
  q: URLSearchParams,
): string | Buffer {
  if (out.kind === 'table') {
    const t = toTable(info, [obj], { resourceVersion: obj.metadata.resourceVersion }, includeObjectParam(q));
    if (out.version === 'v1beta1') t.apiVersion = 'meta.k8s.io/v1beta1';
    return JSON.stringify(t);
  }
  if (out.kind === 'partial')
    return JSON.stringify({
      kind: 'PartialObjectMetadata',
      apiVersion: `meta.k8s.io/${out.version}`,
      metadata: obj.metadata,
    });
  return objectBytes(obj, info, version);
}

const COMMA = Buffer.from(',');
const LIST_END = Buffer.from(']}');

/** A list in the negotiated output; JSON lists are concatenated from each item's cached bytes. */
export function encodeList(
  items: KObject[],
  info: ResourceInfo,
  version: string,
  meta: Record<string, unknown>,
  out: Output,
  q: URLSearchParams,
): string | Buffer {
  if (out.kind === 'table') {
    const t = toTable(info, items, meta, includeObjectParam(q));
    if (out.version === 'v1beta1') t.apiVersion = 'meta.k8s.io/v1beta1';
    return JSON.stringify(t);
  }
  if (out.kind === 'partial') {
    return JSON.stringify({
      kind: 'PartialObjectMetadataList',
      apiVersion: `meta.k8s.io/${out.version}`,
      metadata: meta,
      items: items.map((o) => ({
        kind: 'PartialObjectMetadata',
        apiVersion: `meta.k8s.io/${out.version}`,
        metadata: o.metadata,
      })),
    });
  }
  const head = `{"kind":${JSON.stringify(`${info.kind}List`)},"apiVersion":${JSON.stringify(apiVersionOf(info, version))},"metadata":${JSON.stringify(meta)},"items":[`;
  const parts: Buffer[] = [Buffer.from(head)];
  for (let i = 0; i < items.length; i++) {
    if (i) parts.push(COMMA);
    parts.push(objectBytes(items[i], info, version));
  }
  parts.push(LIST_END);
  return Buffer.concat(parts);
}
