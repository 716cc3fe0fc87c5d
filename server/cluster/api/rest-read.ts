/** GET handlers: get, list, watch (HTTP). */
import { errors, resourceKey } from '../store/index.js';
import type { Ctx } from './context.js';
import { encodeList, encodeOne, negotiate } from './encode.js';
import { sendJsonText } from './http-util.js';
import { eventEncoder, watchHttp, watchParams } from './watch-stream.js';

function limitParam(q: URLSearchParams): number | undefined {
  const l = q.get('limit');
  if (l === null || l === '') return undefined;
  if (!/^-?\d+$/.test(l)) throw errors.badRequest(`invalid limit: ${l}`);
  const n = Number(l);
  return n > 0 ? n : undefined;
}

export function handleGet(c: Ctx): void {
  const out = negotiate(c.req.headers.accept);
  const obj = c.store.get(resourceKey(c.info), c.ri.namespace, c.ri.name!);
  sendJsonText(c.res, 200, encodeOne(obj, c.info, c.ri.version, out, c.query));
}

export function handleList(c: Ctx): void {
  const out = negotiate(c.req.headers.accept);
  const r = c.store.list(resourceKey(c.info), {
    namespace: c.ri.namespace,
    labelSelector: c.query.get('labelSelector') ?? undefined,
    fieldSelector: c.query.get('fieldSelector') ?? undefined,
    limit: limitParam(c.query),
    continue: c.query.get('continue') || undefined,
  });
  const meta: Record<string, unknown> = { resourceVersion: r.resourceVersion };
  if (r.continue) meta.continue = r.continue;
  if (r.remainingItemCount !== undefined) meta.remainingItemCount = r.remainingItemCount;
  sendJsonText(c.res, 200, encodeList(r.items, c.info, c.ri.version, meta, out, c.query));
}

export function handleWatch(c: Ctx): void {
  const out = negotiate(c.req.headers.accept);
  const p = watchParams(c.query, c.ri.namespace, c.ri.name);
  // selectors are checked before the stream starts, so bad ones get a plain 400
  c.store.list(resourceKey(c.info), { labelSelector: p.labelSelector, fieldSelector: p.fieldSelector, limit: 1 });
  watchHttp(c.req, c.res, c.store, c.info, p, eventEncoder(c.info, c.ri.version, out, c.query));
}
