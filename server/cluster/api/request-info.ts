/** Parses a request path the way kube-apiserver's RequestInfoFactory does. */
import { queryBool } from './query-bool.js';

export interface ResourceRequest {
  type: 'resource';
  /** "" for the core group. */
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  /** get, list, watch, create, update, patch, delete, deletecollection */
  verb: string;
}

export interface OtherRequest {
  type: 'other';
  path: string;
}

export type RequestInfo = ResourceRequest | OtherRequest;

const VERBS: Record<string, string> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
  GET: 'get',
  HEAD: 'get',
};

/** Segments are URL-decoded; an undecodable path yields `other`. */
export function parseRequestInfo(method: string, pathname: string, query: URLSearchParams): RequestInfo {
  let parts: string[];
  try {
    parts = pathname
      .split('/')
      .filter((p) => p !== '')
      .map((p) => decodeURIComponent(p));
  } catch {
    return { type: 'other', path: pathname };
  }
  let group: string;
  let version: string;
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1];
    parts = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1];
    version = parts[2];
    parts = parts.slice(3);
  } else {
    return { type: 'other', path: pathname };
  }
  let verb = VERBS[method] ?? method.toLowerCase();
  let watchPath = false;
  if (parts[0] === 'watch') {
    watchPath = true;
    parts = parts.slice(1);
    if (!parts.length) return { type: 'other', path: pathname };
  }
  let namespace: string | undefined;
  if (parts[0] === 'namespaces') {
    if (parts.length > 1) namespace = parts[1];
    if (parts.length > 2 && parts[2] !== 'status' && parts[2] !== 'finalize') parts = parts.slice(2);
    else namespace = undefined;
  }
  const resource = parts[0];
  const name = parts[1];
  const subresource = parts.length > 2 ? parts.slice(2).join('/') : undefined;
  if (method === 'GET' || method === 'HEAD') {
    const watch = watchPath || queryBool(query, 'watch');
    if (!name) verb = watch ? 'watch' : 'list';
    else if (watch && !subresource) verb = 'watch';
  }
  if (method === 'DELETE' && !name) verb = 'deletecollection';
  return { type: 'resource', group, version, namespace, resource, name, subresource, verb };
}
