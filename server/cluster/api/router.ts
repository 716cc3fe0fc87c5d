/** Dispatches a resource request to its handler after authorization. */
import { Readable } from 'node:stream';
import {
  builtinGroup,
  errors,
  findServed,
  PageNotFoundError,
  type AuthHooks,
  type ResourceInfo,
} from '../store/index.js';
import type { Ctx } from './context.js';
import { parseBody, readBody, mediaType, sendJson, sendJsonText } from './http-util.js';
import type { ResourceRequest } from './request-info.js';
import { handleGet, handleList, handleWatch } from './rest-read.js';
import { handleCreate, handleDelete, handleDeleteCollection, handlePatch, handleUpdate } from './rest-write.js';
import { handleCrds } from './crds.js';
import { selfSubjectAccessReview, selfSubjectRulesReview } from './reviews.js';
import { selfSubjectReview } from './self-subject-review.js';
import { uploadTokenRequest } from './upload-token-request.js';
import type { ClusterApi, SubresourceDef } from './subresources.js';

export function authorizeOrThrow(auth: AuthHooks, c: Pick<Ctx, 'user'>, ri: ResourceRequest): void {
  const attrs = {
    verb: ri.verb,
    group: ri.group,
    resource: ri.resource,
    subresource: ri.subresource,
    namespace: ri.namespace,
    name: ri.name,
  };
  if (!auth.authorize(c.user, attrs).allowed) {
    const st = auth.forbidden(c.user, attrs);
    throw Object.assign(errors.forbidden(st.message ?? 'forbidden'), { status: st });
  }
}

/** Resolves the served resource or throws 404 as kube-apiserver says it. */
export function resolve(ri: ResourceRequest): ResourceInfo {
  const info = findServed(ri.group, ri.version, ri.resource);
  if (!info) throw builtinGroup(ri.group) ? errors.notFoundPath() : new PageNotFoundError();
  if (!info.namespaced && ri.namespace !== undefined) throw errors.notFoundPath();
  return info;
}

export async function runSubresource(c: Omit<Ctx, 'info'>, def: SubresourceDef): Promise<void> {
  if ((def.namespaced ?? true) && !c.ri.namespace) throw errors.notFoundPath();
  if (!def.handle) throw errors.badRequest('this subresource needs a websocket upgrade');
  const raw = c.req.method === 'GET' || c.req.method === 'HEAD' ? Buffer.alloc(0) : await readBody(c.req);
  const body =
    raw.length && raw.toString('utf8').trim()
      ? parseBody(raw, mediaType(c.req.headers['content-type']), true)
      : undefined;
  const r = await def.handle({
    method: c.req.method ?? 'GET',
    group: c.ri.group,
    version: c.ri.version,
    namespace: c.ri.namespace,
    name: c.ri.name!,
    resource: c.ri.resource,
    subresource: c.ri.subresource!,
    query: c.query,
    headers: c.req.headers,
    body,
    user: c.user,
    store: c.store,
  });
  const status = r?.status ?? 200;
  const headers = r?.headers ?? {};
  if (r?.body === undefined) {
    c.res.writeHead(status, headers);
    c.res.end();
  } else if (r.body instanceof Readable) {
    // streamed as it comes (pods/log?follow=true): flushed chunk by chunk, ended by the stream or the client
    const body = r.body;
    c.res.writeHead(status, { 'Content-Type': r.contentType ?? 'application/octet-stream', ...headers });
    c.res.flushHeaders();
    c.res.on('close', () => body.destroy());
    body.on('error', () => c.res.destroy());
    body.pipe(c.res);
  } else if (Buffer.isBuffer(r.body) || typeof r.body === 'string') {
    c.res.writeHead(status, { 'Content-Type': r.contentType ?? 'application/octet-stream', ...headers });
    c.res.end(r.body);
  } else {
    sendJson(c.res, status, r.body, headers);
  }
}

const BINARY_TYPES = new Set(['application/cbor', 'application/apply-patch+cbor']);

export async function route(c: Omit<Ctx, 'info'>, auth: AuthHooks, api: ClusterApi): Promise<void> {
  const ri = c.ri;
  const ct = mediaType(c.req.headers['content-type']);
  if (BINARY_TYPES.has(ct)) {
    // we speak JSON and YAML only; client-go falls back to JSON on 415
    throw errors.unsupportedMediaType(ct, ['application/json', 'application/yaml']);
  }
  // a root of an aggregated group version (subresources.kubevirt.io/v1/version, /healthz)
  const root = !ri.name && !ri.namespace ? api.find(ri.group, ri.version, ri.resource, '') : undefined;
  if (root) {
    authorizeOrThrow(auth, c, { ...ri, verb: 'get' });
    if (!root.handle) throw errors.notFoundPath();
    const r = await root.handle({
      method: c.req.method ?? 'GET',
      group: ri.group,
      version: ri.version,
      name: '',
      resource: ri.resource,
      subresource: '',
      query: c.query,
      headers: c.req.headers,
      body: undefined,
      user: c.user,
      store: c.store,
    });
    return sendJson(c.res, r?.status ?? 200, r?.body ?? {});
  }
  if (ri.subresource && ri.name) {
    const def = api.find(ri.group, ri.version, ri.resource, ri.subresource);
    if (def) {
      authorizeOrThrow(auth, c, ri);
      await runSubresource(c, def);
      return;
    }
  }
  const info = resolve(ri);
  const ctx: Ctx = { ...c, info };
  if (ri.subresource && !(ri.subresource === 'status' && info.hasStatus)) throw errors.notFoundPath();
  if (info.namespaced && !ri.namespace && ri.name) throw errors.notFoundPath();
  const verb = ri.subresource ? ri.verb : ri.verb;
  if (!ri.subresource && !info.verbs.includes(verb)) throw errors.methodNotAllowed();
  if (ri.subresource === 'status' && !['get', 'update', 'patch'].includes(verb)) throw errors.methodNotAllowed();
  authorizeOrThrow(auth, ctx, ri);
  if (info.virtual) {
    if (info.plural === 'selfsubjectaccessreviews') return selfSubjectAccessReview(ctx, auth);
    if (info.plural === 'selfsubjectrulesreviews') return selfSubjectRulesReview(ctx, auth);
    if (info.plural === 'selfsubjectreviews') return selfSubjectReview(ctx);
    if (info.plural === 'uploadtokenrequests') return uploadTokenRequest(ctx);
    if (info.plural === 'customresourcedefinitions') return handleCrds(ctx);
  }
  switch (verb) {
    case 'get':
      return handleGet(ctx);
    case 'list':
      return handleList(ctx);
    case 'watch':
      return handleWatch(ctx);
    case 'create':
      return handleCreate(ctx);
    case 'update':
      return handleUpdate(ctx);
    case 'patch':
      return handlePatch(ctx);
    case 'delete':
      return handleDelete(ctx);
    case 'deletecollection':
      return handleDeleteCollection(ctx);
    default:
      throw errors.methodNotAllowed();
  }
}

export { sendJsonText };
