/**
 * The controllers' `ClusterClient` on a real kube-apiserver: every verb is an HTTPS request
 * (answered synchronously, see sync-http.ts), watches are reflectors (list, then watch from the
 * list's resourceVersion with bookmarks, relisting on 410 Gone: reflector.ts). Writes made "as" a
 * component's identity impersonate it (with `system:masters`, so RBAC does not stand in the way of
 * the simulation), so managedFields and the audit trail name the component, as on a real cluster.
 */
import { findResource } from '../../cluster/store/resources.js';
import { StatusError, type V1Status } from '../../cluster/store/status.js';
import type { KObject } from '../../cluster/store/types.js';
import type {
  ClusterClient,
  DeleteOptions,
  ListOpts,
  ObjectOf,
  PatchType,
  WriteOpts,
} from '../../cluster/runtime/client.js';
import { isConflict } from '../../cluster/runtime/client.js';
import type { ApiTarget } from '../client.js';
import { Reflector } from './reflector.js';
import { SyncHttp, type SyncResponse } from './sync-http.js';

const PATCH_TYPES: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

/** The REST path of a resource key's collection (or of one object, or its subresource). */
export function resourcePath(res: string, namespace?: string, name?: string, subresource?: string): string {
  const info = findResource(res);
  if (!info) throw new Error(`unknown resource ${res}`);
  const base = info.group ? `/apis/${info.group}/${info.versions[0]}` : `/api/${info.versions[0]}`;
  const ns = info.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const one = name !== undefined ? `/${encodeURIComponent(name)}` : '';
  return `${base}${ns}/${info.plural}${one}${subresource && name !== undefined ? `/${subresource}` : ''}`;
}

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function parse(res: SyncResponse, what: string): KObject {
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = undefined;
  }
  if (res.status >= 200 && res.status < 300 && body && typeof body === 'object') return body as KObject;
  const status =
    body && typeof body === 'object' && (body as { kind?: string }).kind === 'Status'
      ? (body as V1Status)
      : ({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `${what}: HTTP ${res.status} ${res.body.slice(0, 200)}`,
          reason: 'InternalError',
          code: res.status || 500,
        } satisfies V1Status);
  throw new StatusError(status);
}

export interface RemoteClient extends ClusterClient {
  close(): Promise<void>;
}

export function remoteClient(target: ApiTarget): RemoteClient {
  const http = new SyncHttp(target.url, target.ca);
  const reflectors = new Set<Reflector>();
  const headers = (user?: string, contentType = 'application/json'): Record<string, string> => ({
    authorization: `Bearer ${target.token}`,
    accept: 'application/json',
    'content-type': contentType,
    ...(user ? { 'impersonate-user': user, 'impersonate-group': 'system:masters' } : {}),
  });
  const call = (method: string, path: string, user?: string, body?: unknown, contentType?: string): KObject =>
    parse(
      http.request({
        method,
        path,
        headers: headers(user, contentType),
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      `${method} ${path}`,
    );
  const writeQuery = (opts?: WriteOpts & { dryRun?: boolean; force?: boolean }) =>
    query({
      fieldManager: opts?.fieldManager,
      dryRun: opts?.dryRun ? 'All' : undefined,
      force: opts?.force ? 'true' : undefined,
    });
  const typed = <K extends string>(o: KObject) => o as ObjectOf<K>;

  const client: RemoteClient = {
    tryGet: <K extends string>(res: K, ns: string | undefined, name: string) => {
      try {
        return typed<K>(call('GET', resourcePath(res, ns, name)));
      } catch (e) {
        if ((e as { code?: number }).code === 404) return undefined;
        throw e;
      }
    },
    list: (res, opts?: ListOpts) => {
      const out = call(
        'GET',
        resourcePath(res, opts?.namespace) +
          query({ labelSelector: opts?.labelSelector, fieldSelector: opts?.fieldSelector }),
      ) as KObject & { items?: KObject[] };
      return {
        items: (out.items ?? []).map((o) => typed(o)),
        resourceVersion: out.metadata.resourceVersion,
      };
    },
    create: (res, obj, opts) => {
      const o = obj as KObject;
      return typed(call('POST', resourcePath(res, o.metadata.namespace) + writeQuery(opts), opts?.user, o));
    },
    update: (res, obj, opts) => {
      const o = obj as KObject;
      const path = resourcePath(res, o.metadata.namespace, o.metadata.name ?? '');
      return typed(call('PUT', path + writeQuery(opts), opts?.user, o));
    },
    updateStatus: (res, obj, opts) => {
      const o = obj as KObject;
      const sub = findResource(res)?.hasStatus ? 'status' : undefined;
      const path = resourcePath(res, o.metadata.namespace, o.metadata.name ?? '', sub);
      return typed(call('PUT', path + writeQuery(opts), opts?.user, o));
    },
    patch: (res, ns, name, type, body, opts) => {
      const path = resourcePath(res, ns, name, opts?.subresource);
      const fieldManager = opts?.fieldManager ?? (type === 'apply' ? 'kubevirt-console-simulation' : undefined);
      return typed(call('PATCH', path + writeQuery({ ...opts, fieldManager }), opts?.user, body, PATCH_TYPES[type]));
    },
    delete: (res, ns, name, opts?: DeleteOptions) => {
      const body = {
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        gracePeriodSeconds: opts?.gracePeriodSeconds,
        propagationPolicy: opts?.propagationPolicy,
        preconditions: opts?.preconditions,
      };
      const out = call('DELETE', resourcePath(res, ns, name) + writeQuery(opts), opts?.user, body);
      const pending = !!out.metadata?.deletionTimestamp || (out.metadata?.finalizers ?? []).length > 0;
      return { object: typed(out), deleted: out.kind === 'Status' || !pending };
    },
    mutate: (res, ns, name, fn, opts) => {
      for (let attempt = 0; ; attempt++) {
        const cur = call('GET', resourcePath(res, ns, name));
        const copy = structuredClone(cur);
        if (fn(typed(copy)) === false) return typed(cur);
        copy.metadata.resourceVersion = cur.metadata.resourceVersion;
        try {
          return opts?.subresource === 'status' ? client.updateStatus(res, copy, opts) : client.update(res, copy, opts);
        } catch (e) {
          if (!isConflict(e) || attempt > 5) throw e;
        }
      }
    },
    bind: (ns, name, node, opts) => {
      const binding = {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name, namespace: ns, ...(opts?.uid ? { uid: opts.uid } : {}) },
        target: { apiVersion: 'v1', kind: 'Node', name: node },
      };
      call('POST', resourcePath('pods', ns, name, 'binding') + writeQuery(opts), opts?.user, binding);
    },
    watch: (res, opts, cb) => {
      const r = new Reflector(target, resourcePath(res, opts.namespace), {
        resourceVersion: opts.resourceVersion,
        list: () => {
          const out = call('GET', resourcePath(res, opts.namespace)) as KObject & { items?: KObject[] };
          return { items: out.items ?? [], resourceVersion: out.metadata.resourceVersion ?? '' };
        },
        onEvent: (type, obj) => cb({ type, object: typed(obj) }),
      });
      reflectors.add(r);
      r.start();
      return () => {
        reflectors.delete(r);
        r.stop();
      };
    },
    async close() {
      for (const r of reflectors) r.stop();
      reflectors.clear();
      await http.close();
    },
  };
  return client;
}
